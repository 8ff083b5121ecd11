/**
 * WordPress items → articles: which items become articles, and their frontmatter and body.
 */
import type { BlockOutcomes } from '@/lib/import/wordpress/blocks';
import { convertPostBody, type BodyContext } from '@/lib/import/wordpress/html-to-mdx';
import { readExportDate } from '@/lib/import/wordpress/dates';
import type { ImportedPerson } from '@/lib/import/wordpress/people';
import {
  firstSentences,
  htmlToText,
  leadingParagraphText,
  portableSlug,
  titleFromSlug,
  toSlug,
} from '@/lib/import/wordpress/text';
import type { ConversionWarning } from '@/lib/import/wordpress/warnings';
import type { WxrItem } from '@/lib/import/wordpress/wxr';

/** Why an unpublished post is imported as a draft. */
export type DraftReason = 'draft' | 'pending review';

/**
 * An item to import, with `draft` when it was unpublished, or `scheduled` when WordPress was to publish it
 * on its date: the site's own scheduling does that (`lib/publication.ts`).
 */
export type ItemDecision =
  | { action: 'import'; kind: 'post' | 'page'; draft?: DraftReason; scheduled?: true }
  | { action: 'skip'; reason: SkipReason };

/** Why an item is not imported. Reasons with a fixed wording are listed; other post types and statuses are named. */
export type SkipReason =
  | 'page'
  | 'attachment'
  | 'menu item'
  | 'revision'
  | 'reusable block'
  | 'password-protected'
  | 'private'
  | 'trash'
  | 'auto-draft'
  | 'no publication date'
  | 'impossible publication date'
  | `post type "${string}"`
  | `status "${string}"`;

export interface ItemOptions {
  /** Import published pages as articles too. Default false. */
  includePages?: boolean;
}

/**
 * Decides what becomes of an item. Published posts (and pages, when asked) are imported. Drafts and
 * posts pending review are imported with `draft: true`, so the owner can finish them, and the site
 * publishes nothing of them. Scheduled posts keep their future publication date, so the first build on or
 * after that day publishes them, as WordPress would have. Private and password-protected posts are left out:
 * their writer limited who may read them, and a content folder is often a public repository.
 */
export function decideItem(item: WxrItem, options: ItemOptions = {}): ItemDecision {
  const skip = (reason: SkipReason): ItemDecision => ({ action: 'skip', reason });
  let kind: 'post' | 'page';
  switch (item.type) {
    case 'post':
      kind = 'post';
      break;
    case 'page':
      if (!options.includePages) return skip('page');
      kind = 'page';
      break;
    case 'attachment':
      return skip('attachment');
    case 'nav_menu_item':
      return skip('menu item');
    case 'revision':
      return skip('revision');
    case 'wp_block':
      return skip('reusable block');
    default:
      return skip(`post type "${item.type}"`);
  }
  if (item.hasPassword) return skip('password-protected');
  switch (item.status) {
    case 'publish':
      return { action: 'import', kind };
    case 'draft':
      return { action: 'import', kind, draft: 'draft' };
    case 'pending':
      return { action: 'import', kind, draft: 'pending review' };
    case 'future':
      return { action: 'import', kind, scheduled: true };
    case 'private':
    case 'trash':
    case 'auto-draft':
      return skip(item.status);
    default:
      return skip(`status "${item.status}"`);
  }
}

/**
 * The slug an item asks for (the importer makes it unique): its WordPress slug, else its title, made a
 * portable page address; the import's first pass uses it to know where links between posts will lead.
 * @param warnings receives why the slug differs from the item's, when it does
 */
export function articleSlug(
  item: Pick<WxrItem, 'id' | 'slug' | 'title'>,
  kind: 'post' | 'page',
  warnings: ConversionWarning[] = [],
): string {
  const title = htmlToText(item.title);
  let slug = toSlug(item.slug) ?? toSlug(title);
  if (!slug) {
    slug = `${kind}-${item.id}`;
    const wanted = decodeURIComponentSafe(item.slug) || title;
    warnings.push({
      kind: 'slug',
      message: `${kind} ${item.id}'s slug "${wanted}" has no Latin letters for a page address; written as "${slug}"`,
    });
  }
  const portable = portableSlug(slug, kind);
  if (portable !== slug) {
    warnings.push({
      kind: 'slug',
      message: `${kind} ${item.id}'s slug "${slug}" is a device name on Windows, where no file can have it; written as "${portable}"`,
    });
    slug = portable;
  }
  return slug;
}

/** Frontmatter of an imported article: the input form of the site's article schema. */
export interface ArticleFrontmatter {
  title: string;
  description: string;
  /** `YYYY-MM-DD`, from the UTC publication date. */
  published: string;
  /** `YYYY-MM-DD` of the last change, when later than the publication day. */
  updated?: string;
  /** Id of the writer in `people/`. */
  author?: string;
  tags: string[];
  /** The post's addresses on the WordPress site (`old-addresses.ts`), redirected to the article. */
  redirectFrom?: string[];
  draft?: true;
}

export interface ArticleContext {
  /** Writers by login. */
  authors: ReadonlyMap<string, ImportedPerson>;
  body: Omit<BodyContext, 'postId'>;
}

export interface BuiltArticle {
  /** The slug the item asks for; the importer makes it unique. */
  slug: string;
  frontmatter: ArticleFrontmatter;
  /** MDX-safe Markdown body. */
  markdown: string;
  /** The body as WordPress would show it, as HTML: its text is the fallback when the Markdown fails. */
  html: string;
  /** The writer that `frontmatter.author` names, whose person file the import writes. */
  author?: ImportedPerson;
  warnings: ConversionWarning[];
  /** What became of each block-editor block, by block name. */
  blocks: BlockOutcomes;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * The first real day among an item's date fields, in order of preference. A field holding a day
 * that does not exist is passed over with a warning, so no impossible date is ever written.
 * @returns undefined when no field holds a real day
 */
function firstRealDay(
  fields: readonly { label: string; value: string }[],
  describeItem: string,
  warnings: ConversionWarning[],
): string | undefined {
  for (const { label, value } of fields) {
    const reading = readExportDate(value);
    if (reading.kind === 'none') continue;
    if (reading.kind === 'impossible') {
      warnings.push({
        kind: 'date',
        message: `${describeItem}'s ${label} "${reading.value}" is not a real date; not used`,
      });
      continue;
    }
    if (reading.date.repaired) {
      warnings.push({ kind: 'date', message: `${describeItem}'s ${label} ${reading.date.repaired}` });
    }
    return reading.date.day;
  }
  return undefined;
}

/** The terms shown as tags: categories and tags, but not WordPress's catch-all "Uncategorized". */
function tagsOf(item: WxrItem): string[] {
  const tags = new Map<string, string>();
  for (const term of item.terms) {
    if (term.domain !== 'category' && term.domain !== 'post_tag') continue;
    if (term.domain === 'category' && term.slug === 'uncategorized') continue;
    const name = htmlToText(term.name);
    if (name && !tags.has(name.toLowerCase())) tags.set(name.toLowerCase(), name);
  }
  return [...tags.values()];
}

/** A search-result description: the hand-written excerpt, else the first sentences of the body. */
function describe(item: WxrItem, html: string, title: string): string {
  const excerpt = htmlToText(item.excerpt);
  if (excerpt) return excerpt.length <= 300 ? excerpt : firstSentences(excerpt);
  return firstSentences(leadingParagraphText(html)) || firstSentences(htmlToText(html)) || title;
}

/**
 * Builds an article from an item that {@link decideItem} imports.
 * @returns the article, or the reason it cannot be one
 */
export function buildArticle(
  item: WxrItem,
  decision: Extract<ItemDecision, { action: 'import' }>,
  context: ArticleContext,
): BuiltArticle | { skip: SkipReason; warnings: ConversionWarning[] } {
  const warnings: ConversionWarning[] = [];
  const describeItem = `${decision.kind} ${item.id}`;
  const published = firstRealDay(
    [
      { label: 'publication date (UTC)', value: item.dateGmt },
      { label: 'publication date', value: item.date },
    ],
    describeItem,
    warnings,
  );
  if (!published) {
    const impossible = [item.dateGmt, item.date].some((value) => readExportDate(value).kind === 'impossible');
    return impossible ? { skip: 'impossible publication date', warnings } : { skip: 'no publication date', warnings };
  }

  let title = htmlToText(item.title);
  const slug = articleSlug(item, decision.kind, warnings);
  if (!title) {
    title = titleFromSlug(slug);
    warnings.push({
      kind: 'title',
      message: `${decision.kind} ${item.id} has no title; titled "${title}" from its slug`,
    });
  }

  const body = convertPostBody(item.content, { ...context.body, postId: item.id, footnotes: item.footnotes });
  warnings.push(...body.warnings);

  const modified = firstRealDay(
    [
      { label: 'last change date (UTC)', value: item.modifiedGmt },
      { label: 'last change date', value: item.modified },
    ],
    describeItem,
    warnings,
  );
  const author = context.authors.get(item.creator);
  if (author === undefined && item.creator !== '') {
    warnings.push({ kind: 'author', message: `writer "${item.creator}" is not among the export's authors; no byline` });
  }

  const frontmatter: ArticleFrontmatter = {
    title,
    description: describe(item, body.html, title),
    published,
    ...(modified && modified > published ? { updated: modified } : {}),
    ...(author ? { author: author.id } : {}),
    tags: tagsOf(item),
    ...(decision.draft ? { draft: true as const } : {}),
  };
  return {
    slug,
    frontmatter,
    markdown: body.markdown,
    html: body.html,
    ...(author ? { author } : {}),
    warnings,
    blocks: body.blocks,
  };
}

/** A YAML double-quoted string: JSON's escapes are YAML's, and the text has no control characters left. */
const yamlString = (value: string) => JSON.stringify(value);

/**
 * The article file: YAML frontmatter in the schema's field order, then the body.
 * @param source where it came from, noted in a YAML comment
 */
export function serializeArticle(frontmatter: ArticleFrontmatter, markdown: string, source: string): string {
  const lines = ['---'];
  const origin = source.replace(/[\r\n]+/g, ' ').trim();
  if (origin) lines.push(`# Imported from WordPress: ${origin}`);
  lines.push(`title: ${yamlString(frontmatter.title)}`);
  lines.push(`description: ${yamlString(frontmatter.description)}`);
  lines.push(`published: ${frontmatter.published}`);
  if (frontmatter.updated) lines.push(`updated: ${frontmatter.updated}`);
  if (frontmatter.author) lines.push(`author: ${yamlString(frontmatter.author)}`);
  if (frontmatter.tags.length > 0) {
    lines.push('tags:', ...frontmatter.tags.map((tag) => `  - ${yamlString(tag)}`));
  }
  if (frontmatter.redirectFrom?.length) {
    lines.push('redirectFrom:', ...frontmatter.redirectFrom.map((address) => `  - ${yamlString(address)}`));
  }
  if (frontmatter.draft) lines.push('draft: true');
  lines.push('---', '');
  return `${lines.join('\n')}\n${markdown}`;
}
