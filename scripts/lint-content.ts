/**
 * `npm run lint:content`: the editorial lint of every published article, one line per warning with its
 * fix, a readability line per article, and a summary. Reads frontmatter from the content folder and the
 * article bodies from the last build in `dist/` (it says when that is missing or older than an article).
 *
 * Options: `--strict` (exit 1 when there is any warning), `--today YYYY-MM-DD` (judge review dates
 * against another day), `--content <dir>` (default: CONTENT_DIR or ./content), `--dist <dir>` (default: dist).
 */
import '@/config/settings-guard';

import { parseArgs } from 'node:util';

import { contentDir } from '@/config/content-dir';
import { formatReadability, formatWarning, lintArticle, summarizeLint } from '@/lib/editorial/lint';

// Loaded once the guard above has checked the settings (SITE_URL, BUILD_DATE…): a static import would be
// evaluated beside the guard and stop with a stack trace.
const { site } = await import('@/config/site');
const { readLintSources } = await import('@/lib/editorial/source');

const { values } = parseArgs({
  options: {
    strict: { type: 'boolean', default: false },
    today: { type: 'string' },
    content: { type: 'string', default: contentDir },
    dist: { type: 'string', default: 'dist' },
  },
});

const today = values.today ? new Date(`${values.today}T00:00:00Z`) : new Date();
// `2026-02-30` parses as 2 March: a day is refused unless it reads back as written.
if (Number.isNaN(today.getTime()) || (values.today && today.toISOString().slice(0, 10) !== values.today)) {
  console.error(`--today ${values.today}: not a date. Write it as YYYY-MM-DD.`);
  process.exit(2);
}

const sources = readLintSources({ contentDir: values.content, dist: values.dist });
const results = sources.inputs.map((input) =>
  lintArticle(input, { today, reviewCycleYears: site.reviewCycleYears, dateLocale: site.dateLocale }),
);
// Warnings about the whole run (no build) first, then article by article; a stable sort keeps each
// article's warnings in rule order.
const all = [...sources.warnings, ...results.flatMap((result) => result.warnings)];
const aboutArticle = (warning: { file: string }) => warning.file.endsWith('.mdx');
const warnings = [
  ...all.filter((warning) => !aboutArticle(warning)),
  ...all.filter(aboutArticle).sort((a, b) => a.file.localeCompare(b.file)),
];
for (const warning of warnings) console.log(formatWarning(warning));
for (const result of results) {
  const line = formatReadability(result);
  if (line) console.log(line);
}
console.log(summarizeLint(results, sources.warnings.length));
process.exitCode = values.strict && warnings.length > 0 ? 1 : 0;
