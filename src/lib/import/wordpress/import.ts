/**
 * The WordPress import: a WXR export in, article, comment and people files out, and a report.
 *
 * The export is read twice, streaming both times. The first pass checks that the whole file is a
 * well-formed WordPress export before anything is made, and collects what posts refer to: authors,
 * the media library, reusable blocks. The second pass converts one item at a time and hands each
 * file on as soon as it is made, so memory use does not grow with the size of the export.
 */
import { buildArticle, decideItem, serializeArticle } from './articles';
import { importComments } from './comments';
import { peopleOfExport, serializePerson, type ImportedPerson } from './people';
import { ReportBuilder, type ImportReport } from './report';
import type { MediaFile } from './shortcodes';
import { htmlToText } from './text';
import { readWxr, type ExportChunks, type WxrItem, type WxrSite } from './wxr';

/** `scan` checks the file and collects references; `convert` makes the files. */
export type ImportPass = 'scan' | 'convert';

/** A file for the content folder. */
export interface ImportedFile {
  /** Relative to the content folder: `articles/<slug>.mdx`, `comments/<slug>.json` or `people/<id>.yaml`. */
  path: string;
  contents: string;
  /**
   * True for a file the owner is meant to complete by hand (a person's credentials and bio): if it
   * already exists, it is kept as it is, even with `force`.
   */
  keepExisting?: boolean;
}

export interface WordPressImportOptions {
  /** Opens the export for reading from its start; called once for each pass. */
  openExport: (pass: ImportPass) => ExportChunks;
  /** Receives each file as soon as it is made. */
  onFile: (file: ImportedFile) => void | Promise<void>;
  /** Import published pages as articles too. Default false. */
  includePages?: boolean;
  /** Keep pingbacks and trackbacks as comments. Default false. */
  includePingbacks?: boolean;
}

interface ExportReferences {
  site: WxrSite;
  /** Writers by login. */
  authors: Map<string, ImportedPerson>;
  media: { byId: Map<string, MediaFile>; byParent: Map<string, MediaFile[]> };
  reusableBlocks: Map<string, string>;
}

async function scanExport(chunks: ExportChunks): Promise<ExportReferences> {
  let site: WxrSite | undefined;
  const authors = new Map<string, string>();
  const byId = new Map<string, MediaFile>();
  const byParent = new Map<string, MediaFile[]>();
  const reusableBlocks = new Map<string, string>();
  for await (const record of readWxr(chunks)) {
    if (record.kind === 'site') site = record.site;
    else if (record.kind === 'author') authors.set(record.author.login, htmlToText(record.author.displayName));
    else if (record.item.type === 'attachment') addMedia(record.item, byId, byParent);
    else if (record.item.type === 'wp_block') reusableBlocks.set(record.item.id, record.item.content);
  }
  // readWxr fails on an export without a site header, so it is always set here.
  return { site: site!, authors: peopleOfExport(authors), media: { byId, byParent }, reusableBlocks };
}

function addMedia(item: WxrItem, byId: Map<string, MediaFile>, byParent: Map<string, MediaFile[]>) {
  const file: MediaFile = {
    id: item.id,
    url: item.attachmentUrl,
    alt: htmlToText(item.imageAlt),
    parentId: item.parentId,
    menuOrder: item.menuOrder,
  };
  if (!file.url) return;
  byId.set(file.id, file);
  const siblings = byParent.get(file.parentId) ?? [];
  siblings.push(file);
  byParent.set(file.parentId, siblings);
}

/**
 * Imports a WordPress export.
 * @returns the report; every file has been handed to `onFile` by the time it resolves
 * @throws WxrError when the export is malformed or not a WordPress export, before any file is made
 */
export async function importWordPress(options: WordPressImportOptions): Promise<ImportReport> {
  const references = await scanExport(options.openExport('scan'));
  const builder = new ReportBuilder(references.site);
  const { report } = builder;
  /** Who took each slug, for collision messages. */
  const slugOwners = new Map<string, string>();
  /** People whose file has been written: only writers of imported articles get one. */
  const credited = new Set<string>();

  for await (const record of readWxr(options.openExport('convert'))) {
    if (record.kind !== 'item') continue;
    const { item } = record;
    const decision = decideItem(item, options);
    if (decision.action === 'skip') {
      builder.skipItem(decision.reason, item.comments.length);
      continue;
    }
    const article = buildArticle(item, decision, {
      authors: references.authors,
      body: { siteUrl: references.site.link, media: references.media, reusableBlocks: references.reusableBlocks },
    });
    if ('skip' in article) {
      builder.skipItem(article.skip, item.comments.length);
      continue;
    }

    const owner = `${decision.kind} ${item.id} "${article.frontmatter.title}"`;
    let slug = article.slug;
    for (let suffix = 2; slugOwners.has(slug); suffix++) slug = `${article.slug}-${suffix}`;
    if (slug !== article.slug) {
      report.warnings.push({
        kind: 'slug',
        article: slug,
        message: `${owner} wanted the slug "${article.slug}", taken by ${slugOwners.get(article.slug)}; written as "${slug}"`,
      });
    }
    slugOwners.set(slug, owner);

    if (decision.draft) report.drafts[decision.draft] = (report.drafts[decision.draft] ?? 0) + 1;
    else if (decision.kind === 'page') report.pages++;
    else report.posts++;
    report.warnings.push(...article.warnings.map((warning) => ({ ...warning, article: slug })));

    if (article.author && !credited.has(article.author.id)) {
      credited.add(article.author.id);
      await options.onFile({
        path: `people/${article.author.id}.yaml`,
        contents: serializePerson(article.author),
        keepExisting: true,
      });
    }
    await options.onFile({
      path: `articles/${slug}.mdx`,
      contents: serializeArticle(article.frontmatter, article.markdown, item.link),
    });

    const comments = importComments(item.comments, options);
    builder.skipComments(comments.skipped);
    report.reattached.push(...comments.reattached.map((reply) => ({ ...reply, article: slug })));
    if (comments.comments.length > 0) {
      report.comments += comments.comments.length;
      report.articlesWithComments++;
      await options.onFile({
        path: `comments/${slug}.json`,
        contents: `${JSON.stringify({ comments: comments.comments }, null, 2)}\n`,
      });
    }
  }
  return report;
}
