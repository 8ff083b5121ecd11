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

/** A comment shown on another comment page than the one being shown, and where it is. */
export interface CommentElsewhere {
  /** Its element id on its own page: `comment-123`. */
  anchor: string;
  /** Its permalink, on the page that holds it. */
  permalink: string;
  /** The number of that page. */
  page: number;
}

/**
 * Every comment on the pages other than page `current`, in page order: an old link such as
 * `/2019/05/leg-cramps/#comment-123` is redirected to the article, and the browser keeps the fragment,
 * so the article page can only send it on to the comment's own page with an element of that id.
 */
export function commentsOnOtherPages(pages: readonly ListPage<DisplayComment>[], current: number): CommentElsewhere[] {
  const found: CommentElsewhere[] = [];
  const visit = (comment: DisplayComment, page: number) => {
    found.push({ anchor: comment.anchor, permalink: comment.permalink, page });
    for (const reply of comment.replies) visit(reply, page);
  };
  for (const page of pages) {
    if (page.number === current) continue;
    for (const thread of page.items) visit(thread, page.number);
  }
  return found;
}
