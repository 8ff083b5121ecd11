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

/** Page `page` of the list of all articles: page 1 is the home page. */
export const articleListPath = (page: number) => (page === 1 ? homePath() : sitePath(`page/${page}/`));

/** The list of every tag. */
export const tagsPath = () => sitePath('tags/');

/** Page `page` of the articles carrying a tag, by the tag's slug (`slugifyTag`). */
export const tagPath = (slug: string, page = 1) =>
  page === 1 ? sitePath(`tags/${slug}/`) : sitePath(`tags/${slug}/page/${page}/`);

/** The list of writers and medical reviewers. */
export const peoplePath = () => sitePath('people/');

/** A writer's or medical reviewer's page: `/people/<id>/`, the id being their file name in `content/people/`. */
export const personPath = (id: string) => sitePath(`people/${id}/`);

/** A site page such as the editorial policy: `content/pages/<slug>.mdx` is served at `/<slug>/`. */
export const sitePagePath = (slug: string) => sitePath(`${slug}/`);

/** The generated Open Graph image of an article (1200 × 630 PNG). */
export const articleImagePath = (slug: string) => sitePath(`og/articles/${slug}.png`);

/** The Open Graph image of pages that are not articles: the site's name on its own. */
export const siteImagePath = () => sitePath('og/site.png');

/** The RSS feed: the newest published articles, in full. */
export const feedPath = () => sitePath('rss.xml');

/** The sitemap index written by `@astrojs/sitemap`, which names the sitemap files themselves. */
export const sitemapPath = () => sitePath('sitemap-index.xml');

/** The web app manifest (name, icons, colours) for "Add to home screen". */
export const manifestPath = () => sitePath('manifest.webmanifest');

/** Home-screen icons as PNG, drawn from `public/favicon.svg` at build time. */
export const iconPath = (name: 'apple-touch-icon' | 'icon-192' | 'icon-512') => sitePath(`${name}.png`);

/**
 * An internal path as a full address on the public origin (`SITE_URL`), for canonical links, structured
 * data, feeds, the sitemap and social cards, which are read away from the site and need the origin.
 */
export const absoluteUrl = (path: string) => new URL(path, site.url).href;

/**
 * The question handler (`src/lib/questions/handler.ts`), mounted by every host adapter, `npm run preview`
 * and `npm run dev` at this address. An endpoint, not a page: no trailing slash.
 */
export const questionsEndpointPath = () => sitePath('api/questions');

/**
 * Where "Ask a question" and "Reply" lead: the handler serves the article's question form, with the
 * comment being answered chosen already (as WordPress's `?replytocom=` does, without JavaScript).
 */
export const questionFormPath = (slug: string, replyTo?: string) => {
  const query = new URLSearchParams({ article: slug });
  if (replyTo !== undefined) query.set('reply', replyTo);
  return `${questionsEndpointPath()}?${query.toString()}`;
};

/** The article's static question page, which the handler fills in (`/articles/<slug>/ask/`). */
export const askPagePath = (slug: string) => sitePath(`articles/${slug}/ask/`);
