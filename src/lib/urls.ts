/**
 * Every internal address the site links to, built in one place so the whole site follows its base
 * path (`astro.config.ts` `base`) and its trailing-slash policy: directory URLs end in "/".
 */

/** The base path, always with a leading and a trailing slash. */
export const basePath = `/${import.meta.env.BASE_URL.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

/** A path inside the site: `sitePath('articles/x/')` → `/articles/x/` (or `/base/articles/x/`). */
export const sitePath = (path = '') => `${basePath}${path.replace(/^\/+/, '')}`;

export const homePath = () => sitePath();

export const articlePath = (slug: string) => sitePath(`articles/${slug}/`);

/** Page `page` of an article's comments: page 1 is the article itself. */
export const commentPagePath = (slug: string, page: number) =>
  page === 1 ? articlePath(slug) : sitePath(`articles/${slug}/comments/${page}/`);
