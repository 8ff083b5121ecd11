/**
 * Search in Chromium, on the fixture site built with its Pagefind index: words from an article body and
 * from readers' comments (on the article and on a later comment page) find their page and comment, by
 * keyboard alone, with no CSP violation, no markup from hostile comments, and a clear message without
 * JavaScript.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { openTab, type PageTrouble, type Tab } from '../helpers/browser';
import { axeViolations, horizontalScroll } from '../helpers/page-checks';
import { useSitesAndBrowser } from '../helpers/sites';
import { SUB_PATH } from '../helpers/sub-path';
import { site } from '@/config/site';

const suite = await useSitesAndBrowser({}, { sites: ['fixture', 'sub-path'] });
// The file's tab: each test loads its page afresh in it.
const tab = suite.useTab();

/** Opens the fixture site's search page, searches for `query` with the form, and waits for the results. */
async function search(query: string, origin = suite.sites.fixtureUrl, inTab: Tab = tab) {
  const { page, trouble } = await inTab.visit(`${origin}search/`);
  await page.getByLabel('Search articles and readers’ questions').fill(query);
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await waitForResults(page);
  return { page, trouble };
}

async function waitForResults(page: Page) {
  await page.waitForFunction(() => /match/.test(document.getElementById('search-status')?.textContent ?? ''));
}

/** Addresses of the result links, as the page gives them. */
const resultLinks = (page: Page) =>
  page.locator('#search-results a').evaluateAll((links) => links.map((link) => link.getAttribute('href')));

const cspViolations = (trouble: PageTrouble) =>
  trouble.consoleErrors.filter((message) => /Content Security Policy/i.test(message));

describe('a word found only in a reader’s comment', () => {
  describe('searched for', () => {
    // The results, read by both tests and changed by neither.
    let found: Awaited<ReturnType<typeof search>>;
    beforeAll(async () => {
      found = await search('quillfeather');
    });

    test('gives a result linking straight to that comment on its article page', async () => {
      const { page, trouble } = found;
      expect(await page.locator('#search-status').textContent()).toBe('1 page matches “quillfeather”.');
      expect(await resultLinks(page)).toEqual(['/articles/search-words/', '/articles/search-words/#comment-q1-a1']);
      expect(trouble.consoleErrors).toEqual([]);
    });

    test('names the question the reply belongs to', async () => {
      expect(await found.page.locator('#search-results ul a').allTextContents()).toEqual([
        'Reply to the question “A question about the fixture?”',
      ]);
    });
  });

  test('leads, when followed, to that comment, highlighted and in view', async () => {
    const { page } = await search('quillfeather');
    await page.getByRole('link', { name: /^Reply to the question / }).click();
    await page.waitForURL(/#comment-q1-a1$/);
    const target = page.locator(':target');
    expect(await target.getAttribute('id')).toBe('comment-q1-a1');
    await expect
      .poll(() => target.evaluate((element) => element.getBoundingClientRect().top))
      .toBeGreaterThanOrEqual(0);
    expect(await target.evaluate((element) => element.getBoundingClientRect().top < innerHeight)).toBe(true);
  });

  test('on a later comment page links to the comment on that page', async () => {
    // The generated ten-thousand-comment fixture: question n is thread n, one page per 50 threads.
    const question = 1234;
    const commentPage = Math.floor(question / site.commentThreadsPerPage) + 1;
    const { page } = await search(`number ${question}`);
    // Every question on that page matches "number"; the one matching both words is listed first.
    expect((await resultLinks(page))[1]).toBe(`/articles/huge-thread/comments/${commentPage}/#comment-h${question}`);
  });
});

test('a word from an article body finds the article, the word marked in the excerpt', async () => {
  const { page } = await search('zanzibarine');
  expect(await resultLinks(page)).toEqual(['/articles/search-words/']);
  expect(await page.locator('#search-results h2').textContent()).toBe('Fixture: words to search for');
  expect(await page.locator('#search-results mark').allTextContents()).toEqual(['zanzibarine.']);
});

test('an excerpt is the article’s own text: no byline, dates, reading time, comment count or review note', async () => {
  // "Fixture" is in every fixture article's title.
  const { page } = await search('fixture');
  const excerpts = await page.locator('#search-results > li > p').allTextContents();
  expect(excerpts.length).toBeGreaterThan(0);
  for (const excerpt of excerpts) {
    expect(excerpt).not.toMatch(/Published \d|minute read|reader comments?\b|medically reviewed|Next review due/i);
  }
});

test('an excerpt holds no text written only for screen readers', async () => {
  const { page } = await search('care card');
  const text = await page.locator('#search-results').textContent();
  expect(text).toContain('care card');
  expect(text).not.toMatch(/Non-urgent advice|Urgent advice|Immediate action required|\[reference \d\]/);
});

test('every matching comment on a page is reachable from its result, the ones past five one click away', async () => {
  const { page } = await search('question number');
  const first = page.locator('#search-results > li:has(details)').first();
  const count = Number(/(\d+)\.$/.exec((await first.locator(':scope > p').last().textContent()) ?? '')?.[1]);
  expect(count).toBeGreaterThan(5);
  expect(await first.locator(':scope > ul > li > a').count()).toBe(5);
  const more = first.locator(':scope > details > summary');
  expect(await more.textContent()).toBe(`Show ${count - 5} more matching comments`);
  await more.click();
  expect(await first.locator(':scope > details > ul > li > a').count()).toBe(count - 5);
  expect(await first.locator(':scope > details > ul > li > a').first().isVisible()).toBe(true);
});

test('with a query in the address, nothing on the page moves as the results arrive', async () => {
  const phone = await suite.openContext({ viewport: { width: 412, height: 823 } });
  const { page } = await (await openTab(phone.context)).visit(`${suite.sites.fixtureUrl}search/?q=cramp`);
  await page.evaluate(() => {
    (window as unknown as { shifts: number[] }).shifts = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as unknown as { shifts: number[] }).shifts.push((entry as unknown as { value: number }).value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await waitForResults(page);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)).toEqual([]);
  await phone.close();
});

test('a word found nowhere says so in the live region', async () => {
  // Pagefind falls back to shorter prefixes of a word it does not know ("qwxjkv" finds the hostile
  // fixture's "q"), so the word is in a script no fixture uses (Georgian).
  const { page } = await search('ჯოხი');
  expect(await page.locator('[role="status"]').textContent()).toBe('No pages match “ჯოხი”. Try other words, or fewer.');
  expect(await page.locator('#search-results li').count()).toBe(0);
});

test('an address with ?q= runs that search, so results can be linked and bookmarked', async () => {
  const { page } = await tab.visit(`${suite.sites.fixtureUrl}search/?q=wobblethorpe`);
  await waitForResults(page);
  expect(await page.getByLabel('Search articles and readers’ questions').inputValue()).toBe('wobblethorpe');
  expect(await resultLinks(page)).toContain('/articles/search-words/#comment-q1');
});

test('works by keyboard alone: Tab to the field, type, Enter, Tab to a result, Enter to follow it', async () => {
  const { page } = await tab.visit(`${suite.sites.fixtureUrl}search/`);
  for (let step = 0; step < 10; step++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id === 'search-input')) break;
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
  await page.keyboard.type('quillfeather');
  await page.keyboard.press('Enter');
  await waitForResults(page);
  await page.keyboard.press('Tab'); // the Search button
  await page.keyboard.press('Tab'); // the first result
  expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe('/articles/search-words/');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/articles\/search-words\/#comment-q1-a1$/);
});

test('results are a list of links under headings, and the count is announced in a live region', async () => {
  const { page } = await search('wobblethorpe');
  expect(await page.locator('[role="status"]').textContent()).toBe('1 page matches “wobblethorpe”.');
  expect(await page.locator('#search-results > li > h2 > a').count()).toBe(1);
  expect(await page.locator('#search-results > li > ul > li > a').count()).toBeGreaterThan(0);
});

test('“Show more results” lists the next pages and moves focus to the first of them', async () => {
  // Every comment page of the ten-thousand-comment fixture holds the word "question": far more than one screen.
  const { page } = await search('question');
  expect(await page.locator('#search-results > li').count()).toBe(10);
  await page.getByRole('button', { name: 'Show more results' }).click();
  await expect.poll(() => page.locator('#search-results > li').count(), { timeout: 15_000 }).toBe(20);
  const eleventh = await page.locator('#search-results > li').nth(10).locator('h2 a').getAttribute('href');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('href'))).toBe(eleventh);
});

describe('with results shown', () => {
  // One search, scanned in both colour schemes: prefers-color-scheme is switched on the open page.
  let page: Page;
  beforeAll(async () => {
    ({ page } = await search('cramp'));
  });
  // The file's tab goes on in the context's colour scheme.
  afterAll(() => page?.emulateMedia({ colorScheme: null }));

  test.each(['light', 'dark'] as const)(
    'in the %s colour scheme the page has no axe-core WCAG 2.2 AA violations',
    async (colorScheme) => {
      await page.emulateMedia({ colorScheme });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(
        colorScheme === 'dark',
      );
      expect(await axeViolations(page)).toEqual([]);
    },
  );
});

test('with results shown, the page does not scroll sideways at 320 px', async () => {
  const narrow = await suite.openContext({ viewport: { width: 320, height: 640 } });
  const { page } = await search(
    'supercalifragilisticexpialidociouslylongwordwithoutanyspaces1',
    suite.sites.fixtureUrl,
    await openTab(narrow.context),
  );
  expect(await horizontalScroll(page)).toEqual([]);
  await narrow.close();
});

test('a search runs no script the Content-Security-Policy forbids and loads nothing from elsewhere', async () => {
  const { page, trouble } = await search('cramp');
  await page.waitForLoadState('networkidle');
  expect(cspViolations(trouble)).toEqual([]);
  expect(trouble).toEqual({ consoleErrors: [], failedRequests: [], offOriginRequests: [] });
});

test('hostile comments found by a search show as text: no markup of theirs reaches the results', async () => {
  const dialogs: string[] = [];
  const { page } = await search('alert');
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const tags = await page
    .locator('#search-results *')
    .evaluateAll((elements) => [...new Set(elements.map((element) => element.tagName.toLowerCase()))].sort());
  expect(tags.filter((tag) => !['details', 'summary'].includes(tag))).toEqual(['a', 'h2', 'li', 'mark', 'p', 'ul']);
  // The attacks' tags are there, as text for the reader to see.
  expect(await page.locator('#search-results').textContent()).toMatch(/<(script|img|svg|iframe)\b/i);
  expect(await page.locator('#search-results [href^="javascript" i], #search-results [src]').count()).toBe(0);
  expect(dialogs).toEqual([]);
});

describe('with JavaScript turned off', () => {
  const withoutScript = suite.useTab(suite.useContext({ javaScriptEnabled: false }));

  test('the page says search needs JavaScript and offers the list of articles', async () => {
    const { page } = await withoutScript.visit(`${suite.sites.fixtureUrl}search/`);
    // Playwright's text locators skip <noscript>, so the message is found by its element.
    const message = page.locator('noscript p');
    expect(await message.isVisible()).toBe(true);
    expect((await message.textContent())?.trim()).toBe(
      'Search needs JavaScript, which is turned off in your browser. You can still browse the list of articles.',
    );
    expect(await page.getByRole('link', { name: 'browse the list of articles' }).getAttribute('href')).toBe('/');
  });

  test('the form still submits its words in the address, and the message stays', async () => {
    const { page } = await withoutScript.visit(`${suite.sites.fixtureUrl}search/`);
    await page.getByLabel('Search articles and readers’ questions').fill('cramp');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\/\?q=cramp$/);
    expect(await page.locator('noscript p').isVisible()).toBe(true);
  });
});

describe('under /health-blog/', () => {
  test('finds the seed article and links to it and its comments under the prefix', async () => {
    const { page, trouble } = await search('cramps', suite.sites.root('sub-path'));
    const links = await resultLinks(page);
    expect(links.length).toBeGreaterThan(1);
    expect(links.filter((link) => !link?.startsWith(`${SUB_PATH}articles/leg-cramps-sign-of-pregnancy/`))).toEqual([]);
    expect(links.some((link) => /#comment-[\w-]+$/.test(link ?? ''))).toBe(true);
    expect(trouble.consoleErrors).toEqual([]);
  });
});
