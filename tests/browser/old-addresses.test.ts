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

describe('an old WordPress comment link to a comment now on page 2 of the comments', () => {
  // many-comments.wordpress.xml: one post with 60 conversations, 50 a page; its comments are 5001–5060.
  const oldPermalink = '2020/01/sixty-questions/';

  test('lands on the article, which shows where the comment is, and the link there lands on it', async () => {
    const { page, response } = await visit(
      suite.browser.context,
      `${suite.sites.root('wordpress')}${oldPermalink}#comment-5060`,
    );
    expect(response?.status()).toBe(200);
    expect(new URL(page.url()).pathname).toBe('/articles/sixty-questions/');
    const notice = page.locator('#comment-5060');
    expect(await notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('page 2 of the comments');
    await notice.getByRole('link').click();
    await page.waitForURL(/\/comments\/2\/#comment-5060$/);
    expect(await page.locator('article#comment-5060').textContent()).toContain('Question number 60');
    await page.close();
  });

  test('the notices of comments on other pages stay hidden until a link points at one', async () => {
    const { page } = await visit(suite.browser.context, `${suite.sites.root('wordpress')}articles/sixty-questions/`);
    expect(await page.locator('#comment-5060').isVisible()).toBe(false);
    expect(await page.locator('article#comment-5001').isVisible()).toBe(true);
    await page.close();
  });
});
