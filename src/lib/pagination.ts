/**
 * Long lists (articles, tags' articles, an article's comment threads) split into numbered pages, each
 * with its own address, and the page links a reader can follow: never all of them when there are many,
 * but always the first, the last and the pages around the current one. `components/Pagination.astro`
 * shows the links.
 */

/** One page of a long list: the one type for every paginated list on the site. */
export interface ListPage<T> {
  /** 1-based page number. */
  number: number;
  /** How many pages the list fills (at least 1, so an empty list still has a page saying so). */
  total: number;
  /** The items on this page, in list order. */
  items: T[];
  /** Address of every page, in order: `hrefs[n - 1]` is page n. */
  hrefs: string[];
  /** 1-based position in the whole list of the page's first item (0 when the list is empty). */
  firstPosition: number;
  /** 1-based position in the whole list of the page's last item (0 when the list is empty). */
  lastPosition: number;
  /** How many items the whole list holds. */
  itemCount: number;
}

/**
 * Splits `items` into pages of `perPage`.
 * @param pageHref address of page n (page 1 is usually the list's own address)
 * @throws RangeError when `perPage` is not a whole number of at least 1
 */
export function paginate<T>(items: readonly T[], perPage: number, pageHref: (page: number) => string): ListPage<T>[] {
  if (!Number.isInteger(perPage) || perPage < 1) throw new RangeError('perPage must be a whole number ≥ 1');
  const total = Math.max(1, Math.ceil(items.length / perPage));
  const hrefs = Array.from({ length: total }, (_, index) => pageHref(index + 1));
  return hrefs.map((_, index) => {
    const start = index * perPage;
    const pageItems = items.slice(start, start + perPage);
    return {
      number: index + 1,
      total,
      items: pageItems,
      hrefs,
      firstPosition: pageItems.length > 0 ? start + 1 : 0,
      lastPosition: start + pageItems.length,
      itemCount: items.length,
    };
  });
}

/**
 * Page numbers to link from page `current`: the first and last pages, and `around` pages either side
 * of the current one; `null` stands for a run of pages left out. A gap of a single page is shown as
 * that page, since an ellipsis would be no shorter.
 * @example pageLinks(6, 10) // [1, null, 5, 6, 7, null, 10]
 */
export function pageLinks(current: number, total: number, around = 1): (number | null)[] {
  const shown = new Set([1, total]);
  for (let page = current - around; page <= current + around; page++) if (page >= 1 && page <= total) shown.add(page);
  const pages = [...shown].sort((a, b) => a - b);
  const links: (number | null)[] = [];
  for (const page of pages) {
    const previous = links.at(-1);
    if (typeof previous === 'number' && page - previous === 2) links.push(page - 1);
    else if (typeof previous === 'number' && page - previous > 2) links.push(null);
    links.push(page);
  }
  return links;
}
