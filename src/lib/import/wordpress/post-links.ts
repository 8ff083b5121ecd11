/**
 * Links between the blog's own posts, which would lead back to the old site once imported: the import's
 * first pass records where each post it will write is going (its slug, made unique in export order as the
 * second pass makes it), so the second pass can point each such link at the post's new page.
 */
import { articleSlug } from '@/lib/import/wordpress/articles';
import { isOnOldSite, itemOldAddresses } from '@/lib/import/wordpress/old-addresses';
import type { WxrItem } from '@/lib/import/wordpress/wxr';
import { addressKey } from '@/lib/redirects/redirect-rules';

export class PostLinks {
  private readonly slugByAddress = new Map<string, string>();
  private readonly slugById = new Map<string, string>();
  /** Slugs by WordPress's own slug (`post_name`), or undefined when two posts share one. */
  private readonly slugByName = new Map<string, string | undefined>();
  private readonly taken = new Set<string>();

  constructor(private readonly siteLink: string) {}

  /**
   * Records an item the import will write, in export order.
   * @param linked whether links to it may lead to its page: not for a draft, which the site never shows
   */
  add(item: Pick<WxrItem, 'id' | 'slug' | 'title' | 'link'>, kind: 'post' | 'page', linked: boolean): void {
    const wanted = articleSlug(item, kind);
    let slug = wanted;
    for (let suffix = 2; this.taken.has(slug); suffix++) slug = `${wanted}-${suffix}`;
    this.taken.add(slug);
    this.slugById.set(`${kind} ${item.id}`, slug);
    if (!linked) return;
    const name = item.slug.toLowerCase();
    if (name !== '') this.slugByName.set(name, this.slugByName.has(name) ? undefined : slug);
    for (const address of itemOldAddresses(item, kind, this.siteLink).addresses) {
      this.slugByAddress.set(addressKey(address), slug);
    }
  }

  /** The slug the first pass expects an item to get, to check the second pass gave it that one. */
  expectedSlug(item: Pick<WxrItem, 'id'>, kind: 'post' | 'page'): string | undefined {
    return this.slugById.get(`${kind} ${item.id}`);
  }

  /**
   * Where a link now leads when it is to one of the blog's posts (its permalink or `?p=<id>`, on the
   * blog's host with or without `www.`): the post's article page, relative to an article page, with the
   * link's fragment (`../leg-cramps/#comment-3`). Undefined for any other address.
   */
  newAddressOf = (href: string): string | undefined => {
    if (!isOnOldSite(href, this.siteLink)) return undefined;
    const url = new URL(href);
    const slug =
      this.slugByAddress.get(addressKey(`${url.pathname.replace(/\/{2,}/g, '/')}${url.search}`)) ??
      this.slugByDatedPath(url.pathname);
    return slug === undefined ? undefined : `../${slug}/${url.hash}`;
  };

  /**
   * A dated permalink whose date is not the post's (`/2018/11/03/block-button/` for a post of 2 November:
   * WordPress dates links in the blog's time zone, the export in its own), found by the post's WordPress
   * slug, as WordPress itself finds it, when only one post has that slug.
   */
  private slugByDatedPath(path: string): string | undefined {
    const segments = path.split('/').filter(Boolean);
    const name = segments.pop()?.toLowerCase();
    if (name === undefined || segments.length === 0 || !segments.every((segment) => /^\d+$/.test(segment))) {
      return undefined;
    }
    return this.slugByName.get(name);
  }
}
