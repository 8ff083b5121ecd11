/** The one tab a browser test file can load its pages in (tests/helpers/browser.ts, openTab). */
import { expect, test } from 'vitest';

import { useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['broken-pages'] });
const tab = suite.useTab();

const marked = () => tab.page.evaluate(() => (window as unknown as { marked?: boolean }).marked === true);

test('each visit loads a new document, even of the open address with a #fragment added', async () => {
  const address = suite.sites.broken('wide-element.html');
  for (const next of [address, `${address}#anywhere`]) {
    await tab.visit(address);
    await tab.page.evaluate(() => ((window as unknown as { marked?: boolean }).marked = true));
    const { response } = await tab.visit(next);
    expect(response?.status()).toBe(200);
    expect(await marked()).toBe(false);
  }
});

test('each visit records its own trouble, not the trouble of the page before', async () => {
  const broken = await tab.visit(suite.sites.broken('csp-violation.html'));
  await broken.page.waitForLoadState('networkidle');
  const next = await tab.visit(suite.sites.broken('wide-element.html'));
  await next.page.waitForLoadState('networkidle');
  expect(broken.trouble.consoleErrors.length).toBeGreaterThan(0);
  expect(next.trouble).toEqual({ consoleErrors: [], failedRequests: [], offOriginRequests: [] });
});
