/**
 * `npm run lint:content`, free of the process it runs in (tests run it in-process): the editorial lint of
 * every published article, one line per warning with its fix, a readability line per article, and a
 * summary. Reads frontmatter from the content folder and the article bodies from the last build in
 * `dist/` (it says when that is missing or older than an article).
 *
 * Options: `--strict` (exit 1 when there is any warning), `--today YYYY-MM-DD` (judge review dates
 * against another day), `--content <dir>` (default: CONTENT_DIR or ./content), `--dist <dir>` (default: dist).
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { contentDir } from '@/config/content-dir';
import { site } from '@/config/site';
import { formatReadability, formatWarning, lintArticle, summarizeLint } from '@/lib/editorial/lint';
import { readLintSources } from '@/lib/editorial/source';

/** What the command said: lines for standard output and standard error, and the exit code. */
export interface LintCommandResult {
  out: string[];
  err: string[];
  code: number;
}

/**
 * Runs `npm run lint:content` with these arguments.
 * @param root the folder it runs in: relative `--content` and `--dist` are read from it, and file names
 *   in messages are relative to it
 */
export function runLintContentCommand(argv: readonly string[], root = process.cwd()): LintCommandResult {
  const { values } = parseArgs({
    args: [...argv],
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
    return { out: [], err: [`--today ${values.today}: not a date. Write it as YYYY-MM-DD.`], code: 2 };
  }

  const sources = readLintSources({
    contentDir: resolve(root, values.content),
    dist: resolve(root, values.dist),
    root,
  });
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
  const out = warnings.map(formatWarning);
  for (const result of results) {
    const line = formatReadability(result);
    if (line) out.push(line);
  }
  out.push(summarizeLint(results, sources.warnings.length));
  return { out, err: [], code: values.strict && warnings.length > 0 ? 1 : 0 };
}
