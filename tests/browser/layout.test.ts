import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';

import type { Tab } from '../helpers/browser';
import {
  horizontalScroll,
  narrowTextColumns,
  overflowingElements,
  smallTouchTargets,
  TEXT_SPACING_CSS,
} from '../helpers/page-checks';
import { PAGES, useSitesAndBrowser, type TestPage } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['site', 'fixture'] });

/**
 * The page, loaded once in the tab before the tests of the enclosing `describe`, which only read it.
 */
function usePage(tab: Tab, testPage: TestPage): { page: Page } {
  const opened = {} as { page: Page };
  beforeAll(async () => {
    ({ page: opened.page } = await tab.visit(suite.sites.url(testPage)));
  });
  return opened;
}

describe('on a 320 × 640 phone screen', () => {
  const browser = suite.useContext({ viewport: { width: 320, height: 640 } });
  const tab = suite.useTab(browser);

  describe.each(PAGES)('the $name page', (testPage) => {
    const opened = usePage(tab, testPage);

    test('does not scroll sideways and keeps text columns readable', async () => {
      expect(await horizontalScroll(opened.page)).toEqual([]);
      expect(await overflowingElements(opened.page)).toEqual([]);
      expect(await narrowTextColumns(opened.page, 200)).toEqual([]);
    });

    test('has touch targets of at least 24 × 24 px', async () => {
      expect(await smallTouchTargets(opened.page)).toEqual([]);
    });
  });
});

describe('with WCAG text-spacing overrides', () => {
  // Readers apply text spacing with a browser extension, which the page's CSP does not restrict.
  const browser = suite.useContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });
  const tab = suite.useTab(browser);

  test.each(PAGES)('the $name page clips and overlaps nothing', async (testPage) => {
    const { page } = await tab.visit(suite.sites.url(testPage));
    await page.addStyleTag({ content: TEXT_SPACING_CSS });
    expect(await overflowingElements(page)).toEqual([]);
    expect(await horizontalScroll(page)).toEqual([]);
  });
});

describe('at 200 % zoom', () => {
  // A 1280 × 800 window at 200 % zoom lays pages out in 640 × 400 CSS pixels, twice as large.
  const browser = suite.useContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
  const tab = suite.useTab(browser);

  test.each(PAGES)('the $name page clips and overlaps nothing', async (testPage) => {
    const { page } = await tab.visit(suite.sites.url(testPage));
    expect(await overflowingElements(page)).toEqual([]);
    expect(await horizontalScroll(page)).toEqual([]);
  });
});
