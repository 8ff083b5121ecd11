/**
 * The print stylesheet, in Chromium with print media emulated: paper gets the article, who wrote and
 * reviewed it, its review dates and references with their addresses written out, and not the things
 * to click.
 */
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';

import { useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({ colorScheme: 'dark' }, { sites: ['site', 'fixture'] });
// Each test loads its page afresh in the file's one tab, and says whether it is printed or on screen.
const tab = suite.useTab();

/** Opens a page of the real site or the fixture site as it prints. */
async function printed(site: 'site' | 'fixture', path: string): Promise<Page> {
  const { page } = await tab.visit(suite.sites.url({ name: path, site, path, status: 200 }));
  await page.emulateMedia({ media: 'print' });
  return page;
}

/** Opens a page as it shows on screen. */
async function onScreen(url: string): Promise<Page> {
  const { page } = await tab.visit(url);
  await page.emulateMedia({ media: null });
  return page;
}

/** Whether each element matching `selector` takes up room on the page. */
const shown = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return getComputedStyle(element).display !== 'none' && box.width > 1 && box.height > 1;
    }),
  );

describe('a printed article', () => {
  test('leaves out the comments, the skip link and the footer’s links, and keeps the disclaimer', async () => {
    const page = await printed('site', 'articles/leg-cramps-sign-of-pregnancy/');
    expect(await shown(page, '#comments')).toEqual([false]);
    expect(await shown(page, 'a[href="#main"]')).toEqual([false]);
    expect(await shown(page, 'footer nav')).toEqual([false]);
    expect(await page.locator('footer').textContent()).toContain('Medical disclaimer:');
    expect(await shown(page, 'footer p strong')).toEqual([true]);
  });

  test('leaves out the header’s search link and the link to the comments it leaves out', async () => {
    const page = await printed('site', 'articles/leg-cramps-sign-of-pregnancy/');
    expect(await shown(page, 'body > header a[href$="/search/"]')).toEqual([false]);
    expect(await shown(page, 'a[href="#comments"]')).toEqual([false]);
    expect(await page.locator('main article header').innerText()).not.toMatch(/reader comments?/);
  });

  test('leaves out every navigation block', async () => {
    const page = await printed('site', 'articles/leg-cramps-sign-of-pregnancy/');
    const navigation = await shown(page, 'nav');
    expect(navigation.length).toBeGreaterThan(0);
    expect(navigation.every((isShown) => !isShown)).toBe(true);
  });

  test('keeps the article, its review status and its review dates', async () => {
    const page = await printed('site', 'articles/leg-cramps-sign-of-pregnancy/');
    expect(await shown(page, 'main article h1')).toEqual([true]);
    expect(await shown(page, '.review-dates p')).toEqual([true, true]);
    expect(await page.locator('main article header').textContent()).toContain('has not been medically reviewed');
  });

  test('writes out the address of every reference after its title', async () => {
    const page = await printed('fixture', 'articles/editorial-features/');
    const after = await page
      .locator('section.references li > a[href^="http"]')
      .evaluateAll((links) => links.map((link) => getComputedStyle(link, '::after').content));
    expect(after).toEqual([
      '" (https://example.org/sources/first)"',
      '" (https://example.org/sources/second)"',
      '" (https://example.org/sources/uncited)"',
    ]);
  });

  test('prints dark text on white, even when the reader uses dark mode', async () => {
    const page = await printed('fixture', 'articles/editorial-features/');
    const colours = await page
      .locator('main p, .care-emergency .callout-body p, .callout-heading')
      .evaluateAll((elements) => [...new Set(elements.map((element) => getComputedStyle(element).color))]);
    expect(colours).toEqual(['rgb(0, 0, 0)']);
  });

  test('prints the urgency of each care card in words, since paper may have no colour', async () => {
    const page = await printed('fixture', 'articles/editorial-features/');
    expect(await shown(page, '.callout-heading .sr-only')).toEqual([true, true, true, true]);
    const headings = await page.locator('.care-emergency .callout-heading').innerText();
    expect(headings).toBe('Immediate action required: Fixture: an emergency care card');
  });
});

test('on screen, the urgency words stay visually hidden and the comments show', async () => {
  const page = await onScreen(
    suite.sites.url({ name: 'article', site: 'fixture', path: 'articles/editorial-features/', status: 200 }),
  );
  expect(await shown(page, '.callout-heading .sr-only')).toEqual([false, false, false, false]);
  expect(await shown(page, '#comments')).toEqual([true]);
});

test('on screen, the header’s search link and the link to the comments show', async () => {
  const page = await onScreen(suite.sites.article);
  expect(await shown(page, 'body > header a[href$="/search/"]')).toEqual([true]);
  expect(await shown(page, 'a[href="#comments"]')).toEqual([true]);
});
