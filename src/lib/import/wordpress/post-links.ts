/**
 * Links between the blog's own posts, which would lead back to the old site once imported: the import's
 * first pass records where each post it will write is going (its slug, made unique in export order as the
 * second pass makes it), so the second pass can point each such link at the post's new page.
 */
import { articleSlug } from '@/lib/import/wordpress/articles';
import { itemOldAddresses } from '@/lib/import/wordpress/old-addresses';
import type { WxrItem } from '@/lib/import/wordpress/wxr';
import { addressKey } from '@/lib/redirects/redirect-rules';

/** A host name without a leading `www.`: a blog answers on both. */
const bareHost = (host: string) => host.toLowerCase().replace(/^www\./, '');

export class PostLinks {
  private readonly slugByAddress = new Map<string, string>();
  private readonly slugById = new Map<string, string>();
  private readonly taken = new Set<string>();
  private readonly siteHost: string | undefined;

  constructor(private readonly siteLink: string) {
    this.siteHost = URL.canParse(siteLink) ? bareHost(new URL(siteLink).hostname) : undefined;
  }

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
    if (!this.siteHost || !URL.canParse(href)) return undefined;
    const url = new URL(href);
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || bareHost(url.hostname) !== this.siteHost) {
      return undefined;
    }
    const slug = this.slugByAddress.get(addressKey(`${url.pathname.replace(/\/{2,}/g, '/')}${url.search}`));
    return slug === undefined ? undefined : `../${slug}/${url.hash}`;
  };
}
