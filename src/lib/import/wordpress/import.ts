/**
 * The WordPress import: a WXR export in, article, comment and people files out, and a report.
 *
 * The export is read twice, streaming both times. The first pass checks that the whole file is a
 * well-formed WordPress export before anything is made, and collects what posts refer to: authors,
 * the media library, reusable blocks. The second pass converts one item at a time and hands each
 * file on as soon as it is made, so memory use does not grow with the size of the export.
 */
import { buildArticle, type BuiltArticle, decideItem, type ItemDecision } from '@/lib/import/wordpress/articles';
import { importComments, type ReattachedReply } from '@/lib/import/wordpress/comments';
import {
  checkedArticle,
  checkedComments,
  personFileProblem,
  REFUSED_COMMENT,
} from '@/lib/import/wordpress/content-rules';
import { ArchiveAddresses, itemOldAddresses } from '@/lib/import/wordpress/old-addresses';
import { PostLinks } from '@/lib/import/wordpress/post-links';
import { plainParagraphs } from '@/lib/import/wordpress/html-to-mdx-rules';
import { mdxProblems } from '@/lib/mdx/component-uses';
import type { MediaContext, MediaStep } from '@/lib/import/wordpress/media';
import { peopleOfExport, serializePerson, type ImportedPerson } from '@/lib/import/wordpress/people';
import { ReportBuilder, type ImportReport } from '@/lib/import/wordpress/report';
import type { MediaFile } from '@/lib/import/wordpress/shortcodes';
import { htmlToText, toSlug } from '@/lib/import/wordpress/text';
import type { ConversionWarning, ImportWarning } from '@/lib/import/wordpress/warnings';
import { readWxr, type ExportChunks, type WxrItem, type WxrSite } from '@/lib/import/wordpress/wxr';
import { site } from '@/config/site';
import { REDIRECTS_FILE } from '@/lib/redirects/old-addresses';

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
  /**
   * Downloads the media each article uses and points the article at the copies (`media.ts`). Without
   * it, images and files keep loading from the WordPress site.
   */
  media?: MediaStep;
}

interface ExportReferences {
  site: WxrSite;
  /** Writers by login. */
  authors: Map<string, ImportedPerson>;
  media: { byId: Map<string, MediaFile>; byParent: Map<string, MediaFile[]> };
  reusableBlocks: Map<string, string>;
  /** Where links between the blog's posts lead after the import. */
  postLinks: PostLinks;
}

async function scanExport(chunks: ExportChunks, options: WordPressImportOptions): Promise<ExportReferences> {
  let site: WxrSite | undefined;
  let postLinks: PostLinks | undefined;
  const authors = new Map<string, string>();
  const byId = new Map<string, MediaFile>();
  const byParent = new Map<string, MediaFile[]>();
  const reusableBlocks = new Map<string, string>();
  for await (const record of readWxr(chunks)) {
    if (record.kind === 'site') {
      site = record.site;
      postLinks = new PostLinks(site.link);
    } else if (record.kind === 'author') authors.set(record.author.login, htmlToText(record.author.displayName));
    else if (record.item.type === 'attachment') addMedia(record.item, byId, byParent);
    else if (record.item.type === 'wp_block') reusableBlocks.set(record.item.id, record.item.content);
    else {
      const decision = decideItem(record.item, options);
      if (decision.action === 'import') postLinks!.add(record.item, decision.kind, !decision.draft);
    }
  }
  // readWxr fails on an export without a site header (before any item), so both are set here.
  return {
    site: site!,
    authors: peopleOfExport(authors),
    media: { byId, byParent },
    reusableBlocks,
    postLinks: postLinks!,
  };
}

function addMedia(item: WxrItem, byId: Map<string, MediaFile>, byParent: Map<string, MediaFile[]>) {
  const file: MediaFile = {
    id: item.id,
    url: item.attachmentUrl,
    alt: htmlToText(item.imageAlt),
    parentId: item.parentId,
    menuOrder: item.menuOrder,
    ...(item.link ? { page: item.link } : {}),
  };
  if (!file.url) return;
  byId.set(file.id, file);
  const siblings = byParent.get(file.parentId) ?? [];
  siblings.push(file);
  byParent.set(file.parentId, siblings);
}

/** An item made into files, every one of which the content check accepts. */
interface ConvertedItem {
  slug: string;
  /** Names the item in slug collision messages. */
  owner: string;
  /** The writer's person file (if any), the article, and its comments file (if any). */
  files: ImportedFile[];
  /** How many old addresses the article's `redirectFrom` holds. */
  oldAddresses: number;
  comments: { written: number; skipped: Map<string, number>; reattached: ReattachedReply[] };
  warnings: ImportWarning[];
  blocks: BuiltArticle['blocks'];
}

/**
 * Converts one item that {@link decideItem} imports into its files, checked with the content
 * check's schemas and repaired where they refuse something.
 * @param slugOwners slugs already taken, by who took them
 */
function convertItem(
  item: WxrItem,
  decision: Extract<ItemDecision, { action: 'import' }>,
  references: ExportReferences,
  slugOwners: ReadonlyMap<string, string>,
  options: WordPressImportOptions,
): ConvertedItem | { skip: string; warnings: ImportWarning[] } {
  const describeItem = `${decision.kind} ${item.id}`;
  const built = buildArticle(item, decision, {
    authors: references.authors,
    body: {
      siteUrl: references.site.link,
      media: references.media,
      reusableBlocks: references.reusableBlocks,
      newAddressOf: references.postLinks.newAddressOf,
    },
  });
  const fallbackSlug = toSlug(item.slug) ?? `${decision.kind}-${item.id}`;
  if ('skip' in built) {
    return { skip: built.skip, warnings: built.warnings.map((warning) => ({ ...warning, article: fallbackSlug })) };
  }

  const warnings: ConversionWarning[] = [];
  const owner = `${describeItem} "${built.frontmatter.title}"`;
  let slug = built.slug;
  for (let suffix = 2; slugOwners.has(slug); suffix++) slug = `${built.slug}-${suffix}`;
  if (slug !== built.slug) {
    warnings.push({
      kind: 'slug',
      message: `${owner} wanted the slug "${built.slug}", taken by ${slugOwners.get(built.slug)}; written as "${slug}"`,
    });
  }
  // A post before it that was not imported after all (no publication date) freed a slug the first pass
  // counted as taken: links to this post from other posts lead to the other slug.
  const expected = references.postLinks.expectedSlug(item, decision.kind);
  if (expected !== undefined && expected !== slug && !decision.draft) {
    warnings.push({
      kind: 'address',
      message: `${owner} is written as "${slug}", but links to it from other posts lead to "${expected}": correct them by hand`,
    });
  }
  warnings.push(...built.warnings);

  let author = built.author;
  const personProblem = author && personFileProblem(author);
  if (author && personProblem) {
    warnings.push({
      kind: 'author',
      message: `writer "${item.creator}" cannot have a person file (${personProblem}); no byline`,
    });
    author = undefined;
  }
  const frontmatter = { ...built.frontmatter };
  if (!author) delete frontmatter.author;
  const oldAddresses = itemOldAddresses(item, decision.kind, references.site.link);
  warnings.push(...oldAddresses.warnings);
  if (oldAddresses.addresses.length > 0) frontmatter.redirectFrom = oldAddresses.addresses;
  let article = checkedArticle({ slug, frontmatter, markdown: built.markdown, source: item.link }, describeItem);
  // Markup nested in ways no converter foresaw can still give MDX the compiler refuses, which would stop
  // the build: such a body is written as its plain paragraphs instead, and said so.
  const compileProblem = 'contents' in article ? mdxProblems(article.contents, { components: [] })[0] : undefined;
  if (compileProblem) {
    warnings.push({
      kind: 'plain-text',
      message: `${owner}: ${compileProblem.problem} (line ${compileProblem.line}); written as plain paragraphs, its formatting lost`,
    });
    article = checkedArticle(
      { slug, frontmatter, markdown: plainParagraphs(built.html), source: item.link },
      describeItem,
    );
  }
  warnings.push(...article.warnings);
  const located = (list: ConversionWarning[]) => list.map((warning) => ({ ...warning, article: slug }));
  if ('refused' in article) {
    warnings.push({ kind: 'refused', message: `${owner}: ${article.refused}; not imported` });
    return { skip: REFUSED_ARTICLE, warnings: located(warnings) };
  }

  const files: ImportedFile[] = [];
  if (author && article.frontmatter.author === author.id) {
    files.push({ path: `people/${author.id}.yaml`, contents: serializePerson(author), keepExisting: true });
  }
  files.push({ path: `articles/${slug}.mdx`, contents: article.contents });

  const imported = importComments(item.comments, { ...options, siteLink: references.site.link });
  warnings.push(...imported.warnings);
  const checked = checkedComments(imported.comments, `comments/${slug}.json`);
  warnings.push(...checked.warnings);
  const skipped = new Map(imported.skipped);
  if (checked.refused > 0) skipped.set(REFUSED_COMMENT, (skipped.get(REFUSED_COMMENT) ?? 0) + checked.refused);
  if (checked.comments.length > 0) {
    files.push({
      path: `comments/${slug}.json`,
      contents: `${JSON.stringify({ comments: checked.comments }, null, 2)}\n`,
    });
  }
  return {
    slug,
    owner,
    files,
    oldAddresses: article.frontmatter.redirectFrom?.length ?? 0,
    comments: {
      written: checked.comments.length,
      skipped,
      reattached: [...imported.reattached, ...checked.reattached],
    },
    warnings: located(warnings),
    blocks: built.blocks,
  };
}

/** Why an article the content check refuses is not imported, as the report counts it. */
const REFUSED_ARTICLE = 'refused by the content check';

/**
 * Imports a WordPress export.
 * @returns the report; every file has been handed to `onFile` by the time it resolves
 * @throws WxrError when the export is malformed or not a WordPress export, before any file is made
 */
export async function importWordPress(options: WordPressImportOptions): Promise<ImportReport> {
  const references = await scanExport(options.openExport('scan'), options);
  const builder = new ReportBuilder(references.site);
  const { report } = builder;
  /** Who took each slug, for collision messages. */
  const slugOwners = new Map<string, string>();
  /** Person files handed on: only writers of imported articles get one, once. */
  const personFiles = new Set<string>();
  const archives = new ArchiveAddresses(references.site.link, site.articlesPerPage);
  /** Articles waiting for their media, handed on once it is in; several at once, so downloads overlap. */
  const waitingForMedia = new Set<Promise<void>>();
  /** The first error in handing on an article after its media (a full disk…): it stops the import. */
  let mediaFailure: { error: unknown } | undefined;

  for await (const record of readWxr(options.openExport('convert'))) {
    if (record.kind !== 'item') continue;
    const { item } = record;
    const decision = decideItem(item, options);
    if (decision.action === 'skip') {
      builder.skipItem(decision.reason, item.comments.length);
      continue;
    }
    let converted: ConvertedItem | { skip: string; warnings: ImportWarning[] };
    try {
      converted = convertItem(item, decision, references, slugOwners, options);
    } catch (error) {
      // One post that cannot be converted (a bug, or input nobody foresaw) must not stop the others.
      const overflow = error instanceof RangeError && /call stack/i.test(error.message);
      const reason = overflow ? 'too deeply nested to convert' : 'could not be converted';
      converted = {
        skip: reason,
        warnings: [
          {
            kind: 'failed',
            article: toSlug(item.slug) ?? `${decision.kind}-${item.id}`,
            message: `${decision.kind} ${item.id} "${htmlToText(item.title)}" ${reason}: ${(error as Error).message}; not imported`,
          },
        ],
      };
    }
    report.warnings.push(...converted.warnings);
    if ('skip' in converted) {
      builder.skipItem(converted.skip, item.comments.length);
      continue;
    }
    const { slug, owner, files, comments } = converted;
    slugOwners.set(slug, owner);
    report.oldAddresses.articles += converted.oldAddresses;
    if (!decision.draft) archives.addPost(item);
    if (decision.draft) report.drafts[decision.draft] = (report.drafts[decision.draft] ?? 0) + 1;
    else if (decision.scheduled) report.scheduled++;
    else if (decision.kind === 'page') report.pages++;
    else report.posts++;
    const toHandOn = files.filter((file) => {
      if (!file.keepExisting) return true;
      if (personFiles.has(file.path)) return false;
      personFiles.add(file.path);
      return true;
    });
    if (options.media) {
      const featuredImage = references.media.byId.get(item.featuredImageId);
      const context = { article: slug, site: references.site, library: references.media, featuredImage };
      const waiting = handOnWithMedia(toHandOn, context, options.media, report, options.onFile);
      waitingForMedia.add(waiting);
      waiting.then(
        () => waitingForMedia.delete(waiting),
        (error: unknown) => {
          waitingForMedia.delete(waiting);
          mediaFailure ??= { error };
        },
      );
      if (waitingForMedia.size >= MEDIA_ARTICLES_AT_ONCE) await Promise.race(waitingForMedia).catch(() => {});
      // Stops only once the other articles' downloads have settled: nothing goes on behind the error.
      if (mediaFailure) break;
    } else {
      for (const file of toHandOn) await options.onFile(file);
    }
    builder.skipComments(comments.skipped);
    builder.addBlocks(converted.blocks);
    report.reattached.push(...comments.reattached.map((reply) => ({ ...reply, article: slug })));
    if (comments.written > 0) {
      report.comments += comments.written;
      report.articlesWithComments++;
    }
  }
  await Promise.allSettled(waitingForMedia);
  if (mediaFailure) throw mediaFailure.error;
  const archiveRedirects = archives.file();
  if (archiveRedirects) {
    report.oldAddresses.archives = archives.redirects().length;
    await options.onFile({ path: REDIRECTS_FILE, contents: archiveRedirects });
  }
  return report;
}

/** Articles whose media is fetched at once: enough to keep the downloads busy, few enough to hold in memory. */
const MEDIA_ARTICLES_AT_ONCE = 16;

/** Hands on an article's files once its media is downloaded and its body points at the copies. */
async function handOnWithMedia(
  files: readonly ImportedFile[],
  context: MediaContext,
  media: MediaStep,
  report: ImportReport,
  onFile: WordPressImportOptions['onFile'],
): Promise<void> {
  for (const file of files) {
    if (file.path !== `articles/${context.article}.mdx`) {
      await onFile(file);
      continue;
    }
    const localized = await media.localize(file.contents, context);
    report.warnings.push(...localized.warnings.map((warning) => ({ ...warning, article: context.article })));
    await onFile({ ...file, contents: localized.contents });
  }
}
