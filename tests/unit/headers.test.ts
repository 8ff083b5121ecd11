import { describe, expect, test } from 'vitest';

import {
  contentSecurityPolicy,
  headerRules,
  headersForPath,
  parseHeadersFile,
  toHeadersFile,
} from '@/lib/headers/rules';

const styles = { styleHashes: ["'sha256-abc='"], styleAttributes: false };
const directives = (policy: string) =>
  Object.fromEntries(policy.split('; ').map((part) => [part.split(' ')[0], part.split(' ').slice(1)]));

describe('contentSecurityPolicy', () => {
  const policy = directives(contentSecurityPolicy(styles));

  test('allows scripts only from the site itself, never inline', () => {
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy(styles)).not.toContain("'unsafe-inline'");
  });

  test('allows the inline stylesheets by hash', () => {
    expect(policy['style-src']).toEqual(["'self'", "'sha256-abc='"]);
  });

  test('forbids plugins, foreign base URLs and framing', () => {
    expect([policy['object-src'], policy['base-uri'], policy['frame-ancestors']]).toEqual([
      ["'none'"],
      ["'self'"],
      ["'none'"],
    ]);
  });

  test('allows style attributes only when a page uses them', () => {
    expect(contentSecurityPolicy({ ...styles, styleAttributes: true })).toContain("style-src-attr 'unsafe-inline'");
  });
});

describe('header rules', () => {
  const rules = headerRules(styles);

  test('send the security headers with every response', () => {
    expect(headersForPath(rules, '/articles/x/')).toMatchObject({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
    });
    expect(headersForPath(rules, '/articles/x/')['Permissions-Policy']).toContain('camera=()');
  });

  test('cache hashed assets for a year, immutably, and leave pages to revalidate', () => {
    expect(headersForPath(rules, '/_astro/page.abc123.css')['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersForPath(rules, '/articles/x/')['Cache-Control']).toBeUndefined();
  });

  test('survive a round trip through the _headers file format', () => {
    expect(parseHeadersFile(toHeadersFile(rules))).toEqual(rules);
  });

  test('are written under the base path', () => {
    expect(toHeadersFile(rules, '/health-blog/')).toMatch(/^\/health-blog\/\*\n/);
  });
});
