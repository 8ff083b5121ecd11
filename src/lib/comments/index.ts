export {
  buildThread,
  CommentThreadError,
  formatThreadProblem,
  type Thread,
  type ThreadNode,
  type ThreadProblem,
  type ThreadableComment,
} from './thread';
export {
  toDisplayThread,
  commentAnchor,
  conversationAnchor,
  hasStaffAnswer,
  type DisplayComment,
  type DisplayableComment,
  type StaffMember,
} from './display';
export { renderCommentBody, commentSanitizeSchema, COMMENT_LINK_REL } from './render-body';
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
} from './labels';
export { articleQuestions, type ArticleQuestions } from './questions';
export { paginateThreads, type CommentPage } from './pages';
