/**
 * Builds the site search index after each build (an `astro build` empties `dist/` first, so the index is
 * written again every time, tests' programmatic builds included): every article and comment page, read
 * from its built HTML by Pagefind, into `dist/pagefind/`. The search page loads it in the browser.
 *
 * Pagefind starts as soon as the pages are written (`astro:build:generated`) and reads them itself, in
 * its own process, while the other integrations' end-of-build work (sitemap, checks, lint) runs here;
 * `astro:build:done` waits for it.
 */
import { globSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

import { isShippedSearchFile, SEARCH_EXCLUDE_SELECTORS, SEARCHABLE_PAGES } from '@/lib/search/index-rules';
import { countOf } from '@/lib/text/plural';

/** Folder of `dist/` the index is written to; the search page loads `<base>pagefind/pagefind.js`. */
export const SEARCH_INDEX_DIR = 'pagefind';

/**
 * Pagefind's index of the searchable pages in `dist`, made in Pagefind's own process and written by it
 * straight into `dist/pagefind/` (handing the files to Node instead would hold the whole index in this
 * process, about 50 MB for 5,000 articles). Returns how many pages it indexed.
 */
async function indexSite(dist: string): Promise<number> {
  const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...SEARCH_EXCLUDE_SELECTORS] });
  try {
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dist, glob: SEARCHABLE_PAGES });
    if (added.errors.length > 0) throw new Error(added.errors.join('; '));
    const output = join(dist, SEARCH_INDEX_DIR);
    const written = await index.writeFiles({ outputPath: output });
    if (written.errors.length > 0) throw new Error(written.errors.join('; '));
    // Pagefind also writes ready-made interfaces, which the site does not use.
    for (const file of globSync('**/*', { cwd: output, withFileTypes: true })) {
      const path = relative(output, join(file.parentPath, file.name));
      if (file.isFile() && !isShippedSearchFile(path)) rmSync(join(output, path));
    }
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

export function searchIndex(): AstroIntegration {
  let indexing: Promise<number> | undefined;
  return {
    name: 'health-site:search-index',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        indexing = indexSite(fileURLToPath(dir));
        // Reported by `astro:build:done`, which waits for it.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        let pageCount: number;
        try {
          pageCount = await (indexing ?? indexSite(fileURLToPath(dir)));
        } catch (error) {
          throw new Error(`Search index: ${error instanceof Error ? error.message : error}`, { cause: error });
        }
        indexing = undefined;
        logger.info(
          `Search index: ${countOf(pageCount, 'page')} (articles and their comment pages) in ${SEARCH_INDEX_DIR}/.`,
        );
      },
    },
  };
}
