/**
 * The article page's weight budget (issue 6), measured on the built `dist/` with a real page load in
 * Chromium: no JavaScript, no web fonts, at most two requests, and a gzip transfer of at most three
 * times the gzip size of the text a reader came for.
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import type { Request } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';

import { visit } from '../helpers/browser';
import { builtSite } from '../helpers/fixture-sites';
import { useSitesAndBrowser } from '../helpers/sites';

const SITE_DIST = await builtSite('site');
const suite = await useSitesAndBrowser({}, { sites: ['site'] });

const ARTICLE_PATH = 'articles/leg-cramps-sign-of-pregnancy/';

/** Requests on first load, the favicon not counted: the HTML, plus one stylesheet at most. */
const MAX_REQUESTS = 2;
/** Transfer may be this many times the gzip size of the article's and comments' plain text. */
const MAX_TRANSFER_PER_TEXT_BYTE = 3;

/**
 * What a host sends when it compresses: `gzip -9`, the level static hosts use for files they compress
 * ahead of time. The plain text is measured the same way, so the ratio compares like with like.
 */
const gzipSize = (bytes: Buffer | string) => gzipSync(bytes, { level: 9 }).length;

/** One response of the page load, with the bytes it carried. */
interface LoadedResource {
  url: string;
  /** Chromium's resource type: document, stylesheet, script, font, image… */
  type: string;
  /** Body bytes as the file is stored. */
  rawBytes: number;
  /** Body bytes once gzipped by the host. */
  gzipBytes: number;
  /** The response body as text, for looking inside stylesheets and documents. */
  text: string;
}

/** The browser's own favicon request is allowed on top of the budget. */
const isFavicon = (resource: LoadedResource) => new URL(resource.url).pathname.startsWith('/favicon.');

const JS_URL = /\.m?js(\?|$)/;
const FONT_URL = /\.(woff2?|ttf|otf|eot)(\?|$)/;

let resources: LoadedResource[];
/** Text of the page's main content (article and comments), runs of whitespace counted as one space. */
let plainText: string;
/** Number of `<script>` elements in the loaded page other than JSON-LD data blocks, which never run. */
let scriptElements: number;

beforeAll(async () => {
  const { browser, sites } = suite;
  // Listen on the context, not the tab, so requests made while the tab opens are counted too.
  const requests: Request[] = [];
  browser.context.on('requestfinished', (request) => requests.push(request));
  browser.context.on('requestfailed', (request) => requests.push(request));

  const { page, response } = await visit(browser.context, `${sites.root('site')}${ARTICLE_PATH}`);
  expect(response?.status(), 'the article page loads').toBe(200);
  // Anything requested late (lazy images, fonts once text is laid out) counts as first load too.
  await page.waitForLoadState('networkidle');

  resources = await Promise.all(
    requests.map(async (request) => {
      const body = (await (await request.response())?.body()) ?? Buffer.alloc(0);
      return {
        url: request.url(),
        type: request.resourceType(),
        rawBytes: body.length,
        gzipBytes: gzipSize(body),
        text: body.toString('utf8'),
      };
    }),
  );
  // JSON-LD data blocks are text for machines, not for the reader: they must not raise the budget.
  const mainText = await page.locator('main').evaluate((main) => {
    const copy = main.cloneNode(true) as HTMLElement;
    for (const script of copy.querySelectorAll('script')) script.remove();
    return copy.textContent ?? '';
  });
  plainText = mainText.replace(/\s+/g, ' ').trim();
  scriptElements = await page.locator('script:not([type="application/ld+json"])').count();
  await page.close();
});

test('the built site holds no font file, and JavaScript only for search', () => {
  expect(globSync('**/*.{woff,woff2,ttf,otf,eot}', { cwd: SITE_DIST })).toEqual([]);
  // Pagefind's library and worker, and the search page's own script.
  const scripts = globSync('**/*.{js,mjs}', { cwd: SITE_DIST }).filter((file) => !file.startsWith('pagefind/'));
  const searchPage = readFileSync(join(SITE_DIST, 'search/index.html'), 'utf8');
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.filter((file) => !searchPage.includes(`/${file}"`))).toEqual([]);
});

test('no page but the search page has a script element that runs', () => {
  const running = globSync('**/*.html', { cwd: SITE_DIST }).filter(
    (file) =>
      file !== 'search/index.html' &&
      // JSON-LD and other data blocks are never run.
      [...readFileSync(join(SITE_DIST, file), 'utf8').matchAll(/<script\b([^>]*)>/g)].some(
        ([, attributes]) => !/type="application\/(ld\+)?json"/.test(attributes!),
      ),
  );
  expect(running).toEqual([]);
});

describe('the seed article page, loaded in Chromium', () => {
  test('has no script element (JSON-LD data aside) and requests no JavaScript', () => {
    expect(scriptElements).toBe(0);
    const scripts = resources.filter((resource) => resource.type === 'script' || JS_URL.test(resource.url));
    expect(scripts.map((resource) => resource.url)).toEqual([]);
  });

  test('downloads no web font and declares none', () => {
    const fonts = resources.filter((resource) => resource.type === 'font' || FONT_URL.test(resource.url));
    expect(fonts.map((resource) => resource.url)).toEqual([]);
    const declaring = resources.filter((resource) => /@font-face/i.test(resource.text));
    expect(declaring.map((resource) => resource.url)).toEqual([]);
  });

  test(`makes at most ${MAX_REQUESTS} requests, favicon excepted`, () => {
    const counted = resources.filter((resource) => !isFavicon(resource));
    expect(counted.length, describeLoad()).toBeLessThanOrEqual(MAX_REQUESTS);
  });

  test(`transfers at most ${MAX_TRANSFER_PER_TEXT_BYTE} × the gzip size of its article and comment text`, () => {
    const transfer = resources.reduce((sum, resource) => sum + resource.gzipBytes, 0);
    const textGzip = gzipSize(plainText);
    console.log(describeLoad());
    expect(textGzip, 'the main content has text to measure').toBeGreaterThan(1000);
    expect(transfer, describeLoad()).toBeLessThanOrEqual(MAX_TRANSFER_PER_TEXT_BYTE * textGzip);
  });
});

/** The load as a small table, printed by the transfer test and shown when a budget fails. */
function describeLoad(): string {
  const transfer = resources.reduce((sum, resource) => sum + resource.gzipBytes, 0);
  const textGzip = gzipSize(plainText);
  const rows = resources.map(
    (resource) =>
      `  ${resource.type.padEnd(10)} ${String(resource.rawBytes).padStart(7)} B raw ${String(resource.gzipBytes).padStart(7)} B gzip  ${resource.url}${isFavicon(resource) ? ' (favicon, not counted as a request)' : ''}`,
  );
  return [
    `Article page load: ${resources.length} requests`,
    ...rows,
    `  total transfer (gzip -9, bodies): ${transfer} B`,
    `  main-content plain text: ${Buffer.byteLength(plainText)} B raw, ${textGzip} B gzip; budget ${MAX_TRANSFER_PER_TEXT_BYTE} × ${textGzip} = ${MAX_TRANSFER_PER_TEXT_BYTE * textGzip} B (${((100 * transfer) / (MAX_TRANSFER_PER_TEXT_BYTE * textGzip)).toFixed(1)} % used)`,
  ].join('\n');
}
