import { expect, test } from 'vitest';

import { STRICT_TRANSPORT_SECURITY } from '@/lib/headers/rules';

import { PAGES, useSitesAndBrowser } from '../helpers/sites';

// The test server applies each build's own _headers file, as Netlify and Cloudflare Pages do.
const suite = await useSitesAndBrowser();
// Each page loads afresh in the file's one tab, with its own console.
const tab = suite.useTab();

const violations = (consoleErrors: string[]) =>
  consoleErrors.filter((message) => /Content Security Policy/i.test(message));

test.each(PAGES)(
  'the $name page is served with its security headers and breaks none of its policy',
  async (testPage) => {
    const { page, response, trouble } = await tab.visit(suite.sites.url(testPage));
    const headers = response!.headers();
    // Search is the one page that runs scripts: its own files and Pagefind's WebAssembly, nothing inline.
    expect(headers['content-security-policy']).toContain(
      testPage.name === 'search' ? "script-src 'self' 'wasm-unsafe-eval';" : "script-src 'none';",
    );
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
    await page.waitForLoadState('networkidle');
    expect(violations(trouble.consoleErrors)).toEqual([]);
    expect(trouble.consoleErrors).toEqual([]);
  },
);

test('the search page’s script and Pagefind’s worker run under the search policy, with no violation', async () => {
  const { page, trouble } = await tab.visit(`${suite.sites.fixtureUrl}search/?q=cramp`);
  await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''));
  const worker = await page.request.get(`${suite.sites.fixtureUrl}pagefind/pagefind-worker.js`);
  expect(worker.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval';");
  expect(violations(trouble.consoleErrors)).toEqual([]);
});

test('a page that breaks its policy is caught', async () => {
  const { page, trouble } = await tab.visit(suite.sites.broken('csp-violation.html'));
  await page.waitForLoadState('networkidle');
  expect(violations(trouble.consoleErrors).length).toBeGreaterThan(0);
});
