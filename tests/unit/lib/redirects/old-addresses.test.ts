import { dirname } from 'node:path';

import { describe, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { readOldAddresses, type SiteAddresses } from '@/lib/redirects/old-addresses';

import { folderWithFiles } from '../../../helpers/folder-with-files';

/** A content folder holding these files. */
const contentFolder = (files: Record<string, string>) => folderWithFiles('old-addresses-', files);

const article = (redirectFrom: string[]) =>
  [
    '---',
    'title: Leg cramps',
    'description: Why they happen.',
    'published: 2024-05-01',
    'redirectFrom:',
    ...redirectFrom.map((address) => `  - ${JSON.stringify(address)}`),
    '---',
    '',
    'Text.',
    '',
  ].join('\n');

const SITE: SiteAddresses = { base: '/', takenSegments: new Set(['articles', 'tags', 'page', 'about']) };
const read = (folder: string, site = SITE) => readOldAddresses(folder, (path) => `content/${path}`, site);
const lines = (folder: string, site = SITE) => read(folder, site).problems.map(formatProblem);

describe('old addresses in the content', () => {
  test('are read from the articles’ redirectFrom and from redirects.yaml', () => {
    const folder = contentFolder({
      'articles/leg-cramps.mdx': article(['/2019/05/leg-cramps/', '/?p=12']),
      'redirects.yaml': 'redirects:\n  - from: /category/pregnancy/\n    to: /tags/pregnancy/\n',
    });
    expect(read(folder)).toEqual({
      addresses: [
        {
          from: '/2019/05/leg-cramps/',
          to: { article: 'leg-cramps' },
          file: 'content/articles/leg-cramps.mdx',
          entry: 'article "leg-cramps"',
          field: 'redirectFrom[1]',
        },
        {
          from: '/?p=12',
          to: { article: 'leg-cramps' },
          file: 'content/articles/leg-cramps.mdx',
          entry: 'article "leg-cramps"',
          field: 'redirectFrom[2]',
        },
        {
          from: '/category/pregnancy/',
          to: { path: '/tags/pregnancy/' },
          file: 'content/redirects.yaml',
          entry: 'redirects',
          field: 'redirects[1].from',
        },
      ],
      problems: [],
    });
  });

  test('the same address twice, even spelt differently, is a problem naming both places', () => {
    const folder = contentFolder({
      'articles/leg-cramps.mdx': article(['/2019/05/leg-cramps/']),
      'articles/cramps.mdx': article(['/2019/05/leg-cramps']),
    });
    expect(lines(folder)).toEqual([
      'content/articles/leg-cramps.mdx: article "leg-cramps", field "redirectFrom[1]": /2019/05/leg-cramps/ is also an old address in content/articles/cramps.mdx (article "cramps", redirectFrom[1]). Fix: keep it in one place only, where the page it should lead to is.',
    ]);
  });

  test('an address of the site’s own pages is a problem, and so is its home page', () => {
    const folder = contentFolder({
      'articles/leg-cramps.mdx': article(['/tags/pregnancy/', '/about/', '/', '/?p=3']),
    });
    expect(lines(folder)).toEqual([
      'content/articles/leg-cramps.mdx: article "leg-cramps", field "redirectFrom[1]": /tags/pregnancy/ is an address of this site\'s own pages, so it cannot lead elsewhere. Fix: remove it: the page at that address is served as it is.',
      'content/articles/leg-cramps.mdx: article "leg-cramps", field "redirectFrom[2]": /about/ is an address of this site\'s own pages, so it cannot lead elsewhere. Fix: remove it: the page at that address is served as it is.',
      'content/articles/leg-cramps.mdx: article "leg-cramps", field "redirectFrom[3]": / is an address of this site\'s own pages, so it cannot lead elsewhere. Fix: remove it: the page at that address is served as it is.',
    ]);
  });

  test('under a base path, only addresses below it can be the site’s own', () => {
    const folder = contentFolder({ 'articles/leg-cramps.mdx': article(['/tags/pregnancy/', '/health/tags/x/']) });
    expect(read(folder, { ...SITE, base: '/health/' }).problems.map((problem) => problem.field)).toEqual([
      'redirectFrom[2]',
    ]);
  });

  test('a redirects.yaml the schema refuses is reported field by field', () => {
    const folder = contentFolder({
      'redirects.yaml': 'redirects:\n  - from: https://old.example/feed/\n    to: /rss.xml?x=1\n',
    });
    expect(lines(folder)).toEqual([
      'content/redirects.yaml: redirects, field "redirects[1].from": must be a path without a scheme or host. Fix: leave out "https://" and the host name: write the path of the old page on its site, starting with "/", such as /2019/05/leg-cramps/ or /?p=123.',
      'content/redirects.yaml: redirects, field "redirects[1].to": must be a page of this site without a query. Fix: write the path of the page below the base path, such as /tags/pregnancy/ or /rss.xml.',
    ]);
  });
});

describe('the content check', () => {
  test('refuses an old address that is not a path, with the article, the field and what to write', () => {
    const folder = contentFolder({ 'articles/leg-cramps.mdx': article(['/ok/', '2019/05/leg-cramps/', '/a/../b/']) });
    expect(checkContent(folder, dirname(folder)).problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /articles\/leg-cramps\.mdx:7:5: article "leg-cramps", field "redirectFrom\[2\]": must start with "\/"\. Fix: write the path of the old page on its site/,
      ),
      expect.stringMatching(/field "redirectFrom\[3\]": must not hold "\." or "\.\." segments or backslashes\./),
    ]);
  });

  test('reports two articles claiming one old address', () => {
    const folder = contentFolder({
      'articles/a.mdx': article(['/?p=1']),
      'articles/b.mdx': article(['/?p=1']),
    });
    expect(checkContent(folder, dirname(folder)).problems.map((problem) => problem.problem)).toEqual([
      expect.stringContaining('/?p=1 is also an old address in'),
    ]);
  });

  test('does not note redirects.yaml as a file the site does not read', () => {
    const folder = contentFolder({ 'redirects.yaml': 'redirects: []\n' });
    expect(checkContent(folder, dirname(folder)).notes).toEqual([]);
  });
});
