import { expect, test } from 'vitest';

import { PAGES, useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['site', 'fixture'] });
// Each page loads afresh in the file's one tab; a request belongs to the visit that made it.
const tab = suite.useTab();

test.each(PAGES)(
  'the $name page loads with status $status, no console errors, no failed requests and nothing leaving 127.0.0.1',
  async (testPage) => {
    const { page, response, trouble } = await tab.visit(suite.sites.url(testPage));
    await page.waitForLoadState('networkidle');
    expect(response?.status()).toBe(testPage.status);
    expect(trouble).toEqual({ consoleErrors: [], failedRequests: [], offOriginRequests: [] });
  },
);
