/**
 * The one server-and-browser helper of the browser tests: the built sites a test file names, served
 * like a static host on 127.0.0.1, and the worker's one Chromium, with a fresh context (profile, viewport,
 * colour scheme…) for each set of options.
 */
import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { startStaticServer, type StaticServer } from '../../scripts/static-server';
import { newTestContext, openTab, sharedChromium, type Tab, type TestBrowser } from './browser';
import { builtSite, type SiteName } from './fixture-sites';
import { BROKEN_PAGES } from './paths';
import { SUB_PATH } from './sub-path';

export interface TestPage {
  /** Said in test names. */
  name: string;
  /** The real site, or the same code built from the fixture content. */
  site: 'site' | 'fixture';
  /** Path below the site's root. */
  path: string;
  /** HTTP status the page is served with. */
  status: number;
}

/** One page of every page type. */
export const PAGES: TestPage[] = [
  { name: 'home', site: 'site', path: '', status: 200 },
  { name: 'seed article', site: 'site', path: 'articles/leg-cramps-sign-of-pregnancy/', status: 200 },
  { name: '404', site: 'site', path: 'no-such-page/', status: 404 },
  { name: 'search', site: 'site', path: 'search/', status: 200 },
  { name: 'fixture home', site: 'fixture', path: '', status: 200 },
  { name: 'deep-thread article', site: 'fixture', path: 'articles/deep-thread/', status: 200 },
  { name: 'GFM article', site: 'fixture', path: 'articles/gfm-markdown/', status: 200 },
  { name: 'second comment page', site: 'fixture', path: 'articles/huge-thread/comments/2/', status: 200 },
  { name: 'second article-list page', site: 'fixture', path: 'page/2/', status: 200 },
  { name: 'tag page', site: 'fixture', path: 'tags/fixture/', status: 200 },
  { name: 'tag list', site: 'fixture', path: 'tags/', status: 200 },
  { name: 'article with a table of contents', site: 'fixture', path: 'articles/table-of-contents/', status: 200 },
  { name: 'trust page', site: 'site', path: 'editorial-policy/', status: 200 },
  { name: 'person', site: 'fixture', path: 'people/test-reviewer/', status: 200 },
  { name: 'callouts and references article', site: 'fixture', path: 'articles/editorial-features/', status: 200 },
];

/** A site a browser test can visit: one of the built sites, or the hand-made broken pages. */
export type ServableSite = SiteName | 'broken-pages';

export interface ServedSites {
  /** Root address of a served site (the sub-path site's ends with its prefix). */
  root(site: ServableSite): string;
  /** Root of the fixture site. */
  readonly fixtureUrl: string;
  /** Address of one of PAGES. */
  url(page: TestPage): string;
  /** The real site's seed article. */
  readonly article: string;
  /** The fixture article with a twelve-level reply chain. */
  readonly deepThread: string;
  /** A page of the hand-made broken pages folder. */
  broken(file: string): string;
  close(): Promise<void>;
}

/** Builds the named sites if need be (fixture-sites.ts) and serves each on a port of its own. */
export async function serveSites(names: readonly ServableSite[]): Promise<ServedSites> {
  const servers = new Map<ServableSite, StaticServer>();
  try {
    for (const name of names) {
      const root = name === 'broken-pages' ? BROKEN_PAGES : await builtSite(name);
      const base = name === 'sub-path' ? SUB_PATH : undefined;
      servers.set(name, await startStaticServer({ root, ...(base && { base }) }));
    }
  } catch (error) {
    await Promise.all([...servers.values()].map((server) => server.close()));
    throw error;
  }
  const root = (site: ServableSite) => {
    const server = servers.get(site);
    if (!server) throw new Error(`The ${site} site is not served to this test file: name it in useSitesAndBrowser.`);
    return server.url;
  };
  return {
    root,
    get fixtureUrl() {
      return root('fixture');
    },
    url: (page) => `${root(page.site)}${page.path}`,
    get article() {
      return `${root('site')}articles/leg-cramps-sign-of-pregnancy/`;
    },
    get deepThread() {
      return `${root('fixture')}articles/deep-thread/`;
    },
    broken: (file) => `${root('broken-pages')}${file}`,
    close: async () => {
      await Promise.all([...servers.values()].map((server) => server.close()));
    },
  };
}

export interface BrowserSuite {
  /** The served sites. */
  sites: ServedSites;
  /** A context with the options the file gave. */
  browser: TestBrowser;
  /**
   * A context with other options for the tests of the enclosing `describe` (opened before them, closed
   * after them). Read its `context` inside tests.
   */
  useContext(options: BrowserContextOptions): TestBrowser;
  /** A context with other options for one test; closed after the file if the test does not close it. */
  openContext(options: BrowserContextOptions): Promise<TestBrowser>;
  /**
   * One tab for the tests of the enclosing `describe` (or of the file), opened before them in the given
   * context (the file's by default) and closed after them, for files that load many pages: each
   * `visit` loads its address afresh in it, without opening a tab (tests/helpers/browser.ts, openTab).
   */
  useTab(browser?: TestBrowser): Tab;
}

export interface SuiteOptions {
  /** The sites the file visits; by default the real site, the fixture site and the broken pages. */
  sites?: readonly ServableSite[];
}

const DEFAULT_SITES: readonly ServableSite[] = ['site', 'fixture', 'broken-pages'];

/**
 * Serves the sites a browser test file visits and opens its contexts in the worker's Chromium
 * (sharedChromium), closing the servers and the contexts after its tests: every browser test file
 * awaits it once, at its top, which builds the sites it names unless they are up to date (while the
 * file is collected, so no hook's time limit applies to a build). Read `sites` and `browser` inside tests.
 */
export async function useSitesAndBrowser(
  options: BrowserContextOptions = {},
  { sites = DEFAULT_SITES }: SuiteOptions = {},
): Promise<BrowserSuite> {
  await Promise.all(sites.map((name) => (name === 'broken-pages' ? undefined : builtSite(name))));
  let chromium: Browser | undefined;
  const open = new Set<TestBrowser>();
  const openContext = async (contextOptions: BrowserContextOptions): Promise<TestBrowser> => {
    if (!chromium) throw new Error('Chromium is not running yet: open contexts inside tests or hooks.');
    const context = await newTestContext(chromium, contextOptions);
    const opened: TestBrowser = {
      context,
      close: async () => {
        open.delete(opened);
        await context.close();
      },
    };
    open.add(opened);
    return opened;
  };
  const suite = {
    useContext(contextOptions: BrowserContextOptions): TestBrowser {
      const lent = {} as TestBrowser;
      beforeAll(async () => {
        Object.assign(lent, await openContext(contextOptions));
      });
      afterAll(() => lent.close?.());
      return lent;
    },
    openContext,
    useTab(browser?: TestBrowser): Tab {
      const lent = {} as Tab;
      beforeAll(async () => {
        Object.assign(lent, await openTab((browser ?? suite.browser).context));
      });
      afterAll(() => lent.page?.close());
      return lent;
    },
  } as BrowserSuite;
  beforeAll(async () => {
    const [served, launched] = await Promise.all([serveSites(sites), sharedChromium()]);
    suite.sites = served;
    chromium = launched;
    suite.browser = await openContext(options);
  });
  afterAll(async () => {
    await Promise.all([...open].map((opened) => opened.close()));
    await suite.sites?.close();
  });
  return suite;
}
