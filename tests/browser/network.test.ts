import { expect, test } from 'vitest';

import { visit } from '../helpers/browser';
import { PAGES, useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['site', 'fixture'] });

test.each(PAGES)(
  'the $name page loads with status $status, no console errors, no failed requests and nothing leaving 127.0.0.1',
  async (testPage) => {
    const { page, response, trouble } = await visit(suite.browser.context, suite.sites.url(testPage));
    await page.waitForLoadState('networkidle');
    expect(response?.status()).toBe(testPage.status);
    expect(trouble).toEqual({ consoleErrors: [], failedRequests: [], offOriginRequests: [] });
    await page.close();
  },
);
