/**
 * `npm run dev` on a small content folder, in Chromium: a content mistake made while the preview runs
 * is shown in the browser, in Astro's error overlay, in the words the build prints, and the page comes
 * back once it is fixed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';

import { launchChromium, newTestContext, type TestBrowser } from '../helpers/browser';
import { startDevServer, type DevServer } from '../helpers/dev-server';

let dev: DevServer | undefined;
const articleUrl = () => `${dev?.origin}/articles/cramps/`;

/**
 * A valid article, different in every run: Astro's dev server keeps its content store in the project's
 * `.astro/` whatever the content folder, and would take an unchanged entry for the last run's file.
 */
const GOOD_ARTICLE = `---
title: Night cramps
description: A valid article, written at ${new Date().toISOString()}.
published: 2024-01-01
---

Cramps are common.
`;

let contentDir: string;
let browser: TestBrowser;

beforeAll(async () => {
  contentDir = mkdtempSync(join(tmpdir(), 'dev-overlay-'));
  mkdirSync(join(contentDir, 'articles'));
  writeFileSync(join(contentDir, 'articles', 'cramps.mdx'), GOOD_ARTICLE);
  dev = await startDevServer(contentDir, '/articles/cramps/', { FORCE_COLOR: '0' });
  const chromium = await launchChromium();
  const context = await newTestContext(chromium);
  browser = {
    context,
    close: async () => {
      await context.close();
      await chromium.close();
    },
  };
}, 900_000); // may first wait for the other builds of the run

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  rmSync(contentDir, { recursive: true, force: true });
});

/** The message of Astro's error overlay on `page`, or undefined when the page shows no overlay. */
const overlayMessage = (page: Page) =>
  page.evaluate(
    () => document.querySelector('vite-error-overlay')?.shadowRoot?.querySelector('#message-content')?.textContent,
  );

/** Writes an article, then loads its page until `expected` holds (the dev server checks after a change). */
async function afterWriting(text: string, expected: (page: Page) => Promise<boolean>) {
  writeFileSync(join(contentDir, 'articles', 'cramps.mdx'), text);
  const page = await browser.context.newPage();
  const started = Date.now();
  while (Date.now() - started < 30_000) {
    await page.goto(articleUrl());
    await page.waitForTimeout(1_000);
    if (await expected(page)) return page;
  }
  return page;
}

const file = () => relative(dev!.project, join(contentDir, 'articles', 'cramps.mdx'));

test('a misspelt frontmatter field is shown in the browser in the build’s words, not the last good page', async () => {
  const page = await afterWriting(
    GOOD_ARTICLE.replace('published: 2024-01-01', 'published: 2024-01-01\nmedicalReveiw:\n  reviewer: someone'),
    async (shown) => (await overlayMessage(shown)) !== undefined,
  );
  expect(await overlayMessage(page)).toBe(
    `${file()}:5:1: article "cramps": unknown field "medicalReveiw". Fix: check the spelling against the field list in the README, or remove it.` +
      '\nContent check: 1 problem to fix before the site can be built.',
  );
  await page.close();
}, 60_000);

test('a misspelt urgency is shown with its file, line and column', async () => {
  const page = await afterWriting(
    `${GOOD_ARTICLE}\n<CareCard urgency="urgnet" heading="See a GP if:">\nThe pain lasts.\n</CareCard>\n`,
    async (shown) => (await overlayMessage(shown))?.includes('urgnet') ?? false,
  );
  expect(await overlayMessage(page)).toContain(
    `${file()}:9:1: article "cramps": <CareCard> urgency="urgnet" is not accepted. Fix: write urgency="non-urgent", "urgent" or "emergency" (how soon to act).`,
  );
  await page.close();
}, 60_000);

test('the page is back once the mistake is fixed', async () => {
  const page = await afterWriting(GOOD_ARTICLE, async (shown) => (await overlayMessage(shown)) === undefined);
  expect(await overlayMessage(page)).toBeUndefined();
  expect(await page.title()).toContain('Night cramps');
  await page.close();
}, 60_000);
