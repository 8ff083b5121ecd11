/**
 * `npm run lint:content`: the editorial lint (`src/lib/editorial/lint-command.ts`), connected to this
 * process.
 *
 * Options: `--strict` (exit 1 when there is any warning), `--today YYYY-MM-DD` (judge review dates
 * against another day), `--content <dir>` (default: CONTENT_DIR or ./content), `--dist <dir>` (default: dist).
 */
import '@/config/settings-guard';

// Loaded once the guard above has checked the settings (SITE_URL, BUILD_DATE…): a static import would be
// evaluated beside the guard and stop with a stack trace.
const { runLintContentCommand } = await import('@/lib/editorial/lint-command');

const result = runLintContentCommand(process.argv.slice(2));
for (const line of result.out) console.log(line);
for (const line of result.err) console.error(line);
process.exitCode = result.code;
