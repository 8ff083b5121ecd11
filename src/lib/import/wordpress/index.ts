/**
 * WordPress importer: WXR export → `content/articles/*.mdx`, `content/comments/*.json` and
 * `content/people/*.yaml`.
 * Pure TypeScript without Astro, driven by `scripts/import-wordpress.ts`.
 */
export { decideItem, type ArticleFrontmatter, type DraftReason } from './articles';
export { checkedArticle, checkedComments, REFUSED_COMMENT } from './content-rules';
export { readExportDate } from './dates';
export { commentBody, importComments, sanitizeCommentHtml, type ImportedComment } from './comments';
export { convertPostBody } from './html-to-mdx';
export { escapeMdxText } from './html-to-mdx-rules';
export { importWordPress, type ImportedFile, type ImportPass, type WordPressImportOptions } from './import';
export { CommitError, ExistingFilesError, OutputFolderError, StagedOutput, type OutputPlan } from './output';
export { peopleOfExport, serializePerson, type ImportedPerson } from './people';
export { formatReport, type ImportReport } from './report';
export { readWxr, WxrError, type ExportChunks, type WxrComment, type WxrItem } from './wxr';
