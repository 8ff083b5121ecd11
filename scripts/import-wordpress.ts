/**
 * Imports a WordPress export (WXR) into the content folder:
 *
 *   npm run import:wordpress -- <export.xml> [--out <dir>] [--dry-run] [--include-pages]
 *                                            [--include-pingbacks] [--force] [--no-media]
 *                                            [--media-from <host>]… [--media-max-size <MB>]
 *
 * Exit code 0 when the import finished, 1 on any error (nothing is written then), 130 or 143 when
 * interrupted by Ctrl-C or a kill (nothing is written then either; the temporary folder is removed).
 * See `src/lib/import/wordpress/command.ts`.
 */
import { runImportCommand } from '@/lib/import/wordpress/command';

process.exitCode = await runImportCommand(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (text) => process.stderr.write(text),
  errIsTerminal: Boolean(process.stderr.isTTY),
  exitOnSignal: (code) => process.exit(code),
});
