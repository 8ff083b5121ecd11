import { describe, expect, test } from 'vitest';

import { visit } from '../helpers/browser';
import {
  horizontalScroll,
  narrowTextColumns,
  overflowingElements,
  smallTouchTargets,
  TEXT_SPACING_CSS,
} from '../helpers/page-checks';
import { PAGES, useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['site', 'fixture'] });

describe('on a 320 × 640 phone screen', () => {
  const browser = suite.useContext({ viewport: { width: 320, height: 640 } });

  test.each(PAGES)('the $name page does not scroll sideways and keeps text columns readable', async (testPage) => {
    const { page } = await visit(browser.context, suite.sites.url(testPage));
    expect(await horizontalScroll(page)).toEqual([]);
    expect(await overflowingElements(page)).toEqual([]);
    expect(await narrowTextColumns(page, 200)).toEqual([]);
    await page.close();
  });

  test.each(PAGES)('the $name page has touch targets of at least 24 × 24 px', async (testPage) => {
    const { page } = await visit(browser.context, suite.sites.url(testPage));
    expect(await smallTouchTargets(page)).toEqual([]);
    await page.close();
  });
});

describe('with WCAG text-spacing overrides', () => {
  // Readers apply text spacing with a browser extension, which the page's CSP does not restrict.
  const browser = suite.useContext({ viewport: { width: 1280, height: 800 }, bypassCSP: true });

  test.each(PAGES)('the $name page clips and overlaps nothing', async (testPage) => {
    const { page } = await visit(browser.context, suite.sites.url(testPage));
    await page.addStyleTag({ content: TEXT_SPACING_CSS });
    expect(await overflowingElements(page)).toEqual([]);
    expect(await horizontalScroll(page)).toEqual([]);
    await page.close();
  });
});

describe('at 200 % zoom', () => {
  // A 1280 × 800 window at 200 % zoom lays pages out in 640 × 400 CSS pixels, twice as large.
  const browser = suite.useContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });

  test.each(PAGES)('the $name page clips and overlaps nothing', async (testPage) => {
    const { page } = await visit(browser.context, suite.sites.url(testPage));
    expect(await overflowingElements(page)).toEqual([]);
    expect(await horizontalScroll(page)).toEqual([]);
    await page.close();
  });
});
