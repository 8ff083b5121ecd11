/** What an article's comment section shows, on the article page and on its later comment pages. */
import type { ArticleQuestions, DisplayComment } from '@/lib/comments';
import type { CommentElsewhere } from '@/lib/comments/comment-pages';
import type { ArticleComments } from '@/lib/content';
import type { ListPage } from '@/lib/pagination';

/** Props of `CommentSection`. */
export type CommentSectionData = {
  articleTitle: string;
  /** Every published comment on the article, on all pages. */
  count: number;
  /** The page of threads to show, with the address of every page. */
  page: ListPage<DisplayComment>;
  questions: ArticleQuestions;
  /** Where "Ask a question" leads, when questions are open. */
  askHref: string | undefined;
  /**
   * Comments on the article's other comment pages, for old `#comment-123` links that land on this page
   * (`commentsOnOtherPages`); empty unless the article has old addresses (`redirectFrom`).
   */
  elsewhere: CommentElsewhere[];
};

export function commentSectionData(
  articleTitle: string,
  { count, questions, askHref }: ArticleComments,
  page: ListPage<DisplayComment>,
  elsewhere: CommentElsewhere[] = [],
): CommentSectionData {
  return { articleTitle, count, page, questions, askHref, elsewhere };
}
