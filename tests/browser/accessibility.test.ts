import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';

import { axeViolations } from '../helpers/page-checks';
import { PAGES, useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['site', 'fixture'] });

const tab = suite.useTab();

// Each page is loaded once, in the file's one tab, and scanned in both colour schemes: switching
// `prefers-color-scheme` on the open page is what a context with that `colorScheme` does, without
// loading the page again.
describe.each(PAGES)('the $name page', (testPage) => {
  let page: Page;
  beforeAll(async () => {
    ({ page } = await tab.visit(suite.sites.url(testPage)));
  });

  test.each(['light', 'dark'] as const)(
    'has no axe-core WCAG 2.2 AA violations in the %s colour scheme',
    async (colorScheme) => {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      );
      expect(await axeViolations(page)).toEqual([]);
    },
    // axe on the 10,000-comment thread's pages takes a minute on a loaded 2-core machine.
    180_000,
  );
});
