/**
 * Builds the site search index after each build (an `astro build` empties `dist/` first, so the index is
 * written again every time, tests' programmatic builds included): every article and comment page, read
 * from its built HTML by Pagefind, into `dist/pagefind/`. The search page loads it in the browser.
 *
 * Pagefind starts as soon as the pages are written (`astro:build:generated`) and reads them itself, in
 * its own process, while the other integrations' end-of-build work (sitemap, checks, lint) runs here;
 * `astro:build:done` waits for it and writes the index.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

import { isShippedSearchFile, SEARCH_EXCLUDE_SELECTORS, SEARCHABLE_PAGES } from '../lib/search/index-rules';

/** Folder of `dist/` the index is written to; the search page loads `<base>pagefind/pagefind.js`. */
export const SEARCH_INDEX_DIR = 'pagefind';

interface SearchIndex {
  pageCount: number;
  files: pagefind.IndexFile[];
}

/** Pagefind's index of the searchable pages in `dist`, made in Pagefind's own process. */
async function indexSite(dist: string): Promise<SearchIndex> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...SEARCH_EXCLUDE_SELECTORS] });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dist, glob: SEARCHABLE_PAGES });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const output = await index.getFiles();
    if (output.errors.length > 0) throw new Error(output.errors.join('; '));
    return { pageCount: added.page_count, files: output.files };
  } finally {
    await pagefind.close();
  }
}

export function searchIndex(): AstroIntegration {
  let indexing: Promise<SearchIndex> | undefined;
  return {
    name: 'health-site:search-index',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        indexing = indexSite(fileURLToPath(dir));
        // Reported by `astro:build:done`, which waits for it.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const { pageCount, files } = await (indexing ?? indexSite(dist));
        indexing = undefined;
        for (const { path, content } of files.filter((file) => isShippedSearchFile(file.path))) {
          const target = join(dist, SEARCH_INDEX_DIR, path);
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, content);
        }
        logger.info(
          `Search index: ${pageCount} ${pageCount === 1 ? 'page' : 'pages'} (articles and their comment pages) in ${SEARCH_INDEX_DIR}/.`,
        );
      },
    },
  };
}
