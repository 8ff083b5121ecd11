import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { openBrowser, visit, type TestBrowser } from '../helpers/browser';
import { axeViolations } from '../helpers/page-checks';
import { PAGES, serveSites, type ServedSites } from '../helpers/sites';

let sites: ServedSites;
beforeAll(async () => {
  sites = await serveSites();
});
afterAll(() => sites.close());

describe.each(['light', 'dark'] as const)('in the %s colour scheme', (colorScheme) => {
  let browser: TestBrowser;
  beforeAll(async () => {
    browser = await openBrowser({ colorScheme });
  });
  afterAll(() => browser.close());

  test.each(PAGES)('the $name page has no axe-core WCAG 2.2 AA violations', async (testPage) => {
    const { page } = await visit(browser.context, sites.url(testPage));
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });
});
