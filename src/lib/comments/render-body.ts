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
 * reference instead. tests/unit/lib/comments/render-body.test.ts checks that both give the same HTML.
 *
 * Anyone can write a comment, so no body may stall or crash the build. A linear pass counts the marks
 * that make Markdown and HTML parsers slow or deep (emphasis, brackets, tags…); a body with too many is
 * shown as typed, in paragraphs and lines. Quote markers past a fixed depth are removed, and the output
 * is flattened below a fixed depth (`COMMENT_RENDER_LIMITS`). scripts/bench-comments.ts times the
 * worst shapes of the longest legal body.
 */
import type { Element, Root, RootContent } from 'hast';
import { raw } from 'hast-util-raw';
import { sanitize } from 'hast-util-sanitize';
import { toHtml } from 'hast-util-to-html';
import { markdownToHast } from 'satteri';

import {
  boundQuoteDepth,
  commentSanitizeSchema,
  exceedsMarkdownLimits,
  finishCommentTree,
  LINE_ENDING,
  withLineBreaks,
  renderCommentBodyWithUnified,
  useRendererForVisibility,
} from '@/lib/comments/render-body-reference';

export * from '@/lib/comments/render-body-reference';

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
 * (tests/unit/lib/comments/render-body-fast-path.test.ts). A body with any of it goes through the reference.
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

// The schema's visible-text check renders with the fast path wherever this module is loaded.
useRendererForVisibility(renderCommentBody);
