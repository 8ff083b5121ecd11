/**
 * Turns what a reader wrote into safe HTML. Comments are untrusted: they never go through MDX,
 * and everything a browser could run or load is removed by an allow-list sanitizer.
 *
 * Two renderers, one output. The reference is a unified pipeline (remark with GFM and the comment
 * syntax below, remark-breaks, rehype-raw, rehype-sanitize). A site has tens of thousands of
 * comments, and that pipeline costs about a millisecond each, so most bodies take a fast path:
 * satteri (native Markdown + GFM → hast), line breaks added in the tree, then the same raw-HTML
 * parser, sanitizer and serializer as the reference. A body whose Markdown the fast path would read
 * differently (lines the comment syntax keeps as text, indented lines, footnotes) goes through the
 * reference instead. tests/unit/render-body.test.ts checks that both give the same HTML.
 *
 * Anyone can write a comment, so no body may stall or crash the build. A linear pass counts the marks
 * that make Markdown and HTML parsers slow or deep (emphasis, brackets, tags…); a body with too many is
 * shown as typed, in paragraphs and lines. Quote markers past a fixed depth are removed, and the output
 * is flattened below a fixed depth (`COMMENT_RENDER_LIMITS`). scripts/bench-comments.ts times the
 * worst shapes of the longest legal body.
 */
import type { Element, ElementContent, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize, type Schema } from 'hast-util-sanitize';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { markdownToHast } from 'satteri';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';

import { hasVisibleText } from '../text/visible-text';

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
function flattenAndUnwrapEmpty(parent: Root | Element, depth: number, insideLink = false): boolean {
  const children: RootContent[] = [];
  let visible = false;
  for (const child of parent.children) {
    if (child.type !== 'element' || VOID_ELEMENTS.has(child.tagName)) {
      children.push(child);
      visible ||= child.type === 'text' && hasVisibleText(child.value);
      continue;
    }
    const link = child.tagName === 'a';
    const childVisible = flattenAndUnwrapEmpty(child, depth + 1, insideLink || link);
    const unwrap = depth >= COMMENT_RENDER_LIMITS.nestingDepth || !childVisible || (link && insideLink);
    if (unwrap) children.push(...child.children);
    else children.push(child);
    visible ||= childVisible;
  }
  parent.children = children as typeof parent.children;
  return visible;
}

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
 * Marks every reader link as user content. A link whose address the sanitizer removed, or that points
 * into the site, is no longer a link: its text stays, in place, as plain text. A link with no visible
 * text (`[](https://…)`) shows its address. Code blocks scroll sideways, so keyboard users must be able
 * to focus them. Then flattens deep nesting and unwraps empty elements.
 */
function finishCommentTree(tree: Root): void {
  visit(tree, 'element', (node: Element, index, parent) => {
    if (node.tagName === 'pre') node.properties.tabIndex = 0;
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

/**
 * Elements satteri makes only from Markdown the comment syntax keeps as text (headings, lists,
 * rules, images), from GFM footnotes, whose markup the reference builds its own way, or from GFM
 * tables, which satteri accepts in more shapes. (Raw HTML is still raw when they are looked for.)
 */
const REFERENCE_ONLY_ELEMENTS = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'hr',
  'img',
  'sup',
  'section',
  'table',
]);

/**
 * Text that satteri reads differently from the reference, found by comparing the two on many bodies
 * (tests/unit/render-body-fast-path.test.ts). A body with any of it goes through the reference.
 * Each pattern runs in time linear in the body, however hostile: no nested or overlapping repeats.
 */
const READ_DIFFERENTLY: readonly RegExp[] = [
  // A line starting like a list item or a heading, which the reference keeps as text. (The tree
  // check below catches these too, but only after satteri has parsed them, and "- - - …" thousands
  // of times over is a list as deep, slow to parse.)
  /^[ \t>]*(?:[-+*]|\d{1,9}[.)]|#{1,6})(?:[ \t]|$)/m,
  // A line indented four columns or more. Markdown makes it code; the reference, with indented code
  // switched off, reads whatever follows the indentation (a fence, a quote, HTML).
  /^[ \t>]*?(?: {4}|\t)/m,
  // A line of only dashes, colons and pipes: a rule, a heading underline or a table's delimiter row
  // (satteri accepts tables whose header row has more cells than the delimiter row; GFM does not).
  // The look-ahead and back-reference take the line's indentation whole, without backtracking.
  /^(?=([ \t>]*))\1(?=[-|: \t]*$)[|: \t]*-/m,
  // A line starting with what may be an HTML tag or comment: it may open an HTML block, whose end
  // satteri does not always find where CommonMark does. HTML inside a line is read the same.
  /^[ \t>]*<[a-z!?/]/im,
  // Emphasis or strikethrough marks next to a non-ASCII character, and bare links right after one:
  // micromark classifies characters by UTF-16 unit (an emoji is neither space nor punctuation to it),
  // satteri by code point.
  /[^\0-\x7f][*_~]|[*_~][^\0-\x7f]/,
  /[^\0-\x7f](?:www\.|https?:\/\/|[-.\w+]*@)/i,
  // Different marks side by side, such as "***_**": satteri does not count "_" as punctuation there.
  /\*[_~]|_[*~]|~[*_]/,
  // The same marks next to a character reference (satteri reads "&nbsp;" as the space it stands for)
  // or right before a bare link.
  /[*_~]&#?[a-z0-9]+;|&#?[a-z0-9]+;[*_~]|[*_~](?:www\.|https?:\/\/)/i,
  // "mailto:" and "xmpp:" before a bare e-mail address: GFM links the whole; satteri only the address.
  // Nor do they agree where an address starts after anything but a space or "(".
  /(?:mailto|xmpp):/i,
  /[^\s(\-.\w+][-.\w+]+@/,
  // A code span that opens with a line ending, or at the start of a line: micromark drops the space
  // that starts it. (A fence, three or more backticks at the start of a line, is read the same.)
  /(?:^|[^`])`{1,2}[\r\n]|[^`\s>][ \t]*`{3,}[\r\n]|^[ \t>]*(?:`{1,2}(?!`)|(?=(`+))\1[^`\r\n]*`)/m,
  // A backslash escape, and emphasis marks in a body with inline HTML: satteri pairs some of these
  // marks differently.
  /\\[!-/:-@[-`{-~]/,
  // A control character (other than tab and line endings): micromark counts it into a bare link
  // before it, satteri does not.
  /(?![\t\n\r])\p{Cc}/u,
  // A byte order mark: satteri drops one at the start and reads what follows as the start of a line.
  /\ufeff/,
  // A line starting with a bracket may be a link definition, which the reference keeps as text.
  /^[ \t>]*\[/m,
  /^(?=[\s\S]*<[a-z/!?])(?=[\s\S]*[*_~])/i,
];

/** Elements whose text comes from Markdown text, where a single newline becomes a line break. */
const PHRASING_PARENTS = new Set(['p', 'td', 'th', 'em', 'strong', 'del', 'a']);

const LINE_ENDING = /\r?\n|\r/;

/** Splits text at its line endings into text, `<br>`, newline, text…, as remark-breaks does. */
function withLineBreaks(text: string): ElementContent[] {
  const parts = text.split(LINE_ENDING);
  const nodes: ElementContent[] = [];
  parts.forEach((part, index) => {
    if (index > 0)
      nodes.push({ type: 'element', tagName: 'br', properties: {}, children: [] }, { type: 'text', value: '\n' });
    if (part) nodes.push({ type: 'text', value: part });
  });
  return nodes;
}

interface TreeFacts {
  /** The tree holds raw HTML, to be parsed like the reference does. */
  hasRaw: boolean;
  /** The tree holds a code block. */
  hasCodeBlock: boolean;
}

/**
 * Adds the line breaks in place and notes what the tree holds. A text node that is only the newline
 * after a hard break (`<br>`) was made by the Markdown-to-hast step, not written, and stays as it is.
 * @returns false, as soon as it meets one, when the tree holds an element only the reference renders
 *   right (without walking into it: "- - - …" is a list thousands deep to satteri, plain text to the
 *   reference)
 */
function addLineBreaks(parent: Root | Element, facts: TreeFacts): boolean {
  const phrasing = parent.type === 'element' && PHRASING_PARENTS.has(parent.tagName);
  const children: RootContent[] = [];
  let previous: RootContent | undefined;
  for (const child of parent.children) {
    if (child.type === 'raw') facts.hasRaw = true;
    else if (child.type === 'element') {
      if (REFERENCE_ONLY_ELEMENTS.has(child.tagName)) return false;
      if (child.tagName === 'pre') facts.hasCodeBlock = true;
      // Code keeps its newlines.
      if (child.tagName !== 'code' && !addLineBreaks(child, facts)) return false;
    }
    const breakNewline =
      previous?.type === 'element' && previous.tagName === 'br' && child.type === 'text' && child.value === '\n';
    if (phrasing && child.type === 'text' && !breakNewline && LINE_ENDING.test(child.value))
      children.push(...withLineBreaks(child.value));
    else children.push(child);
    previous = child;
  }
  parent.children = children as typeof parent.children;
  return true;
}

/**
 * Renders a body the fast way: satteri's Markdown and GFM, then the reference's own raw-HTML parser,
 * sanitizer and serializer.
 * @returns the HTML, or undefined for a body only the reference (`renderCommentBodyWithUnified`)
 *   renders right
 */
export function renderCommentBodyWithSatteri(body: string): string | undefined {
  // CommonMark replaces NUL with U+FFFD for safety; micromark does, satteri leaves it.
  if (exceedsMarkdownLimits(body)) return undefined;
  const source = boundQuoteDepth(body).replaceAll('\0', '\uFFFD');
  if (READ_DIFFERENTLY.some((pattern) => pattern.test(source))) return undefined;
  const tree = markdownToHast(source, { features: { frontmatter: false }, position: false }) as Root;
  const facts: TreeFacts = { hasRaw: false, hasCodeBlock: false };
  if (!addLineBreaks(tree, facts)) return undefined;
  // The reference parses every tree as HTML once more; that changes only trees with raw HTML or code
  // blocks (the HTML parser drops a code block's first newline).
  const parsed = facts.hasRaw || facts.hasCodeBlock ? (raw(tree) as Root) : tree;
  const safe = sanitize(parsed, commentSanitizeSchema) as Root;
  finishCommentTree(safe);
  return toHtml(safe);
}

const rendered = new Map<string, string>();

/**
 * Renders one comment body to sanitized HTML. A single newline is a line break, a blank line a new
 * paragraph, as WordPress shows comments. Results are cached, so each body is rendered once per build.
 */
export function renderCommentBody(body: string): string {
  let html = rendered.get(body);
  if (html === undefined) {
    html = renderCommentBodyWithSatteri(body) ?? renderCommentBodyWithUnified(body);
    rendered.set(body, html);
  }
  return html;
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
  const tree = fromHtml(renderCommentBody(body), { fragment: true });
  let text = '';
  visit(tree, 'text', (node) => {
    text += node.value;
  });
  return hasVisibleText(text);
}
