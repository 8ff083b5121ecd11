import { fileURLToPath } from 'node:url';

import { expect, test } from 'vitest';

import { checkLinks } from '../../../scripts/link-check';

const dist = fileURLToPath(new URL('../../fixtures/broken-site', import.meta.url));

test('the link checker reports every kind of broken link and lists external ones', () => {
  expect(checkLinks({ dist })).toEqual({
    pages: ['articles/index.html', 'index.html'],
    broken: [
      'index.html → /articles/missing/: no such file in the build',
      'index.html → /articles: a directory without its trailing slash',
      'index.html → /articles/#nowhere: no element with id "nowhere" on articles/index.html',
      'index.html → javascript:alert(1): unexpected javascript: address',
      'index.html → /api/questionnaire: no such file in the build',
      'index.html → /logo.png: no such file in the build',
    ],
    external: ['https://example.org/'],
  });
});

test('the link checker reports links that leave the base path', () => {
  expect(checkLinks({ dist, base: '/blog/' }).broken).toContain(
    'index.html → /articles/: points outside the base path /blog/',
  );
});

test('the link checker takes the question handler’s address as found, on the site’s base path', () => {
  expect(checkLinks({ dist }).broken.filter((line) => line.includes('/api/questions?'))).toEqual([]);
  expect(checkLinks({ dist, base: '/blog/' }).broken).toContain(
    'index.html → /api/questions?article=x&reply=q1: points outside the base path /blog/',
  );
});
