import { describe, expect, test } from 'vitest';

import { visit } from '../helpers/browser';
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

const suite = await useSitesAndBrowser({}, { sites: ['wordpress'] });

describe.each([
  ['desktop, light', { colorScheme: 'light' as const }],
  ['phone, dark', { colorScheme: 'dark' as const, viewport: { width: 320, height: 640 } }],
])('imported WordPress pages on %s', (_, options) => {
  const browser = suite.useContext(options);

  test.each(IMPORTED_PAGES)('/%s has no axe-core violations and no sideways scrolling', async (path) => {
    const { page, response } = await visit(browser.context, `${suite.sites.root('wordpress')}${path}`);
    expect(response?.status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    expect(await horizontalScroll(page)).toEqual([]);
    await page.close();
  });
});
