import { expect, test } from 'vitest';

import { visit } from '../helpers/browser';
import { PAGES, useSitesAndBrowser } from '../helpers/sites';

// The test server applies each build's own _headers file, as Netlify and Cloudflare Pages do.
const suite = useSitesAndBrowser();

const violations = (consoleErrors: string[]) =>
  consoleErrors.filter((message) => /Content Security Policy/i.test(message));

test.each(PAGES)(
  'the $name page is served with its security headers and breaks none of its policy',
  async (testPage) => {
    const { page, response, trouble } = await visit(suite.browser.context, suite.sites.url(testPage));
    const headers = response!.headers();
    expect(headers['content-security-policy']).toContain("script-src 'self'");
    expect(headers['x-content-type-options']).toBe('nosniff');
    await page.waitForLoadState('networkidle');
    expect(violations(trouble.consoleErrors)).toEqual([]);
    expect(trouble.consoleErrors).toEqual([]);
  },
);

test('a page that breaks its policy is caught', async () => {
  const { page, trouble } = await visit(suite.browser.context, suite.sites.broken('csp-violation.html'));
  await page.waitForLoadState('networkidle');
  expect(violations(trouble.consoleErrors).length).toBeGreaterThan(0);
});
