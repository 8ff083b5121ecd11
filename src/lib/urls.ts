/**
 * Every internal address the site links to, built in one place so the whole site follows its base
 * path (`astro.config.ts` `base`) and its trailing-slash policy: directory URLs end in "/".
 */

import { site } from '@/config/site';

/**
 * The base path, always with a leading and a trailing slash. Taken from the site config that also sets
 * Astro's `base`, not from `import.meta.env.BASE_URL`, which a BASE_URL variable in the build's
 * environment would override.
 */
export const basePath = site.basePath;

/** A path inside the site: `sitePath('articles/x/')` → `/articles/x/` (or `/base/articles/x/`). */
export const sitePath = (path = '') => `${basePath}${path.replace(/^\/+/, '')}`;

export const homePath = () => sitePath();

export const articlePath = (slug: string) => sitePath(`articles/${slug}/`);

/** The search page; `?q=<words>` after it runs a search, as submitting its form does. */
export const searchPath = () => sitePath('search/');

/** Pagefind's search library, written with the index after each build (`integrations/search-index.ts`). */
export const searchLibraryPath = () => sitePath('pagefind/pagefind.js');

/** Page `page` of an article's comments: page 1 is the article itself. */
export const commentPagePath = (slug: string, page: number) =>
  page === 1 ? articlePath(slug) : sitePath(`articles/${slug}/comments/${page}/`);
