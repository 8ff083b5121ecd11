import { describe, expect, test } from 'vitest';

import { useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['site', 'fixture'] });

// Reading and folding must not depend on JavaScript: every check runs with it on and off.
describe.each([
  ['on', true],
  ['off', false],
])('with JavaScript %s', (_, javaScriptEnabled) => {
  // Each test loads its page afresh in the one tab of the context.
  const tab = suite.useTab(suite.useContext({ javaScriptEnabled }));

  test('every comment of the seed article is visible, as many as the heading counts', async () => {
    const { page } = await tab.visit(suite.sites.article);
    const comments = page.locator('article.comment');
    const count = await comments.count();
    expect(await page.locator('#comments-heading').textContent()).toMatch(new RegExp(`^${count} thoughts on`));
    for (let i = 0; i < count; i++) await expect.poll(() => comments.nth(i).isVisible()).toBe(true);
  });

  test('a thread folds and unfolds with the mouse, and says which it will do', async () => {
    const { page } = await tab.visit(suite.sites.article);
    const summary = page.locator('#comment-q2 + details > summary');
    const reply = page.locator('#comment-q2-a1');
    await expect.poll(() => reply.isVisible()).toBe(true);
    expect(await page.getByRole('group').first().isVisible()).toBe(true);
    await summary.click();
    await expect.poll(() => reply.isVisible()).toBe(false);
    expect(await summary.innerText()).toBe('Show 1 reply');
    await summary.click();
    await expect.poll(() => reply.isVisible()).toBe(true);
    expect(await summary.innerText()).toBe('Hide 1 reply');
  });

  test('a thread folds with Enter and unfolds with Space from the keyboard', async () => {
    const { page } = await tab.visit(suite.sites.article);
    const summary = page.locator('#comment-q3 + details > summary');
    const reply = page.locator('#comment-q3-a1');
    // Tab from the comment's last link (Reply) just before the control, as a keyboard user would.
    await page.locator('#comment-q3 a[href*="reply=q3"]').focus();
    await page.keyboard.press('Tab');
    expect(await summary.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => reply.isVisible()).toBe(false);
    await page.keyboard.press('Space');
    await expect.poll(() => reply.isVisible()).toBe(true);
  });

  test('the fold control announces its name and expanded state as a native disclosure', async () => {
    const { page } = await tab.visit(suite.sites.article);
    const selector = '#comment-q4 + details > summary';
    // What the browser tells screen readers about the control, read from its accessibility tree.
    const announced = async () => {
      const cdp = await page.context().newCDPSession(page);
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
      const { nodes } = await cdp.send('Accessibility.getPartialAXTree', { nodeId, fetchRelatives: false });
      await cdp.detach();
      const node = nodes[0]!;
      const expanded = node.properties?.find((property) => property.name === 'expanded')?.value.value;
      return { role: node.role?.value, name: node.name?.value, expanded };
    };
    expect(await announced()).toEqual({ role: 'DisclosureTriangle', name: 'Hide 1 reply', expanded: true });
    await page.locator(selector).click();
    expect(await announced()).toEqual({ role: 'DisclosureTriangle', name: 'Show 1 reply', expanded: false });
  });

  test('a permalink scrolls to its comment and highlights it', async () => {
    const { page } = await tab.visit(`${suite.sites.article}#comment-q5-a1`);
    const target = page.locator('#comment-q5-a1');
    await expect.poll(() => target.evaluate((element) => element.matches(':target'))).toBe(true);
    expect(await target.evaluate((element) => getComputedStyle(element).outlineStyle)).not.toBe('none');
    const box = (await target.boundingBox())!;
    const viewport = page.viewportSize()!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(viewport.height);
  });

  test('a permalink to a reply deep in a thread reaches it, because threads start unfolded', async () => {
    const { page } = await tab.visit(`${suite.sites.deepThread}#comment-r12`);
    const target = page.locator('#comment-r12');
    await expect.poll(() => target.isVisible()).toBe(true);
    expect(await page.locator('details:not([open])').count()).toBe(0);
    const box = (await target.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeLessThan(page.viewportSize()!.height);
  });

  test('a reply below the indentation cap links back to the comment it answers', async () => {
    const { page } = await tab.visit(suite.sites.deepThread);
    await page.locator('#comment-r6').getByRole('link', { name: 'Replier 5', exact: true }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#comment-r5');
  });
});

describe('readers’ text with a right-to-left override (U+202E)', () => {
  const tab = suite.useTab(suite.useContext({}));

  test('reverses only itself: the site’s words around it keep their order', async () => {
    const { page } = await tab.visit(`${suite.sites.fixtureUrl}articles/structured-data/`);
    // Where each visible character of the heading "Reply to “<override>evil title”" is drawn, in text order.
    const drawn = await page.locator('#comment-r-bidi h3').evaluate((heading) => {
      const characters: { character: string; left: number }[] = [];
      const range = document.createRange();
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        for (let i = 0; i < node.data.length; i++) {
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = range.getBoundingClientRect();
          if (box.width > 0) characters.push({ character: node.data[i]!, left: box.left });
        }
      }
      return characters;
    });
    const closingQuote = drawn.at(-1)!;
    expect(closingQuote.character).toBe('”');
    expect(Math.max(...drawn.map(({ left }) => left))).toBe(closingQuote.left);
    const reply = drawn.filter(({ character }) => 'Reply'.includes(character)).slice(0, 5);
    expect(reply.map(({ left }) => left)).toEqual([...reply.map(({ left }) => left)].sort((a, b) => a - b));
  });
});
