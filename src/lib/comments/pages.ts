/**
 * Splits a long comment section into pages of whole threads, as WordPress does: a question always
 * stays on one page with all its answers, so every permalink points at exactly one page.
 */
import type { DisplayComment } from './display';

export interface CommentPage {
  /** 1-based page number; page 1 is shown under the article. */
  number: number;
  /** How many pages the article's comments fill (at least 1). */
  total: number;
  /** Top-level threads on this page, in reading order. */
  threads: DisplayComment[];
  /** 1-based position of the page's first and last thread among all threads (0 when there are none). */
  firstThread: number;
  lastThread: number;
  /** Every top-level thread on the article. */
  threadCount: number;
}

/**
 * @param threadsPerPage top-level threads per page (WordPress's default is 50)
 * @param pageHref address of page n, used to give each comment its permalink
 */
export function paginateThreads(
  threads: DisplayComment[],
  threadsPerPage: number,
  pageHref: (page: number) => string,
): CommentPage[] {
  if (!Number.isInteger(threadsPerPage) || threadsPerPage < 1)
    throw new RangeError('threadsPerPage must be a whole number ≥ 1');
  const total = Math.max(1, Math.ceil(threads.length / threadsPerPage));
  const pages: CommentPage[] = [];
  for (let number = 1; number <= total; number++) {
    const start = (number - 1) * threadsPerPage;
    const pageThreads = threads.slice(start, start + threadsPerPage);
    const href = pageHref(number);
    // Display trees are at most a few levels deep but may be very wide: walk them with a stack.
    const stack = [...pageThreads];
    while (stack.length > 0) {
      const comment = stack.pop()!;
      comment.permalink = `${href}#${comment.anchor}`;
      stack.push(...comment.replies);
    }
    pages.push({
      number,
      total,
      threads: pageThreads,
      firstThread: pageThreads.length > 0 ? start + 1 : 0,
      lastThread: start + pageThreads.length,
      threadCount: threads.length,
    });
  }
  return pages;
}
