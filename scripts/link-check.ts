/**
 * Checks every link in a built site without a server: each internal `href`/`src` must name a file in
 * the build (directory URLs end in a slash and hold an index.html), each `#fragment` must be an id on
 * its target page, and nothing internal may point outside the base path. External links are listed,
 * never fetched. Addresses answered by code rather than by a file (`HANDLER_PATHS`) are taken as found.
 */
import { existsSync, globSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

import * as cheerio from 'cheerio';

export interface LinkCheckOptions {
  /** The built site, such as `dist`. */
  dist: string;
  /** Path the site is served under, with leading and trailing slash. Defaults to `/`. */
  base?: string;
  /** The site's own origin: absolute links to it (canonical URLs) are checked as internal. */
  siteOrigin?: string;
}

export interface LinkCheckReport {
  /** Pages checked, as paths below the base. */
  pages: string[];
  /** "page → link: what is wrong" lines. */
  broken: string[];
  /** External addresses, each once, sorted. */
  external: string[];
}

/**
 * Paths below the base that a function answers on every host, `npm run preview` and `npm run dev`, not
 * a file in the build: the question handler (`questionsEndpointPath()` in `src/lib/urls.ts`).
 */
export const HANDLER_PATHS: readonly string[] = ['api/questions'];

const LINK_ATTRIBUTES = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['img[src]', 'src'],
  ['script[src]', 'src'],
  ['source[src]', 'src'],
  ['iframe[src]', 'src'],
  ['form[action]', 'action'],
] as const;

export function checkLinks({ dist, base = '/', siteOrigin }: LinkCheckOptions): LinkCheckReport {
  const pages = globSync('**/*.html', { cwd: dist }).sort();
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let found = ids.get(file);
    if (!found) {
      const $ = cheerio.load(readFileSync(join(dist, file), 'utf8'));
      found = new Set([
        ...$('[id]').map((_, element) => $(element).attr('id')!),
        ...$('a[name]').map((_, element) => $(element).attr('name')!),
      ]);
      ids.set(file, found);
    }
    return found;
  };

  const broken: string[] = [];
  const external = new Set<string>();
  const origin = 'http://site.invalid';

  for (const page of pages) {
    const pagePath = `${base}${page.replace(/(^|\/)index\.html$/, '$1')}`;
    const pageUrl = new URL(pagePath, origin);
    const $ = cheerio.load(readFileSync(join(dist, page), 'utf8'));
    for (const [selector, attribute] of LINK_ATTRIBUTES) {
      $(selector).each((_, element) => {
        const raw = $(element).attr(attribute)!;
        const problem = (what: string): void => {
          broken.push(`${page} → ${raw}: ${what}`);
        };
        let url: URL;
        try {
          url = new URL(raw, pageUrl);
        } catch {
          return problem('not a valid address');
        }
        if (siteOrigin && url.origin === new URL(siteOrigin).origin)
          url = new URL(url.pathname + url.search + url.hash, origin);
        if (url.origin !== origin) {
          if (url.protocol === 'http:' || url.protocol === 'https:') external.add(url.href);
          else if (!['mailto:', 'tel:'].includes(url.protocol)) problem(`unexpected ${url.protocol} address`);
          return;
        }
        const path = decodeURIComponent(url.pathname);
        if (!path.startsWith(base)) return problem(`points outside the base path ${base}`);
        const inside = path.slice(base.length);
        if (HANDLER_PATHS.includes(inside)) return;
        let file = inside === '' || inside.endsWith('/') ? `${inside}index.html` : inside;
        const full = join(dist, file);
        if (!existsSync(full)) return problem('no such file in the build');
        if (statSync(full).isDirectory()) {
          if (!existsSync(join(full, 'index.html'))) return problem('no such page in the build');
          return problem('a directory without its trailing slash');
        }
        if (url.hash.length > 1) {
          if (!file.endsWith('.html')) return;
          file = file.replace(/^\//, '');
          const fragment = decodeURIComponent(url.hash.slice(1));
          if (!idsOf(file).has(fragment)) problem(`no element with id "${fragment}" on ${file}`);
        }
      });
    }
  }
  return { pages, broken, external: [...external].sort() };
}
