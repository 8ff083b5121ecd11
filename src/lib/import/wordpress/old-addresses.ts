/**
 * The addresses a WordPress site gave what the import brings over, so the built site can redirect every
 * one of them (`redirectFrom` on articles, `content/redirects.yaml` for the rest, see src/schemas/redirects.ts).
 *
 * The export holds each post's permalink (`<link>`) and id, the blog's home address and each post's
 * categories and tags, but not the permalink settings themselves: they are read from the links. A blog
 * whose posts are at `/?p=123` uses plain links everywhere (`/?tag=x`, `/?feed=rss2`, `/?paged=2`); any
 * other uses WordPress's default bases (`/category/x/`, `/tag/x/`, `/feed/`, `…/page/2/`).
 */
import { slugifyTag } from '@/lib/discovery/tags';
import { htmlToText } from '@/lib/import/wordpress/text';
import type { ConversionWarning } from '@/lib/import/wordpress/warnings';
import type { WxrItem, WxrTerm } from '@/lib/import/wordpress/wxr';
import { addressKey } from '@/lib/redirects/redirect-rules';
import { oldAddressProblem } from '@/schemas/redirects';

/** A host name without a leading `www.`: a blog answers on both. */
const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

/** Whether `address` is on the blog's own host (with or without `www.`), which goes when the blog does. */
export function isOnOldSite(address: string, siteLink: string): boolean {
  if (!URL.canParse(address) || !URL.canParse(siteLink)) return false;
  const url = new URL(address);
  return (
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    bareHost(url.hostname) === bareHost(new URL(siteLink).hostname)
  );
}

/** The path of the blog's home page on its host, with a trailing slash: `/` or `/blog/`. */
export function homePathOf(siteLink: string): string {
  try {
    const path = new URL(siteLink).pathname;
    return path.endsWith('/') ? path : `${path}/`;
  } catch {
    return '/';
  }
}

/**
 * An address as a path and query on its host (the host is the old site's, whatever it was called). Runs
 * of slashes are one, as the hosts match them: a path starting `//` would read as another host.
 */
function pathAndQuery(link: string): string | undefined {
  try {
    const url = new URL(link);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
    return `${url.pathname.replace(/\/{2,}/g, '/')}${url.search}`;
  } catch {
    return undefined;
  }
}

/** Whether the blog linked its posts as `/?p=123` (plain permalinks) rather than by a path. */
const isPlainLink = (path: string) => /\?(?:.*&)?(?:p|page_id)=\d+(?:&|$)/.test(path);

/**
 * An imported post's old addresses: its permalink and the `?p=<id>` (a page's `?page_id=<id>`) that
 * WordPress answers for every post whatever its permalinks, each once.
 */
export function itemOldAddresses(
  item: Pick<WxrItem, 'id' | 'link'>,
  kind: 'post' | 'page',
  siteLink: string,
): { addresses: string[]; warnings: ConversionWarning[] } {
  const warnings: ConversionWarning[] = [];
  const home = homePathOf(siteLink);
  const candidates = [pathAndQuery(item.link), `${home}?${kind === 'page' ? 'page_id' : 'p'}=${item.id}`];
  if (candidates[0] === undefined && item.link.trim() !== '') {
    warnings.push({
      kind: 'address',
      message: `${kind} ${item.id}'s link "${item.link}" is not a web address; not redirected`,
    });
  }
  const addresses: string[] = [];
  const keys = new Set<string>();
  for (const address of candidates) {
    if (address === undefined) continue;
    const problem = oldAddressProblem(address);
    if (problem) {
      warnings.push({
        kind: 'address',
        message: `${kind} ${item.id}'s old address "${address}" ${problem.message}; not redirected`,
      });
      continue;
    }
    // The home page is this site's own address: a post whose link is the blog's home is not redirected.
    if (address === home) continue;
    const key = addressKey(address);
    if (keys.has(key)) continue;
    keys.add(key);
    addresses.push(address);
  }
  return { addresses, warnings };
}

/** A redirect of `redirects.yaml`: an old address and a path below the new site's base. */
export interface ArchiveRedirect {
  from: string;
  to: string;
}

/** The terms shown as tags (as `articles.ts` makes them): categories and tags, not "Uncategorized". */
const isTagTerm = (term: WxrTerm) =>
  (term.domain === 'category' && term.slug !== 'uncategorized') || term.domain === 'post_tag';

/**
 * Collects the archives of the published imported posts (a category or tag archive becomes the tag's
 * page, each of its later pages the tag's page of that number) and makes `redirects.yaml`.
 */
export class ArchiveAddresses {
  /** Articles per tag slug, to know how many pages each tag has. */
  private readonly articlesPerTag = new Map<string, number>();
  /** Archives by old address: the tag slug it shows. */
  private readonly archives = new Map<string, { base: 'category' | 'tag'; nicename: string; tag: string }>();
  private plainLinks = false;

  constructor(
    private readonly siteLink: string,
    private readonly articlesPerPage: number,
  ) {}

  /** Adds a published imported post: its link says which kind of permalinks the blog used. */
  addPost(item: Pick<WxrItem, 'link' | 'terms'>): void {
    const path = pathAndQuery(item.link);
    if (path && isPlainLink(path)) this.plainLinks = true;
    const slugs = new Set<string>();
    for (const term of item.terms) {
      if (!isTagTerm(term)) continue;
      const tag = slugifyTag(htmlToText(term.name));
      if (!tag || !term.slug) continue;
      slugs.add(tag);
      const base = term.domain === 'category' ? 'category' : 'tag';
      // WordPress percent-encodes a slug in another script; an export written by hand may not have.
      const nicename = term.slug.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@%]/gu, encodeURIComponent);
      this.archives.set(`${base} ${nicename}`, { base, nicename, tag });
    }
    for (const tag of slugs) this.articlesPerTag.set(tag, (this.articlesPerTag.get(tag) ?? 0) + 1);
  }

  /** The redirects, in a stable order, each old address once and each one the schema accepts. */
  redirects(): ArchiveRedirect[] {
    const home = homePathOf(this.siteLink);
    const found: ArchiveRedirect[] = [];
    const tagPage = (tag: string, page: number) =>
      page === 1 ? `/tags/${encodeURIComponent(tag)}/` : `/tags/${encodeURIComponent(tag)}/page/${page}/`;
    const archives = [...this.archives.values()].sort((a, b) =>
      `${a.base} ${a.nicename}` < `${b.base} ${b.nicename}` ? -1 : 1,
    );
    for (const { base, nicename, tag } of archives) {
      const pages = Math.ceil((this.articlesPerTag.get(tag) ?? 0) / this.articlesPerPage);
      if (this.plainLinks) {
        // Categories are `?cat=<term id>`, which the export's items do not carry; tags are `?tag=<slug>`.
        if (base === 'tag') found.push({ from: `${home}?tag=${nicename}`, to: tagPage(tag, 1) });
        continue;
      }
      const archive = `${home}${base}/${nicename}/`;
      found.push({ from: archive, to: tagPage(tag, 1) });
      for (let page = 2; page <= pages; page++) found.push({ from: `${archive}page/${page}/`, to: tagPage(tag, page) });
      found.push({ from: `${archive}feed/`, to: '/rss.xml' });
    }
    if (this.plainLinks) found.push({ from: `${home}?feed=rss2`, to: '/rss.xml' });
    else found.push({ from: `${home}feed/`, to: '/rss.xml' }, { from: `${home}comments/feed/`, to: '/rss.xml' });
    const keys = new Set<string>();
    return found.filter(({ from }) => {
      const key = addressKey(from);
      if (keys.has(key) || oldAddressProblem(from)) return false;
      keys.add(key);
      return true;
    });
  }

  /** `redirects.yaml`, or undefined when there is nothing to redirect. */
  file(): string | undefined {
    const redirects = this.redirects();
    if (redirects.length === 0) return undefined;
    const yaml = (text: string) => JSON.stringify(text);
    return [
      '# Old addresses of the WordPress blog (archives and feeds) and the page of this site for each.',
      '# Written by npm run import:wordpress; each article lists its own old addresses in redirectFrom.',
      'redirects:',
      ...redirects.flatMap(({ from, to }) => [`  - from: ${yaml(from)}`, `    to: ${yaml(to)}`]),
      '',
    ].join('\n');
  }
}
