/**
 * The reference comment renderer, free of native code: the limits every body obeys, the sanitizer's
 * allow-list, and the unified pipeline (remark with GFM and the comment syntax, remark-breaks, rehype-raw,
 * rehype-sanitize). `render-body.ts` adds the fast path (satteri, a native module) and is what the build
 * uses; this module is what the comment schema needs, so that the question handler can validate a comment
 * on any host (a Cloudflare Worker cannot load native modules).
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import type { Schema } from 'hast-util-sanitize';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';

import { hasVisibleText } from '@/lib/text/visible-text';

/**
 * Bounds on what one comment can make the renderer do. Real comments stay far below them; a body past
 * one is shown as typed, as plain text in paragraphs and lines (`renderCommentBodyAsText`), which takes
 * time linear in its length. Markdown parsers pair emphasis marks and brackets in time that grows with
 * the square of their number, and every construct costs the unified parser tens of microseconds.
 */
export const COMMENT_RENDER_LIMITS = {
  /** `>` quote markers read at the start of a line; further ones on that line are removed, text kept. */
  quoteDepth: 16,
  /** `>` characters a body may have and still be read as Markdown: each quote marker opens a container. */
  quoteMarks: 2_000,
  /** All the marks and line endings above together: a body near every limit at once is as slow as their sum. */
  allMarks: 2_500,
  /** Emphasis and strikethrough marks (`*`, `_`, `~`) a body may have and still be read as Markdown. */
  emphasisMarks: 500,
  /** Link brackets (`[`, `]`) a body may have and still be read as Markdown. */
  brackets: 500,
  /**
   * Possible HTML tags (`<` and a letter) a body may have and still be read as Markdown and HTML. The
   * HTML parser nests elements a few levels per tag at most, and the libraries after it recurse once
   * per level: 256 tags stay far from the call stack's limit.
   */
  htmlTags: 256,
  /** Code span marks (`` ` ``), backslash escapes (`\\`), `&` and `<`, together. */
  otherMarks: 2_000,
  /** Line endings: each costs the unified parser a few constructs (paragraph, break, quote…). */
  lineEndings: 1_000,
  /** Places a bare link may start (`www.`, `://`, `@`): GFM looks for a link at each. */
  bareLinks: 500,
  /** Elements one inside another in a rendered comment; deeper ones are unwrapped, their text kept. */
  nestingDepth: 32,
} as const;

/** The quote markers at the start of a line past `quoteDepth` (the first ones are captured). */
const QUOTES_PAST_LIMIT = new RegExp(`^((?:[ \\t]*>){${COMMENT_RENDER_LIMITS.quoteDepth}})(?:[ \\t]*>)+`, 'gm');

/** The body with quote markers past `quoteDepth` removed from each line (the quotation's text stays). */
export const boundQuoteDepth = (body: string): string => body.replace(QUOTES_PAST_LIMIT, '$1');

/** Whether the body has more marks than the Markdown parsers can be trusted with (one linear pass). */
export function exceedsMarkdownLimits(body: string): boolean {
  let emphasisMarks = 0;
  let brackets = 0;
  let htmlTags = 0;
  let otherMarks = 0;
  let lineEndings = 0;
  let bareLinks = 0;
  let quoteMarks = 0;
  for (let index = 0; index < body.length; index++) {
    switch (body.charCodeAt(index)) {
      case 0x2a: // *
      case 0x5f: // _
      case 0x7e: // ~
        emphasisMarks++;
        break;
      case 0x5b: // [
      case 0x5d: // ]
        brackets++;
        break;
      case 0x3c: // <
        if (/[a-z]/i.test(body[index + 1] ?? '')) htmlTags++;
        otherMarks++;
        break;
      case 0x60: // `
      case 0x5c: // \
      case 0x26: // &
        otherMarks++;
        break;
      case 0x0a: // \n
        lineEndings++;
        break;
      case 0x0d: // \r
        if (body.charCodeAt(index + 1) !== 0x0a) lineEndings++;
        break;
      case 0x3e: // >
        quoteMarks++;
        break;
      case 0x40: // @
        bareLinks++;
        break;
      case 0x3a: // :
        if (body.startsWith('//', index + 1)) bareLinks++;
        break;
      case 0x2e: // .
        if (index >= 3 && /www/i.test(body.slice(index - 3, index))) bareLinks++;
        break;
    }
  }
  return (
    emphasisMarks > COMMENT_RENDER_LIMITS.emphasisMarks ||
    brackets > COMMENT_RENDER_LIMITS.brackets ||
    htmlTags > COMMENT_RENDER_LIMITS.htmlTags ||
    otherMarks > COMMENT_RENDER_LIMITS.otherMarks ||
    lineEndings > COMMENT_RENDER_LIMITS.lineEndings ||
    bareLinks > COMMENT_RENDER_LIMITS.bareLinks ||
    quoteMarks > COMMENT_RENDER_LIMITS.quoteMarks ||
    emphasisMarks + brackets + otherMarks + lineEndings + bareLinks + quoteMarks > COMMENT_RENDER_LIMITS.allMarks
  );
}

const BLANK_LINES = /(?:\r?\n|\r)(?:[ \t]*(?:\r?\n|\r))+/;

/**
 * Renders a body as typed, without reading any Markdown or HTML in it: a blank line starts a paragraph,
 * a newline is a line break. For bodies past `COMMENT_RENDER_LIMITS`; linear in the body's length.
 */
export function renderCommentBodyAsText(body: string): string {
  const paragraphs: Element[] = body
    .replaceAll('\0', '\uFFFD')
    .split(BLANK_LINES)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph.length > 0)
    .map((paragraph) => ({ type: 'element', tagName: 'p', properties: {}, children: withLineBreaks(paragraph) }));
  const tree: Root = { type: 'root', children: paragraphs.flatMap((p, i) => (i > 0 ? [newline(), p] : [p])) };
  finishCommentTree(tree);
  return toHtml(tree);
}

const newline = (): RootContent => ({ type: 'text', value: '\n' });

const VOID_ELEMENTS = new Set(['br']);

/** The text of a node and everything in it. */
function textOf(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element') return '';
  return node.children.map(textOf).join('');
}

/**
 * Unwraps every element deeper than `nestingDepth`, and every element with nothing visible in it (an
 * empty paragraph or quotation, or bold zero-width space), and every link inside a link (HTML cannot
 * nest them: a browser would close the outer one), keeping their text and line breaks in place.
 * @returns whether the parent holds any visible text
 */
function flattenAndUnwrapEmpty(
  parent: Root | Element,
  depth: number,
  insideLink = false,
  phrasingOnly = false,
): boolean {
  const children: RootContent[] = [];
  let visible = false;
  for (const child of parent.children) {
    if (child.type !== 'element' || VOID_ELEMENTS.has(child.tagName)) {
      children.push(child);
      visible ||= child.type === 'text' && hasVisibleText(child.value);
      continue;
    }
    const link = child.tagName === 'a';
    const block = BLOCK_ELEMENTS.has(child.tagName);
    // A paragraph, a code block and every inline element hold only phrasing content.
    const childPhrasingOnly = phrasingOnly || child.tagName !== 'blockquote';
    const childVisible = flattenAndUnwrapEmpty(child, depth + 1, insideLink || link, childPhrasingOnly);
    const unwrap =
      depth >= COMMENT_RENDER_LIMITS.nestingDepth ||
      !childVisible ||
      (link && insideLink) ||
      // Raw HTML can leave a block inside a paragraph (foreign content such as `<math><style>` holds a
      // Markdown paragraph as text); the page would be invalid HTML.
      (block && phrasingOnly);
    if (unwrap) children.push(...child.children);
    else children.push(child);
    visible ||= childVisible;
  }
  parent.children = children as typeof parent.children;
  return visible;
}

/** Elements the sanitizer keeps that are blocks: they may not stand inside a paragraph or a phrase. */
const BLOCK_ELEMENTS = new Set(['p', 'blockquote', 'pre']);

/**
 * The tags WordPress allows in comments (`$allowedtags`), plus the paragraphs, line breaks and code
 * blocks that it and Markdown produce for plain text. Anything else is unwrapped: its text stays.
 */
export const commentSanitizeSchema: Schema = {
  tagNames: [
    'a',
    'abbr',
    'acronym',
    'b',
    'blockquote',
    'br',
    'cite',
    'code',
    'del',
    'em',
    'i',
    'p',
    'pre',
    'q',
    's',
    'strike',
    'strong',
  ],
  attributes: {
    a: ['href', 'title'],
    abbr: ['title'],
    acronym: ['title'],
    blockquote: ['cite'],
    del: ['datetime'],
    q: ['cite'],
  },
  protocols: { href: ['http', 'https', 'mailto'], cite: ['http', 'https'] },
  required: {},
  ancestors: {},
  clobberPrefix: 'user-content-',
  clobber: ['id', 'name'],
  // Unwrap rather than drop: a reader who writes "<script>" about a script keeps their words, as text.
  strip: [],
};

/** Link relations for reader links: no search-ranking endorsement, marked as user content. */
export const COMMENT_LINK_REL = ['nofollow', 'ugc', 'noopener'];

/**
 * Markdown constructs that would turn everyday comment text into structure the writer did not mean:
 * "1. first" or "-My hips" as lists, "# 3 weeks" as a heading, indented lines as code, "***" as a rule.
 * WordPress shows these lines as written, and so do we.
 */
const PLAIN_TEXT_CONSTRUCTS = [
  'headingAtx',
  'setextUnderline',
  'thematicBreak',
  'list',
  'codeIndented',
  'labelStartImage',
  // Footnotes and link definitions: "[^1]" and "[1]: https://…" stay as written. A footnote's links
  // point at ids that a comment cannot have (the sanitizer removes them, and every comment on a page
  // would number its own "1"), and a definition line would vanish from what the reader wrote.
  'gfmFootnoteDefinition',
  'gfmFootnoteCall',
  'gfmPotentialFootnoteCall',
  'definition',
  // Tables: the sanitizer keeps no table markup, so a table showed as its cells run together. Its lines
  // now show as typed, and looking for a table cost the parser a pass over every long line.
  'table',
];

function remarkCommentSyntax(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: PLAIN_TEXT_CONSTRUCTS } });
}

/**
 * Addresses a comment may link to: web pages and e-mail. A relative address or a fragment (`#x`) would
 * point into this site, at pages or ids that do not exist; a comment has no ids of its own.
 */
const LINKABLE_ADDRESS = /^(?:https?:\/\/|mailto:)/i;

/**
 * Tags WordPress allows in comments that HTML no longer has, and the element that now means the same
 * (the Nu HTML Checker reports the old ones as errors).
 */
const OBSOLETE_TAGS: Readonly<Record<string, string>> = { acronym: 'abbr', strike: 's' };

/**
 * Marks every reader link as user content. A link whose address the sanitizer removed, or that points
 * into the site, is no longer a link: its text stays, in place, as plain text. A link with no visible
 * text (`[](https://…)`) shows its address. Code blocks scroll sideways, so keyboard users must be able
 * to focus them. Obsolete tags become their current equivalents (`<acronym>` → `<abbr>`). Then
 * flattens deep nesting and unwraps empty elements.
 */
export function finishCommentTree(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'pre') node.properties.tabIndex = 0;
    node.tagName = OBSOLETE_TAGS[node.tagName] ?? node.tagName;
    if (node.tagName !== 'a') return;
    const href = node.properties.href;
    if ((typeof href !== 'string' || !LINKABLE_ADDRESS.test(href)) && parent && index !== undefined) {
      parent.children.splice(index, 1, ...node.children);
      return index;
    }
    if (!hasVisibleText(textOf(node))) node.children = [{ type: 'text', value: String(href).replace(/^mailto:/i, '') }];
    node.properties.rel = [...COMMENT_LINK_REL];
  });
  flattenAndUnwrapEmpty(tree, 0);
}

const referenceProcessor = unified()
  .use(remarkParse)
  .use(remarkCommentSyntax)
  .use(remarkGfm)
  .use(remarkBreaks)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, commentSanitizeSchema)
  .use(() => finishCommentTree)
  .use(rehypeStringify)
  .freeze();

/**
 * The reference rendering: the unified pipeline, with the comment syntax switched off in the parser
 * itself. Used for the bodies the fast path cannot render the same way, and by the tests as the
 * output the fast path must match.
 */
export function renderCommentBodyWithUnified(body: string): string {
  if (exceedsMarkdownLimits(body)) return renderCommentBodyAsText(body);
  return String(referenceProcessor.processSync(boundQuoteDepth(body)));
}

export const LINE_ENDING = /\r?\n|\r/;

/** Splits text at its line endings into text, `<br>`, newline, text…, as remark-breaks does. */
export function withLineBreaks(text: string): ElementContent[] {
  const parts = text.split(LINE_ENDING);
  const nodes: ElementContent[] = [];
  parts.forEach((part, index) => {
    if (index > 0)
      nodes.push({ type: 'element', tagName: 'br', properties: {}, children: [] }, { type: 'text', value: '\n' });
    if (part) nodes.push({ type: 'text', value: part });
  });
  return nodes;
}

let renderForVisibility: (body: string) => string = renderCommentBodyWithUnified;

/**
 * Which renderer `commentBodyShowsText` uses: `render-body.ts` installs its faster one (the same HTML,
 * tested) when it is loaded, as it is by the build and the content check.
 */
export function useRendererForVisibility(render: (body: string) => string): void {
  renderForVisibility = render;
}

/** Marks that can hide the characters around them: tags and comments, character references, link addresses. */
const MAY_HIDE_TEXT = /[<&]|\]\(/;
/** ASCII punctuation, which Markdown may read as marks that show nothing. */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;

/**
 * Whether the rendered body shows the reader any visible text (see `hasVisibleText`). Renders it only
 * when its letters could be hidden by markup (`<`, `&`, `](`) or it has nothing but punctuation besides
 * invisible characters; then the rendering is cached for the build.
 */
export function commentBodyShowsText(body: string): boolean {
  if (!hasVisibleText(body)) return false;
  if (!MAY_HIDE_TEXT.test(body) && hasVisibleText(body.replace(ASCII_PUNCTUATION, ''))) return true;
  const tree = fromHtml(renderForVisibility(body), { fragment: true });
  let text = '';
  visit(tree, 'text', (node) => {
    text += node.value;
  });
  return hasVisibleText(text);
}
