/**
 * WordPress post HTML → Markdown that MDX compiles to exactly the words that were written.
 *
 * MDX reads `{…}` as JavaScript, `<…>` as JSX and a line starting `import`/`export` as a module
 * statement, so a post that mentions any of them would break the build or run code in it. Every
 * text node is escaped for Markdown and for MDX. The only markup written is a few fixed tags with
 * fixed attributes, for what Markdown cannot say: a figure and its caption (a quotation's source, a
 * gallery, a captioned image or table), a fold (`<details>`), a table without a header row or with a
 * footer or merged cells; what goes between them is converted, escaped text. Other elements keep
 * their text, and scripts, forms and embedded objects are removed.
 */
import TurndownService from 'turndown';

import { escapeHtml } from '@/lib/html-text';
import { countOf, plural } from '@/lib/text/plural';

import {
  blockDelimiters,
  blockName,
  BlockTally,
  type BlockOutcomes,
  embedMarkup,
  readFootnotes,
} from '@/lib/import/wordpress/blocks';
import { BLOCK_RULES } from '@/lib/import/wordpress/html-to-mdx-block-rules';
import {
  type ConversionTally,
  CONVERSION_MARKERS,
  DROPPED_SILENTLY,
  escapeMdxText,
  type FootnoteNumbering,
  MARKDOWN_RULES,
  oneLine,
  type RuleContext,
} from '@/lib/import/wordpress/html-to-mdx-rules';
import { flattenDeepNesting, MAX_ELEMENT_NESTING } from '@/lib/import/wordpress/nesting';
import { expandShortcodes, type ShortcodeContext } from '@/lib/import/wordpress/shortcodes';
import type { ConversionWarning } from '@/lib/import/wordpress/warnings';
import { wpautop } from '@/lib/import/wordpress/wpautop';

export interface BodyContext extends ShortcodeContext {
  /** The blog's address: root-relative links and images are resolved against it. */
  siteUrl: string;
  /** Reusable blocks (`wp_block` items) by id, for `<!-- wp:block {"ref":…} /-->`. */
  reusableBlocks: ReadonlyMap<string, string>;
  /** The post's `footnotes` meta (block editor, WordPress 6.3+): a JSON array of `{id, content}`. */
  footnotes?: string;
  /** Where a link to one of the blog's own posts leads now: see `RuleContext`. */
  newAddressOf?: (href: string) => string | undefined;
}

export interface ConvertedBody {
  /** The body as WordPress would show it, as HTML (for descriptions). */
  html: string;
  /** The body as MDX-safe Markdown, ending in a newline; empty for an empty post. */
  markdown: string;
  warnings: ConversionWarning[];
  /** What became of each block-editor block, by block name; empty for a classic post. */
  blocks: BlockOutcomes;
}

/** Converts a post's stored content to MDX-safe Markdown. */
export function convertPostBody(content: string, context: BodyContext): ConvertedBody {
  const blocks = new BlockTally();
  const prepared = prepareHtml(content, context, blocks);
  const bounded = flattenDeepNesting(prepared.html);
  if (bounded.flattened) {
    prepared.warnings.push({
      kind: 'nesting',
      message: `elements nested ${bounded.deepest} deep; those below level ${MAX_ELEMENT_NESTING} were flattened, their text kept`,
    });
  }
  const converted = htmlToMarkdown(bounded.html, context, blocks);
  return {
    html: bounded.html,
    markdown: converted.markdown,
    warnings: [...prepared.warnings, ...converted.warnings],
    blocks: blocks.outcomes(),
  };
}

/**
 * Blocks WordPress builds when a page is shown (query loops, comments, navigation…) that may still
 * hold saved HTML of inner blocks: only that is carried over.
 */
const SERVER_RENDERED_CONTAINER =
  /^core\/(query|query-[a-z-]+|post-template|comments|comments-pagination|comment-template|navigation|social-links)$/;

/** Blocks whose HTML is stored in the post: self-closing, they are simply empty, and nothing is lost. */
const STATIC_BLOCKS = new Set([
  'paragraph',
  'heading',
  'list',
  'list-item',
  'quote',
  'pullquote',
  'image',
  'gallery',
  'group',
  'row',
  'stack',
  'column',
  'columns',
  'spacer',
  'separator',
  'buttons',
  'button',
  'shortcode',
  'html',
  'code',
  'preformatted',
  'verse',
  'table',
  'media-text',
  'cover',
  'more',
  'nextpage',
  'freeform',
  // Built from the post's meta, which the importer reads (htmlToMarkdown).
  'footnotes',
]);

/**
 * The HTML WordPress would show for a stored post body: reusable blocks filled in, block-editor
 * comments and `<!--more-->` removed, shortcodes expanded, and classic posts given their paragraphs.
 */
export function prepareHtml(
  content: string,
  context: BodyContext,
  blocks = new BlockTally(),
): { html: string; warnings: ConversionWarning[] } {
  const warnings: ConversionWarning[] = [];
  let html = content.replace(/\r\n?/g, '\n');

  // A reusable block is stored once and referenced; fill in its content (one level deep, as stored).
  html = html.replace(/<!--\s+wp:block\s+(\{[^}]*\})\s*\/-->/g, (_comment, attributes: string) => {
    const ref = /"ref"\s*:\s*(\d+)/.exec(attributes)?.[1];
    const block = ref === undefined ? undefined : context.reusableBlocks.get(ref);
    if (block === undefined) {
      warnings.push({ kind: 'dynamic-block', message: `reusable block ${ref ?? '?'} is not in the export; left out` });
      return '';
    }
    return block.replace(/<!--\s+wp:block\s+\{[^}]*\}\s*\/-->/g, '');
  });

  const isBlockEditorPost = /<!--\s+\/?wp:/.test(html);
  blocks.addBlocksOf(html);
  const dynamicBlocks = new Set<string>();
  // Any other self-closing block is built by WordPress when the page is shown (latest posts, archives,
  // search…): the export has nothing of it to carry over.
  for (const { name, selfClosing } of blockDelimiters(html)) {
    if (!selfClosing) {
      if (SERVER_RENDERED_CONTAINER.test(blockName(name))) {
        blocks.degrade(
          blockName(name),
          'built by WordPress when a page is shown; only the blocks saved in it are kept',
        );
      }
      continue;
    }
    if (STATIC_BLOCKS.has(name.replace(/^core\//, ''))) continue;
    dynamicBlocks.add(name);
    blocks.drop(blockName(name), 'built by WordPress when a page is shown; the export has none of it');
  }
  if (dynamicBlocks.size > 0) {
    warnings.push({
      kind: 'dynamic-block',
      message: `left out ${[...dynamicBlocks].map((name) => `wp:${name}`).join(', ')}`,
    });
  }

  html = html.replace(/<!--[\s\S]*?-->/g, '');
  const expanded = expandShortcodes(html, context);
  warnings.push(...expanded.warnings);
  html = expanded.html;

  if (isBlockEditorPost) {
    // An embed block keeps its address alone in a wrapper; WordPress shows the embed, we link to it.
    html = html.replace(
      /(<div[^>]*wp-block-embed__wrapper[^>]*>)\s*(https?:\/\/[^\s<"]+)\s*(<\/div>)/g,
      (_match, open: string, url: string, close: string) => `${open}<a href="${url}">${url}</a>${close}`,
    );
  } else {
    // On a line of its own, an address is an oEmbed: WordPress shows the video or post, we link to it,
    // named as a block-editor embed is when the provider is known ("Video on YouTube").
    html = html.replace(
      /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm,
      (_match, url: string) => embedMarkup(url) ?? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`,
    );
    html = wpautop(html);
  }
  return { html, warnings };
}

/** Converts prepared HTML to MDX-safe Markdown with turndown. */
export function htmlToMarkdown(
  html: string,
  context: BodyContext,
  blocks = new BlockTally(),
): { markdown: string; warnings: ConversionWarning[] } {
  const tally: ConversionTally = { warnings: [], removed: new Map(), imagesWithoutAlt: 0, blocks };
  const footnotes = footnoteNumbering(context.footnotes ?? '', tally);
  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  service.escape = escapeMdxText;
  service.remove([...DROPPED_SILENTLY]);
  const ruleContext: RuleContext = {
    siteUrl: context.siteUrl,
    media: context.media,
    headingShift: headingShiftFor(html),
    footnotes,
    tally,
    ...(context.newAddressOf ? { newAddressOf: context.newAddressOf } : {}),
  };
  for (const [name, rule] of Object.entries({ ...MARKDOWN_RULES, ...BLOCK_RULES })) {
    service.addRule(name, rule(ruleContext));
  }

  const body = tidyMarkdown(service.turndown(html));
  // The footnotes the text cites, as GitHub-flavoured Markdown footnotes, in the order first cited.
  const notes: string[] = [];
  for (const [id, number] of footnotes.numbers) {
    notes.push(`[^${number}]: ${oneLine(tidyMarkdown(service.turndown(footnotes.texts.get(id)!)))}`);
  }
  if (notes.length === 0) blocks.drop('core/footnotes', 'no footnote the text cites has text in the export');
  const markdown = notes.length > 0 ? `${body}\n\n${notes.join('\n')}`.trim() : body;
  return { markdown: markdown === '' ? '' : `${markdown}\n`, warnings: [...tally.warnings, ...tallyWarnings(tally)] };
}

/** The post's footnotes by id, read from its meta; unreadable meta is reported and gives none. */
function footnoteNumbering(meta: string, tally: ConversionTally): FootnoteNumbering {
  const read = readFootnotes(meta);
  if ('problem' in read) {
    tally.warnings.push({ kind: 'footnote', message: `${read.problem}; footnotes left out` });
    return { texts: new Map(), numbers: new Map() };
  }
  return { texts: read.footnotes, numbers: new Map() };
}

/** The page's title is its only h1: the post's own headings start at h2, keeping their order. */
function headingShiftFor(html: string): number {
  const levels = [...html.matchAll(/<h([1-6])\b/gi)].map((match) => Number(match[1]));
  return levels.length > 0 ? 2 - Math.min(...levels) : 0;
}

/** Turndown's output without table markers, blank lines of white space, or runs of blank lines. */
function tidyMarkdown(markdown: string): string {
  return markdown
    .replace(CONVERSION_MARKERS, '')
    .replace(/^[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** One warning for the images without alternative text and one per kind of element removed. */
function tallyWarnings({ imagesWithoutAlt, removed }: ConversionTally): ConversionWarning[] {
  const warnings: ConversionWarning[] = [];
  if (imagesWithoutAlt > 0) {
    warnings.push({
      kind: 'alt-text',
      message: `${countOf(imagesWithoutAlt, 'image')} ${plural(imagesWithoutAlt, 'has', 'have')} no alternative text`,
    });
  }
  for (const [name, count] of removed) {
    warnings.push({ kind: 'removed', message: `removed ${countOf(count, `<${name}> element`)}` });
  }
  return warnings;
}
