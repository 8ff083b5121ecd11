import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';

import { axeViolations, horizontalScroll } from '../helpers/page-checks';
import { useSitesAndBrowser } from '../helpers/sites';

// Imported posts of every kind WordPress's theme test data has: deep comment threads, images,
// galleries, block-editor markup, shortcodes, long titles, hostile input.
const IMPORTED_PAGES = [
  '',
  'articles/template-comments/',
  'articles/markup-image-alignment/',
  'articles/block-image/',
  'articles/edge-case-many-tags/',
  'articles/hostile-body/',
];

/** Each page is checked as a desktop in light and as a phone in dark, on one load of the page. */
const SCREENS = [
  { name: 'desktop, light', viewport: { width: 1280, height: 800 }, colorScheme: 'light' },
  { name: 'phone, dark', viewport: { width: 320, height: 640 }, colorScheme: 'dark' },
] as const;

const suite = await useSitesAndBrowser({}, { sites: ['wordpress'] });
// Each page loads afresh in the file's one tab; every test sets the screen it checks.
const tab = suite.useTab();

describe.each(IMPORTED_PAGES)('imported WordPress page /%s', (path) => {
  let page: Page;
  let status: number | undefined;
  beforeAll(async () => {
    const visited = await tab.visit(`${suite.sites.root('wordpress')}${path}`);
    page = visited.page;
    status = visited.response?.status();
  });

  test.each(SCREENS)('on $name has no axe-core violations and no sideways scrolling', async (screen) => {
    expect(status).toBe(200);
    await page.setViewportSize(screen.viewport);
    await page.emulateMedia({ colorScheme: screen.colorScheme });
    expect(await page.evaluate(() => [innerWidth, matchMedia('(prefers-color-scheme: dark)').matches])).toEqual([
      screen.viewport.width,
      screen.colorScheme === 'dark',
    ]);
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalScroll(page)).toEqual([]);
  });
});
