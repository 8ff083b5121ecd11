export {
  buildThread,
  CommentThreadError,
  formatThreadProblem,
  type Thread,
  type ThreadNode,
  type ThreadProblem,
  type ThreadableComment,
} from './thread';
export { toDisplayThread, commentAnchor, type DisplayComment, type DisplayableComment } from './display';
export { renderCommentBody, commentSanitizeSchema, COMMENT_LINK_REL } from './render-body';
export { commentCountHeading, authorName, foldLabel, ANONYMOUS } from './labels';
export { paginateThreads, type CommentPage } from './pages';
