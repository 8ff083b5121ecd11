/**
 * Builds the site search index after each build (an `astro build` empties `dist/` first, so the index is
 * written again every time, tests' programmatic builds included): every article and comment page, read
 * from its built HTML with Pagefind, into `dist/pagefind/`. The search page loads it in the browser.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';

import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';

import { isShippedSearchFile, pageUrl, SEARCH_EXCLUDE_SELECTORS, SEARCHABLE_ROUTES } from '../lib/search/index-rules';

/** Folder of `dist/` the index is written to; the search page loads `<base>pagefind/pagefind.js`. */
export const SEARCH_INDEX_DIR = 'pagefind';

export function searchIndex(): AstroIntegration {
  let base = '/';
  return {
    name: 'health-site:search-index',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const dist = fileURLToPath(dir);
        const files = SEARCHABLE_ROUTES.flatMap((route) => assets.get(route) ?? [])
          .map((url) => relative(dist, fileURLToPath(url)))
          .sort();
        const { index, errors } = await pagefind.createIndex({ excludeSelectors: [...SEARCH_EXCLUDE_SELECTORS] });
        try {
          if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
          for (const file of files) {
            const added = await index.addHTMLFile({
              url: pageUrl(file, base),
              content: await readFile(join(dist, file), 'utf8'),
            });
            if (added.errors.length > 0) throw new Error(`${file}: ${added.errors.join('; ')}`);
          }
          const output = await index.getFiles();
          if (output.errors.length > 0) throw new Error(output.errors.join('; '));
          for (const { path, content } of output.files.filter((file) => isShippedSearchFile(file.path))) {
            const target = join(dist, SEARCH_INDEX_DIR, path);
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, content);
          }
          logger.info(
            `Search index: ${files.length} ${files.length === 1 ? 'page' : 'pages'} (articles and their comment pages) in ${SEARCH_INDEX_DIR}/.`,
          );
        } finally {
          await pagefind.close();
        }
      },
    },
  };
}
