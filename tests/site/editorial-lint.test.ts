/**
 * The editorial lint on real builds: it finds the body of every published article in the built pages,
 * with the markup the site actually renders.
 */
import { describe, expect, test } from 'vitest';

import { site } from '@/config/site';
import { lintArticle } from '@/lib/editorial/lint';
import { readLintSources } from '@/lib/editorial/source';

import { TEST_BUILD_DATE } from '../helpers/build-day';
import { builtSites } from '../helpers/fixture-sites';
import { FIXTURE_CONTENT } from '../helpers/paths';

const [SITE_DIST, FIXTURE_DIST] = await builtSites('site', 'fixture');

const options = { today: new Date('2026-11-27T00:00:00Z'), reviewCycleYears: 3, dateLocale: site.dateLocale };

describe.each([
  { name: 'the site', contentDir: 'content', dist: SITE_DIST },
  { name: 'the fixture site', contentDir: FIXTURE_CONTENT, dist: FIXTURE_DIST },
])('on $name', ({ contentDir, dist }) => {
  const sources = readLintSources({ contentDir, dist, today: TEST_BUILD_DATE });

  test('reads the built body of every published article, and nothing stops it', () => {
    expect(sources.warnings).toEqual([]);
    expect(sources.inputs.length).toBeGreaterThan(0);
    expect(sources.inputs.filter((input) => !input.rendered).map((input) => input.file)).toEqual([]);
  });

  test('gives every article with prose a readability grade', () => {
    const results = sources.inputs.map((input) => lintArticle(input, options));
    expect(results.filter((result) => result.grade === undefined).map((result) => result.file)).toEqual([]);
  });
});

test('reads an article’s own headings and prose from its built page, not the comments', () => {
  const { inputs } = readLintSources({ contentDir: FIXTURE_CONTENT, dist: FIXTURE_DIST, today: TEST_BUILD_DATE });
  const article = inputs.find((input) => input.file.endsWith('search-words.mdx'))!;
  expect(article.rendered!.headings).toEqual([{ level: 2, text: 'A second section' }]);
  expect(article.rendered!.text).toContain('zanzibarine');
  expect(article.rendered!.text).not.toContain('wobblethorpe');
});

test('reads a long article’s body, not the table of contents before it', () => {
  const { inputs } = readLintSources({ contentDir: FIXTURE_CONTENT, dist: FIXTURE_DIST });
  const article = inputs.find((input) => input.file.endsWith('table-of-contents.mdx'))!;
  expect(article.rendered!.headings).toEqual([
    { level: 2, text: 'First section' },
    { level: 2, text: 'Second section' },
    { level: 3, text: 'A third-level heading' },
    { level: 2, text: 'Third section' },
    { level: 2, text: 'Fourth section, with punctuation: "quotes" & ampersands' },
    { level: 2, text: 'Notes' },
    { level: 2, text: 'References' },
  ]);
  expect(article.rendered!.text).toContain('This article exists only for the test suite.');
});
