/**
 * WordPress importer: WXR export → `content/articles/*.mdx`, `content/comments/*.json` and
 * `content/people/*.yaml`.
 * Pure TypeScript without Astro, driven by `scripts/import-wordpress.ts`.
 */
export { decideItem, type ArticleFrontmatter, type DraftReason } from '@/lib/import/wordpress/articles';
export { checkedArticle, checkedComments, REFUSED_COMMENT } from '@/lib/import/wordpress/content-rules';
export { readExportDate } from '@/lib/import/wordpress/dates';
export {
  commentBody,
  importComments,
  sanitizeCommentHtml,
  type ImportedComment,
} from '@/lib/import/wordpress/comments';
export { convertPostBody } from '@/lib/import/wordpress/html-to-mdx';
export { escapeMdxText } from '@/lib/import/wordpress/html-to-mdx-rules';
export {
  importWordPress,
  type ImportedFile,
  type ImportPass,
  type WordPressImportOptions,
} from '@/lib/import/wordpress/import';
export {
  CommitError,
  ExistingFilesError,
  OutputFolderError,
  StagedOutput,
  type OutputPlan,
} from '@/lib/import/wordpress/output';
export { peopleOfExport, serializePerson, type ImportedPerson } from '@/lib/import/wordpress/people';
export { formatReport, type ImportReport } from '@/lib/import/wordpress/report';
export { readWxr, WxrError, type ExportChunks, type WxrComment, type WxrItem } from '@/lib/import/wordpress/wxr';
