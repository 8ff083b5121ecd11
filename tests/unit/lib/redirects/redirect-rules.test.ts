import { describe, expect, test } from 'vitest';

import {
  addressKey,
  findRedirect,
  parseRedirectsFile,
  redirectLocation,
  redirectsFileText,
} from '@/lib/redirects/redirect-rules';

const REDIRECTS = [
  { from: '/2019/05/leg-cramps/', to: '/articles/leg-cramps/' },
  { from: '/?p=123', to: '/articles/leg-cramps/' },
  { from: '/category/pregnancy/', to: '/tags/pregnancy/' },
];

describe('the _redirects file', () => {
  test('lists rules with a query condition first, forced, then the others, one per line, in a stable order', () => {
    expect(
      redirectsFileText(REDIRECTS)
        .split('\n')
        .filter((line) => !line.startsWith('#')),
    ).toEqual([
      '/ p=123 /articles/leg-cramps/ 301!',
      '/2019/05/leg-cramps/ /articles/leg-cramps/ 301',
      '/category/pregnancy/ /tags/pregnancy/ 301',
      '',
    ]);
  });

  test('is the same whatever order the redirects come in', () => {
    expect(redirectsFileText([...REDIRECTS].reverse())).toBe(redirectsFileText(REDIRECTS));
  });

  test('reads back as the rules it was written from', () => {
    expect(parseRedirectsFile(redirectsFileText(REDIRECTS))).toEqual([
      { path: '/', query: [['p', '123']], to: '/articles/leg-cramps/', status: 301, force: true },
      { path: '/2019/05/leg-cramps/', query: [], to: '/articles/leg-cramps/', status: 301, force: false },
      { path: '/category/pregnancy/', query: [], to: '/tags/pregnancy/', status: 301, force: false },
    ]);
  });

  test('skips comments and the kinds of rule the site never writes: rewrites, splats, placeholders, other hosts', () => {
    const text = [
      '# a comment',
      '',
      '/old /new 302',
      '/blog/* /news/:splat 301',
      '/news/:year /blog 301',
      '/spa /index.html 200',
      'https://old.example/* https://new.example/:splat 301!',
      '/missing-status /to',
    ].join('\n');
    expect(parseRedirectsFile(text)).toEqual([
      { path: '/old', query: [], to: '/new', status: 302, force: false },
      { path: '/missing-status', query: [], to: '/to', status: 301, force: false },
    ]);
  });
});

describe('matching a request, as Netlify does', () => {
  const rules = parseRedirectsFile(redirectsFileText(REDIRECTS));

  test('matches a path with or without its trailing slash', () => {
    expect(findRedirect(rules, '/2019/05/leg-cramps/', '')?.to).toBe('/articles/leg-cramps/');
    expect(findRedirect(rules, '/2019/05/leg-cramps', '')?.to).toBe('/articles/leg-cramps/');
  });

  test('matches a query condition whatever else the query holds, and only with that value', () => {
    expect(findRedirect(rules, '/', '?p=123')?.to).toBe('/articles/leg-cramps/');
    expect(findRedirect(rules, '/', '?utm_source=x&p=123')?.to).toBe('/articles/leg-cramps/');
    expect(findRedirect(rules, '/', '?p=1234')).toBeUndefined();
    expect(findRedirect(rules, '/', '')).toBeUndefined();
  });

  test('reads a run of slashes as one, as a link such as //greek/ was followed on the old site', () => {
    const greek = parseRedirectsFile('/greek/x/ /articles/x/ 301');
    expect(findRedirect(greek, '//greek//x/', '')?.to).toBe('/articles/x/');
  });

  test('treats %e7 and %E7 as the same escape', () => {
    const encoded = parseRedirectsFile('/tag/%E7%9D%A1/ /tags/x/ 301');
    expect(findRedirect(encoded, '/tag/%e7%9d%a1/', '')?.to).toBe('/tags/x/');
  });

  test('passes the query on to the new page, except for a rule matched on its query', () => {
    const [queryRule, pathRule] = rules;
    expect(redirectLocation(pathRule!, '?utm_source=x')).toBe('/articles/leg-cramps/?utm_source=x');
    expect(redirectLocation(queryRule!, '?p=123')).toBe('/articles/leg-cramps/');
  });
});

describe('one old address, one key', () => {
  test('ignores the trailing slash, the case of escapes and the order of query pairs', () => {
    expect(addressKey('/a/%e7/')).toBe(addressKey('/a/%E7'));
    expect(addressKey('/?p=1&lang=en')).toBe(addressKey('/?lang=en&p=1'));
  });

  test('tells apart different paths and different query values', () => {
    expect(addressKey('/?p=1')).not.toBe(addressKey('/?p=2'));
    expect(addressKey('/a/')).not.toBe(addressKey('/b/'));
  });
});
