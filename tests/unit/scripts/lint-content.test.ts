/**
 * `npm run lint:content`, run as an editor runs it, on a fixture content folder with known problems and
 * a hand-made `dist/` holding the built pages of two of its articles.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { runLintContentCommand } from '@/lib/editorial/lint-command';

const SCRIPT = fileURLToPath(new URL('../../../scripts/lint-content.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/editorial-lint', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'lint-content-'));
  cpSync(FIXTURE, folder, { recursive: true });
  // A checkout gives files arbitrary times: the articles are written first, then built.
  for (const slug of ['draft', 'due-soon', 'good', 'problems']) {
    utimesSync(join(folder, `content/articles/${slug}.mdx`), new Date('2026-01-01'), new Date('2026-01-01'));
  }
  for (const slug of ['good', 'problems']) {
    utimesSync(join(folder, `dist/articles/${slug}/index.html`), new Date('2026-02-01'), new Date('2026-02-01'));
  }
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

const OPTIONS = ['--today', '2026-11-27', '--content', 'content', '--dist', 'dist'];

/**
 * Runs `scripts/lint-content.ts` in the fixture folder as `npm run lint:content` does, in its own Node and
 * tsx (seconds on a busy machine: only the test of the script's own output and exit code), judging review
 * dates against 27 November 2026.
 */
function lintScript(args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [TSX, '--tsconfig', TSCONFIG, SCRIPT, ...OPTIONS, ...args], {
    cwd: folder,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: result.status, lines: result.stdout.trimEnd().split('\n'), stderr: result.stderr };
}

/** The command's entry in this process, run in the fixture folder, as the script prints it. */
function lint(...args: string[]) {
  const result = runLintContentCommand([...OPTIONS, ...args], folder);
  const text = (lines: string[]) => lines.map((line) => `${line}\n`).join('');
  return { status: result.code, lines: text(result.out).trimEnd().split('\n'), stderr: text(result.err) };
}

const REBUILD = 'Fix: run `npm run build`, then lint again.';
const REVIEW_FIX =
  'Fix: check the article is still accurate, then set lastReviewed (or medicalReview.date, after a medical review) to the day of the review.';

const EXPECTED = [
  `content/articles/due-soon.mdx: dist/articles/due-soon/index.html is missing, so its headings, images and readability were not checked. ${REBUILD}`,
  `content/articles/due-soon.mdx: review due on 10 December 2026, in 13 days (last reviewed 10 December 2023). ${REVIEW_FIX}`,
  'content/articles/due-soon.mdx: no description. Fix: add description: one or two sentences saying what the article answers, for search results and the article list.',
  `content/articles/problems.mdx: review overdue: it was due on 1 January 2023 (never reviewed, published 1 January 2020). ${REVIEW_FIX}`,
  'content/articles/problems.mdx: the description is 179 characters; search results show about 160, so its end is cut off. Fix: shorten it to 160 characters or fewer.',
  'content/articles/problems.mdx: no references. Fix: list the sources the article relies on under references (title, publisher, url, date) and cite them in the text.',
  'content/articles/problems.mdx: heading "Causes" is level 3 (###) as the first heading, under the page title (level 1): it skips level 2. Fix: make it level 2 (##).',
  'content/articles/problems.mdx: heading "Rare causes" is level 5 (#####) after level 3 "Causes": it skips level 4. Fix: make it level 4 (####).',
  'content/articles/problems.mdx: image "/images/diagram.png" has no alternative text. Fix: say what the image shows for readers who cannot see it: ![what it shows](/images/diagram.png).',
  expect.stringMatching(
    /^content\/articles\/problems\.mdx: hard to read: Flesch–Kincaid grade \d+\.\d, above grade 8, the most health information for the public should need\. Fix: shorten long sentences and prefer everyday words to long ones\.$/,
  ),
  expect.stringMatching(/^content\/articles\/good\.mdx: readability: Flesch–Kincaid grade \d\.\d \(30 words\)\.$/),
  expect.stringMatching(/^content\/articles\/problems\.mdx: readability: Flesch–Kincaid grade \d+\.\d \(44 words\)\.$/),
  expect.stringMatching(
    /^Editorial lint: 10 warnings, 2 of 3 published articles with warnings\. Flesch–Kincaid grades \d\.\d to \d+\.\d\.$/,
  ),
];

describe('npm run lint:content', { timeout: 60_000 }, () => {
  test('prints one line per warning with its fix, a readability line per article and a summary, and exits 0', () => {
    const { status, lines } = lintScript();
    expect(lines).toEqual(EXPECTED);
    expect(status).toBe(0);
  });

  test('exits 1 under --strict when there are warnings, printing the same lines', () => {
    const { status, lines } = lint('--strict');
    expect(lines).toEqual(EXPECTED);
    expect(status).toBe(1);
  });

  test('exits 0 under --strict when there are none', () => {
    rmSync(join(folder, 'content/articles/problems.mdx'));
    rmSync(join(folder, 'content/articles/due-soon.mdx'));
    const { status, lines } = lint('--strict');
    expect(lines.at(-1)).toMatch(/^Editorial lint: 0 warnings, 0 of 1 published article with warnings\./);
    expect(status).toBe(0);
  });

  test('says when dist/ is missing, and still checks the frontmatter', () => {
    rmSync(join(folder, 'dist'), { recursive: true });
    const { status, lines } = lint('--strict');
    expect(lines[0]).toBe(
      `dist: there is no built site to read, so headings, images and readability were not checked. ${REBUILD}`,
    );
    expect(lines).toContain(
      'content/articles/problems.mdx: no references. Fix: list the sources the article relies on under references (title, publisher, url, date) and cite them in the text.',
    );
    expect(lines.filter((line) => line.includes('readability:'))).toEqual([]);
    expect(status).toBe(1);
  });

  test('says when a built page is older than its article, and does not read it', () => {
    utimesSync(join(folder, 'content/articles/good.mdx'), new Date('2026-03-01'), new Date('2026-03-01'));
    const { lines } = lint();
    expect(lines[0]).toBe(
      `content/articles/due-soon.mdx: dist/articles/due-soon/index.html is missing, so its headings, images and readability were not checked. ${REBUILD}`,
    );
    expect(lines).toContain(
      `content/articles/good.mdx: dist/articles/good/index.html is older than the article, so its headings, images and readability were not checked. ${REBUILD}`,
    );
    expect(lines.some((line) => line.startsWith('content/articles/good.mdx: readability:'))).toBe(false);
  });

  test('refuses a --today that is not a date', () => {
    const { status, stderr } = lint('--today', '2026-13-45');
    expect(stderr.trim()).toBe('--today 2026-13-45: not a date. Write it as YYYY-MM-DD.');
    expect(status).toBe(2);
    expect(lint('--today', '2026-02-30').stderr.trim()).toBe('--today 2026-02-30: not a date. Write it as YYYY-MM-DD.');
  });

  test('refuses a BUILD_DATE that is not a date in one line, with no stack trace', () => {
    const { status, stderr } = lintScript([], { BUILD_DATE: '2026-13-45' });
    expect(stderr.trim()).toBe(
      'Setting: BUILD_DATE="2026-13-45" is not a date: write the day to build as YYYY-MM-DD, such as BUILD_DATE=' +
        `${new Date().toISOString().slice(0, 10)}, or leave it out to build as of today.`,
    );
    expect(status).toBe(1);
  });
});
