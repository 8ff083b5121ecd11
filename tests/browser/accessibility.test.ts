import { describe, expect, test } from 'vitest';

import { visit } from '../helpers/browser';
import { axeViolations } from '../helpers/page-checks';
import { PAGES, useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['site', 'fixture'] });

describe.each(['light', 'dark'] as const)('in the %s colour scheme', (colorScheme) => {
  const browser = suite.useContext({ colorScheme });

  test.each(PAGES)(
    'the $name page has no axe-core WCAG 2.2 AA violations',
    async (testPage) => {
      const { page } = await visit(browser.context, suite.sites.url(testPage));
      expect(await axeViolations(page)).toEqual([]);
      await page.close();
      // axe on the 10,000-comment thread's pages takes a minute on a loaded 2-core machine.
    },
    180_000,
  );
});
