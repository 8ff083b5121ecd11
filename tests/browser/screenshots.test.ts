import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, expect, test } from 'vitest';

import { visit } from '../helpers/browser';
import { SCREENSHOTS } from '../helpers/paths';
import { useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({}, { sites: ['site'] });
beforeAll(() => {
  mkdirSync(SCREENSHOTS, { recursive: true });
});

// Pictures for people to look at after every run (test-results/screenshots/).
test.each([
  { file: 'article-1280-light.png', width: 1280, colorScheme: 'light' as const },
  { file: 'article-1280-dark.png', width: 1280, colorScheme: 'dark' as const },
  { file: 'article-375-light.png', width: 375, colorScheme: 'light' as const },
])('the seed article is captured full page as $file', async ({ file, width, colorScheme }) => {
  const browser = await suite.openContext({ viewport: { width, height: 800 }, colorScheme });
  const { page } = await visit(browser.context, suite.sites.article);
  const path = join(SCREENSHOTS, file);
  await page.screenshot({ path, fullPage: true });
  await browser.close();
  expect(statSync(path).size).toBeGreaterThan(10_000);
});
