/** The built sites the browser tests visit, served like a static host on 127.0.0.1. */
import type { BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

import { startStaticServer, type StaticServer } from '../../scripts/static-server';
import { openBrowser, type TestBrowser } from './browser';
import { BROKEN_PAGES, FIXTURE_DIST, SITE_DIST } from './paths';

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

export interface ServedSites {
  /** Root of the fixture site. */
  fixtureUrl: string;
  /** Address of one of PAGES. */
  url: (page: TestPage) => string;
  /** The real site's seed article. */
  article: string;
  /** The fixture article with a twelve-level reply chain. */
  deepThread: string;
  /** A page of the hand-made broken pages folder. */
  broken: (file: string) => string;
  close(): Promise<void>;
}

export async function serveSites(): Promise<ServedSites> {
  const servers: StaticServer[] = await Promise.all([
    startStaticServer({ root: SITE_DIST }),
    startStaticServer({ root: FIXTURE_DIST }),
    startStaticServer({ root: BROKEN_PAGES }),
  ]);
  const [site, fixture, broken] = servers.map((server) => server.url) as [string, string, string];
  return {
    fixtureUrl: fixture,
    url: (page) => `${page.site === 'site' ? site : fixture}${page.path}`,
    article: `${site}articles/leg-cramps-sign-of-pregnancy/`,
    deepThread: `${fixture}articles/deep-thread/`,
    broken: (file) => `${broken}${file}`,
    close: async () => {
      await Promise.all(servers.map((server) => server.close()));
    },
  };
}

export interface BrowserSuite {
  sites: ServedSites;
  browser: TestBrowser;
}

/**
 * Serves the built sites and opens one Chromium for the test file that calls it, closing both after
 * its tests. Read `sites` and `browser` inside tests, once they have started.
 */
export function useSitesAndBrowser(options: BrowserContextOptions = {}): BrowserSuite {
  const suite = {} as BrowserSuite;
  beforeAll(async () => {
    suite.sites = await serveSites();
    suite.browser = await openBrowser(options);
  });
  afterAll(async () => {
    await suite.browser?.close();
    await suite.sites?.close();
  });
  return suite;
}
