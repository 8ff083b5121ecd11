import { expect, test } from 'vitest';

import { visit } from '../helpers/browser';
import { useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['fixture'] });

test.each([1, 2, 3, 4])(
  'hostile comments page %i opens no dialog, runs nothing and sends nothing off the origin',
  async (pageNumber) => {
    const path = pageNumber === 1 ? 'articles/hostile/' : `articles/hostile/comments/${pageNumber}/`;
    const { page, response, trouble } = await visit(suite.browser.context, `${suite.sites.fixtureUrl}${path}`);
    const dialogs: string[] = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    expect(response?.status()).toBe(200);
    // Give any payload its chance: hover and focus every comment, then wait for the network to settle.
    for (const comment of await page.locator('article.comment').all()) await comment.hover();
    await page.waitForLoadState('networkidle');
    // JSON-LD data blocks are never run; any other script element would be an injection.
    expect(
      await page.evaluate(() => [...document.scripts].filter((script) => script.type !== 'application/ld+json').length),
    ).toBe(0);
    expect(dialogs).toEqual([]);
    expect(trouble).toEqual({ consoleErrors: [], failedRequests: [], offOriginRequests: [] });
  },
);
