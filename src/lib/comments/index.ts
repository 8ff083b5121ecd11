/**
 * The comment core, free of Astro. Where each step of a comment's way to the page lives:
 * - validated: `src/schemas/comments.ts` (one schema, `COMMENT_LIMITS`), read by `lib/content.ts`;
 * - threaded: `thread.ts` (flat list → ordered tree, with errors naming file and comment);
 * - rendered: `render-body.ts` (Markdown → sanitized HTML), when its article's pages render, from the body
 *   `file-bodies.ts` reads in the comment's file (the content store keeps the other fields);
 * - shaped for display: `display.ts` (indentation cap, headings, staff answers, Reply links);
 * - paginated: `comment-pages.ts` (whole threads per page, permalinks), over `lib/pagination.ts`;
 * - written as HTML: `thread-html.ts` (a page's threads as one string);
 * - shown: `components/comments/CommentSection.astro`, whose props `lib/routes/comment-section.ts` gives.
 */
export {
  buildThread,
  CommentThreadError,
  formatThreadProblem,
  type Thread,
  type ThreadNode,
  type ThreadProblem,
  type ThreadableComment,
} from '@/lib/comments/thread';
export {
  toDisplayThread,
  commentAnchor,
  conversationAnchor,
  hasStaffAnswer,
  type DisplayComment,
  type DisplayableComment,
  type StaffMember,
} from '@/lib/comments/display';
export { renderCommentBody, commentSanitizeSchema, COMMENT_LINK_REL } from '@/lib/comments/render-body';
export {
  commentCountHeading,
  authorName,
  foldLabel,
  isStandInHeading,
  ANONYMOUS,
  phraseText,
  shortTitle,
  uniqueCommentHeadings,
  type Phrase,
} from '@/lib/comments/labels';
export { articleQuestions, type ArticleQuestions } from '@/lib/comments/questions';
export { paginateThreads } from '@/lib/comments/comment-pages';
export { commentThreadsHtml, type ThreadHtmlOptions } from '@/lib/comments/thread-html';
