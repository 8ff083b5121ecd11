/**
 * The real site built for /health-blog/ and served under that prefix, as on a GitHub project site:
 * the same checks a reader's browser would trip over first.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';

import { axeViolations } from '../helpers/page-checks';
import { PAGES, useSitesAndBrowser } from '../helpers/sites';
import { SUB_PATH, SUB_PATH_SITE_URL } from '../helpers/sub-path';

/** The real site's pages (home, seed article, 404), here below the prefix. */
const SITE_PAGES = PAGES.filter((page) => page.site === 'site');

const suite = await useSitesAndBrowser({}, { sites: ['sub-path'] });
// Each page loads afresh in the file's one tab; a request belongs to the visit that made it.
const tab = suite.useTab();
/** The prefix's address on the test server. */
const served = () => suite.sites.root('sub-path');

test.each(SITE_PAGES)(
  'the $name page loads under /health-blog/ with status $status, no console errors and no failed requests',
  async (testPage) => {
    const { page, response, trouble } = await tab.visit(`${served()}${testPage.path}`);
    await page.waitForLoadState('networkidle');
    expect(response?.status()).toBe(testPage.status);
    expect(trouble).toEqual({ consoleErrors: [], failedRequests: [], offOriginRequests: [] });
  },
);

// The links and the axe scan only read the page: one load serves both.
describe.each(SITE_PAGES)('the $name page under /health-blog/', (testPage) => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await tab.visit(`${served()}${testPage.path}`));
  });

  test('has every internal link and asset starting with /health-blog/', async () => {
    // Resolved by the browser, the way a click or a fetch would resolve them.
    const addresses = await page.evaluate(() => [
      ...[...document.querySelectorAll<HTMLAnchorElement | HTMLLinkElement>('a[href], link[href]')].map((e) => e.href),
      ...[...document.querySelectorAll<HTMLImageElement | HTMLScriptElement>('img[src], script[src]')].map(
        (e) => e.src,
      ),
      ...[...document.querySelectorAll<HTMLFormElement>('form[action]')].map((e) => e.action),
    ]);
    const servedOrigin = new URL(served()).origin;
    const internal = addresses.filter((href) => [servedOrigin, SUB_PATH_SITE_URL].includes(new URL(href).origin));
    expect(internal.length).toBeGreaterThan(0);
    expect(internal.filter((href) => !new URL(href).pathname.startsWith(SUB_PATH))).toEqual([]);
  });

  test('has no axe-core WCAG 2.2 AA violations', async () => {
    expect(await axeViolations(page)).toEqual([]);
  });
});

test("the article's canonical URL is its public address under /health-blog/", async () => {
  const article = SITE_PAGES.find((page) => page.name === 'seed article')!;
  const { page } = await tab.visit(`${served()}${article.path}`);
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical).toBe(`${SUB_PATH_SITE_URL}${SUB_PATH}${article.path}`);
});
