/**
 * Splits a long comment section into pages of whole threads, as WordPress does: a question always
 * stays on one page with all its answers, so every permalink points at exactly one page.
 */
import { paginate, type ListPage } from '@/lib/pagination';

import type { DisplayComment } from '@/lib/comments/display';

/**
 * The article's top-level threads split into pages (`ListPage`: page 1 is shown under the article),
 * each comment given the permalink of the page that holds it. The threads given are left as they are:
 * the pages hold copies.
 * @param threadsPerPage top-level threads per page (WordPress's default is 50)
 * @param pageHref address of page n, used to give each comment its permalink
 * @throws RangeError when `threadsPerPage` is not a whole number of at least 1
 */
export function paginateThreads(
  threads: readonly DisplayComment[],
  threadsPerPage: number,
  pageHref: (page: number) => string,
): ListPage<DisplayComment>[] {
  return paginate(threads, threadsPerPage, pageHref).map((page) => {
    const href = page.hrefs[page.number - 1]!;
    return { ...page, items: page.items.map((thread) => withPermalink(thread, href)) };
  });
}

/**
 * A copy of the comment and its replies with permalinks on the page at `href`. Display trees are at most
 * `maxIndent` levels deep (`toDisplayThread`), however long a reply chain is, so recursion stays shallow.
 */
function withPermalink(comment: DisplayComment, href: string): DisplayComment {
  return {
    ...comment,
    permalink: `${href}#${comment.anchor}`,
    replies: comment.replies.map((reply) => withPermalink(reply, href)),
  };
}
