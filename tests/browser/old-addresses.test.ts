/**
 * Old `#comment-123` links of an imported WordPress blog land on the comment, in a real browser: the
 * redirect keeps the fragment, and the comment's element has the WordPress id.
 */
import { describe, expect, test } from 'vitest';

import { visit } from '../helpers/browser';
import { useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['wordpress'] });

describe('an old WordPress comment link', () => {
  test.each([
    ['its permalink', '2012/01/03/template-comments/#comment-915'],
    ['?p=<id>', '?p=1148#comment-915'],
  ])('by %s lands on the comment', async (_, oldAddress) => {
    const { page, response } = await visit(suite.browser.context, `${suite.sites.root('wordpress')}${oldAddress}`);
    expect(response?.status()).toBe(200);
    const landed = new URL(page.url());
    expect(`${landed.pathname}${landed.hash}`).toBe('/articles/template-comments/#comment-915');
    expect(await page.locator('#comment-915').textContent()).toContain('Comment Depth 10');
    // The comment is scrolled into view, as a fragment link does.
    expect(await page.locator('#comment-915').evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(
      page.viewportSize()!.height,
    );
    await page.close();
  });
});
