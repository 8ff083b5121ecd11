import { afterAll, beforeAll, expect, test } from 'vitest';

import { openBrowser, visit, type TestBrowser } from '../helpers/browser';
import { PAGES, serveSites, type ServedSites } from '../helpers/sites';

let sites: ServedSites;
let browser: TestBrowser;
beforeAll(async () => {
  sites = await serveSites();
  browser = await openBrowser();
});
afterAll(async () => {
  await browser.close();
  await sites.close();
});

test.each(PAGES)(
  'the $name page loads with status $status, no console errors, no failed requests and nothing leaving 127.0.0.1',
  async (testPage) => {
    const { page, response, trouble } = await visit(browser.context, sites.url(testPage));
    await page.waitForLoadState('networkidle');
    expect(response?.status()).toBe(testPage.status);
    expect(trouble).toEqual({ consoleErrors: [], failedRequests: [], offOriginRequests: [] });
    await page.close();
  },
);
