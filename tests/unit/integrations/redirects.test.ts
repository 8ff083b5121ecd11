import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { AstroIntegrationLogger } from 'astro';
import { describe, expect, test } from 'vitest';

import { redirectPagesSetting } from '@/config/redirect-pages';
import { redirects } from '@/integrations/redirects';

import { folderWithFiles } from '../../helpers/folder-with-files';

const folderWith = (files: Record<string, string>) => folderWithFiles('redirects-integration-', files);

const article = (redirectFrom: string[], draft = false) =>
  `---\ntitle: T\ndescription: D\npublished: 2024-05-01\nredirectFrom:\n${redirectFrom.map((from) => `  - "${from}"`).join('\n')}\n${draft ? 'draft: true\n' : ''}---\n\nText.\n`;

/** Runs the integration's end-of-build hook on `dist`; returns what it logged. */
function runBuildDone(contentDir: string, dist: string, redirectPages = false) {
  const logged: string[] = [];
  const logger = {
    info: (line: string) => logged.push(`info ${line}`),
    warn: (line: string) => logged.push(`warn ${line}`),
  };
  const { hooks } = redirects(contentDir, redirectPages);
  (hooks['astro:config:done'] as (options: unknown) => void)({ config: { base: '/' } });
  (hooks['astro:build:done'] as (options: unknown) => void)({
    dir: pathToFileURL(`${dist}/`),
    logger: logger as unknown as AstroIntegrationLogger,
  });
  return logged;
}

describe('the redirects integration', () => {
  const content = () =>
    folderWith({
      'articles/leg-cramps.mdx': article(['/2019/05/leg-cramps/', '/?p=12']),
      'articles/later.mdx': article(['/2020/01/later/'], true),
      'redirects.yaml':
        'redirects:\n  - from: /category/sleep/\n    to: /tags/sleep/\n  - from: /feed/\n    to: /rss.xml\n',
    });
  const dist = () => folderWith({ 'articles/leg-cramps/index.html': '<p>x</p>', 'rss.xml': '<rss/>' });

  test('writes dist/_redirects with every old address whose page was built', () => {
    const built = dist();
    runBuildDone(content(), built);
    expect(
      readFileSync(join(built, '_redirects'), 'utf8')
        .split('\n')
        .filter((line) => !line.startsWith('#')),
    ).toEqual([
      '/ p=12 /articles/leg-cramps/ 301!',
      '/2019/05/leg-cramps/ /articles/leg-cramps/ 301',
      '/feed/ /rss.xml 301',
      '',
    ]);
  });

  test('says in one line each which old address it left out, and why', () => {
    const logged = runBuildDone(content(), dist());
    expect(logged.filter((line) => line.startsWith('warn'))).toEqual([
      'warn Old address /2020/01/later/ (articles/later.mdx) is not redirected: article "later" is not published by this build.',
      'warn Old address /category/sleep/ (redirects.yaml) is not redirected: no page /tags/sleep/ was built.',
    ]);
  });

  test('writes an HTML page at each old path when asked, for hosts without redirects, and none over a file', () => {
    const built = dist();
    runBuildDone(content(), built, true);
    expect(readFileSync(join(built, '2019/05/leg-cramps/index.html'), 'utf8')).toMatch(
      /<link rel="canonical" href="https?:\/\/[^"/]+\/articles\/leg-cramps\/">/,
    );
    expect(existsSync(join(built, 'feed/index.html'))).toBe(true);
    expect(readFileSync(join(built, 'rss.xml'), 'utf8')).toBe('<rss/>');
  });

  test('writes nothing for a site without old addresses', () => {
    const built = dist();
    runBuildDone(
      folderWith({ 'articles/a.mdx': '---\ntitle: T\ndescription: D\npublished: 2024-05-01\n---\n' }),
      built,
    );
    expect(existsSync(join(built, '_redirects'))).toBe(false);
  });
});

describe('REDIRECT_PAGES', () => {
  test.each([
    [undefined, false],
    ['', false],
    ['false', false],
    ['true', true],
  ])('%j means %j', (value, expected) => {
    expect(redirectPagesSetting(value)).toBe(expected);
  });

  test('refuses anything else in one line', () => {
    expect(() => redirectPagesSetting('yes')).toThrow(
      'REDIRECT_PAGES must be true or false (or left unset), not "yes".',
    );
  });
});
