/**
 * `npm run lint:content`: the editorial lint of every published article, one line per warning with its
 * fix, a readability line per article, and a summary. See `src/lib/editorial/lint-command.ts`.
 *
 * Options: `--strict` (exit 1 when there is any warning), `--today YYYY-MM-DD` (judge review dates
 * against another day), `--content <dir>` (default: CONTENT_DIR or ./content), `--dist <dir>` (default: dist).
 */
import { runLintContentCommand } from '@/lib/editorial/lint-command';

const result = runLintContentCommand(process.argv.slice(2));
for (const line of result.out) console.log(line);
for (const line of result.err) console.error(line);
process.exitCode = result.code;
