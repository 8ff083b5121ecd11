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

  test('allows no script at all on a page that runs none', () => {
    expect(policy['script-src']).toEqual(["'none'"]);
    expect(contentSecurityPolicy(styles)).not.toContain("'unsafe-inline'");
  });

  test('allows a page that runs scripts only the site’s own script files and WebAssembly, never inline or eval', () => {
    const scripts = directives(contentSecurityPolicy(styles, { scripts: true }));
    expect(scripts['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(contentSecurityPolicy(styles, { scripts: true })).not.toMatch(/'unsafe-inline'|'unsafe-eval'/);
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

  test('tell browsers to use HTTPS only for two years, for this host alone and without preloading', () => {
    for (const path of ['/articles/x/', '/search/', '/_astro/page.abc123.css', '/api/questions']) {
      expect(headersForPath(rules, path)['Strict-Transport-Security'], path).toBe('max-age=63072000');
    }
  });

  test('cache hashed assets for a year, immutably, and leave pages to revalidate', () => {
    expect(headersForPath(rules, '/_astro/page.abc123.css')['Cache-Control']).toBe(
      'public, max-age=31536000, immutable',
    );
    expect(headersForPath(rules, '/articles/x/')['Cache-Control']).toBeUndefined();
  });

  test('let scripts run on the search page and the Pagefind files it loads, and nowhere else', () => {
    const scriptSource = (path: string) =>
      directives(headersForPath(rules, path)['Content-Security-Policy']!)['script-src'];
    for (const path of ['/search/', '/search/index.html', '/pagefind/pagefind.js', '/pagefind/pagefind-worker.js']) {
      expect(scriptSource(path), path).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    }
    for (const path of ['/', '/articles/x/', '/articles/x/comments/2/', '/404.html', '/searching/', '/_astro/a.js']) {
      expect(scriptSource(path), path).toEqual(["'none'"]);
    }
  });

  test('let forms post only from the search page and the question form, and only to the site itself', () => {
    const formAction = (path: string) =>
      directives(headersForPath(rules, path)['Content-Security-Policy']!)['form-action'];
    for (const path of ['/search/', '/articles/leg-cramps/ask/', '/api/questions']) {
      expect(formAction(path), path).toEqual(["'self'"]);
    }
    for (const path of [
      '/',
      '/articles/leg-cramps/',
      '/articles/x/comments/2/',
      '/404.html',
      '/pagefind/pagefind.js',
    ]) {
      expect(formAction(path), path).toEqual(["'none'"]);
    }
  });

  test('keep scripts off the question form pages', () => {
    for (const path of ['/articles/leg-cramps/ask/', '/api/questions']) {
      expect(directives(headersForPath(rules, path)['Content-Security-Policy']!)['script-src'], path).toEqual([
        "'none'",
      ]);
    }
  });

  test('replace the site-wide policy on the search page instead of adding a second one', () => {
    // Cloudflare Pages joins a header that several rules set; `! Content-Security-Policy` detaches it first.
    const file = toHeadersFile(rules);
    expect(file).toMatch(/^\/search\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: /m);
    expect(file).toMatch(/^\/pagefind\/\*\n {2}! Content-Security-Policy\n {2}Content-Security-Policy: /m);
    expect(headersForPath(rules, '/search/')['X-Content-Type-Options']).toBe('nosniff');
  });

  test('survive a round trip through the _headers file format', () => {
    expect(parseHeadersFile(toHeadersFile(rules))).toEqual(rules);
  });

  test('are written under the base path', () => {
    expect(toHeadersFile(rules, '/health-blog/')).toMatch(/^\/health-blog\/\*\n/);
  });
});
