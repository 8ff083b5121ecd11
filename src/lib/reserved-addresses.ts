/**
 * The addresses a site page may not take. A site page (`content/pages/<slug>.mdx`) is served at
 * `/<slug>/`, so its slug may not be the first path segment of one of the site's own routes, read here
 * from the folders and files of `src/pages/`, nor a folder the build writes that no route declares.
 */
import { readdirSync } from 'node:fs';

/**
 * Folders the build writes into `dist/` beside the routes: the search index (`SEARCH_INDEX_DIR` in
 * integrations/search-index.ts), the sharing images (`articleImagePath` in lib/urls.ts) and the question
 * handler (`questionsEndpointPath`, served by the hosts' functions) and the content's media files
 * (`MEDIA_FOLDER` in lib/content-folders.ts, copied by integrations/content-media.ts).
 */
export const BUILD_OUTPUT_FOLDERS: readonly string[] = ['pagefind', 'og', 'api', 'media'];

const ROUTE_FILE = /\.(astro|md|mdx|html|ts|js)$/;

/**
 * First path segments taken by the routes in `pagesFolder`: each folder and page file, less the home
 * page (`index`), dynamic routes (`[slug]`, which take what is left), files Astro does not route (`_x`)
 * and endpoints whose name has a dot (`rss.xml.ts`), which no slug can equal.
 */
export function routeFirstSegments(pagesFolder: URL | string): string[] {
  return readdirSync(pagesFolder, { withFileTypes: true })
    .map((entry) => (entry.isDirectory() ? entry.name : entry.name.replace(ROUTE_FILE, '')))
    .filter((name) => name !== 'index' && !name.startsWith('[') && !name.startsWith('_') && !name.includes('.'))
    .sort();
}

/** Every first path segment a site page's slug may not be: the routes of `src/pages/` and the build's folders. */
export function reservedPageSlugs(pagesFolder: URL | string = new URL('../pages/', import.meta.url)): Set<string> {
  return new Set([...routeFirstSegments(pagesFolder), ...BUILD_OUTPUT_FOLDERS]);
}
