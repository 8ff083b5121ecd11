/**
 * A real Chromium for the browser tests. Browsers cannot be downloaded here, so we look for one:
 * CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own cache. The tests drive
 * Chromium's headless shell when Debian's is installed: the same Blink, started in a third of the time and
 * rendering for about a quarter less processor time than the whole browser (Playwright's own choice for
 * headless tests). Lighthouse measures the whole browser.
 */
import { existsSync } from 'node:fs';

import {
  chromium,
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  type Page,
  type Request,
  type Response,
} from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const NO_CHROMIUM =
  'No Chromium found: install one with `apt-get install -y chromium` (as root) or set CHROMIUM_PATH to its executable.';

/** Path of a Chromium executable, or undefined when none is installed. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'];
  try {
    candidates.push(chromium.executablePath());
  } catch {
    // Playwright has no browser of its own here.
  }
  return candidates.find((path): path is string => Boolean(path) && existsSync(path!));
}

export interface TestBrowser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Debian's package of Chromium's headless shell (`chromium-headless-shell`). */
const DEBIAN_HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/** The Chromium the browser tests drive: CHROMIUM_PATH if set, else the headless shell, else findChromium's. */
export function findTestChromium(): string | undefined {
  if (process.env.CHROMIUM_PATH || !existsSync(DEBIAN_HEADLESS_SHELL)) return findChromium();
  return DEBIAN_HEADLESS_SHELL;
}

/** Starts a Chromium of its own; each context in it has an empty profile of its own. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = findTestChromium();
  if (!executablePath) throw new Error(NO_CHROMIUM);
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS });
}

let workerChromium: Promise<Browser> | undefined;

/**
 * The Chromium of this test worker: started on first use and kept for the next test files the worker
 * runs (the site tests share their loaded modules, vitest.config.ts), since starting one costs about
 * 1.5 s of processor time. A file opens contexts of its own in it (each an empty profile) and closes
 * them; it never closes the browser, which ends with the worker.
 */
export function sharedChromium(): Promise<Browser> {
  workerChromium ??= launchChromium().then(
    (browser) => {
      browser.on('disconnected', () => (workerChromium = undefined));
      return browser;
    },
    (error: unknown) => {
      workerChromium = undefined;
      throw error;
    },
  );
  return workerChromium;
}

/** A fresh context, like a new browser profile: a 1280 × 800 window unless the options say otherwise. */
export function newTestContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
}

/** What went wrong while a page loaded: console errors, failed requests, requests leaving 127.0.0.1. */
export interface PageTrouble {
  consoleErrors: string[];
  failedRequests: string[];
  offOriginRequests: string[];
}

/** A page's address loaded in a tab, with what went wrong while it loaded and while it is in use. */
export interface Visit {
  page: Page;
  response: Response | null;
  trouble: PageTrouble;
}

/** A tab that loads one address after another (openTab). */
export interface Tab {
  page: Page;
  /** Loads `url` in the tab, a new document, and records the trouble of this visit only. */
  visit(url: string): Promise<Visit>;
}

/**
 * One tab that visits page after page, for a test file that loads many: each visit loads the address
 * afresh in the same tab, as a reader following a link does, so only the first pays for opening a tab
 * (a renderer process and Playwright's set-up of it, about half a second on a busy machine). Each visit
 * records its own trouble. Settings made on the tab itself (`emulateMedia`, `setViewportSize`) outlast a
 * visit; a test that needs a new profile opens a context instead.
 */
export async function openTab(context: BrowserContext): Promise<Tab> {
  const page = await context.newPage();
  let current = { url: '', trouble: emptyTrouble() };
  // A request belongs to the visit that made it: one the next visit cancels is not that visit's trouble.
  const troubleOf = new WeakMap<Request, PageTrouble>();
  page.on('console', (message) => {
    // The document's own status (such as the 404 page's) is checked through the response instead.
    const aboutDocument =
      message.location().url === current.url && message.text().startsWith('Failed to load resource');
    if (message.type() === 'error' && !aboutDocument) current.trouble.consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => current.trouble.consoleErrors.push(error.message));
  page.on('requestfailed', (request) =>
    (troubleOf.get(request) ?? current.trouble).failedRequests.push(
      `${request.url()} (${request.failure()?.errorText})`,
    ),
  );
  page.on('request', (request) => {
    troubleOf.set(request, current.trouble);
    const { protocol, hostname } = new URL(request.url());
    if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1')
      current.trouble.offOriginRequests.push(request.url());
  });
  // Nothing may leave the machine, whatever a page asks for.
  await page.route(/^https?:\/\/(?!127\.0\.0\.1[:/])/, (route) => route.abort('blockedbyclient'));
  return {
    page,
    async visit(url) {
      // The page before is closed first, by a blank page: the requests it still makes (such as the
      // favicon, fetched after the load event) end with it, as its trouble, and an address that differs
      // from the open one only by its #fragment loads afresh instead of scrolling the open page.
      if (page.url() !== 'about:blank') await page.goto('about:blank');
      current = { url, trouble: emptyTrouble() };
      const { trouble } = current;
      const response = await page.goto(url, { waitUntil: 'load' });
      return { page, response, trouble };
    },
  };
}

const emptyTrouble = (): PageTrouble => ({ consoleErrors: [], failedRequests: [], offOriginRequests: [] });

/** Opens `url` in a new tab and records any trouble while it loads and while `page` is in use. */
export async function visit(context: BrowserContext, url: string): Promise<Visit> {
  return (await openTab(context)).visit(url);
}
