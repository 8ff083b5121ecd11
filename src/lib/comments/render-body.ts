/**
 * Turns what a reader wrote into safe HTML. Comments are untrusted: they never go through MDX,
 * and everything a browser could run or load is removed by an allow-list sanitizer.
 */
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize, { type Options as SanitizeSchema } from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkBreaks from 'remark-breaks';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified, type Processor } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * The tags WordPress allows in comments (`$allowedtags`), plus the paragraphs, line breaks and code
 * blocks that it and Markdown produce for plain text. Anything else is unwrapped: its text stays.
 */
export const commentSanitizeSchema: SanitizeSchema = {
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
];

function remarkCommentSyntax(this: Processor) {
  const data = this.data() as { micromarkExtensions?: unknown[] };
  (data.micromarkExtensions ??= []).push({ disable: { null: PLAIN_TEXT_CONSTRUCTS } });
}

/**
 * Marks every reader link as user content. A link whose address the sanitizer removed is no longer a
 * link: its text stays, in place, as plain text. Code blocks scroll sideways, so keyboard users must
 * be able to focus them.
 */
function rehypeCommentLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'pre') node.properties.tabIndex = 0;
      if (node.tagName !== 'a') return;
      if (node.properties.href === undefined && parent && index !== undefined) {
        parent.children.splice(index, 1, ...node.children);
        return index;
      }
      node.properties.rel = [...COMMENT_LINK_REL];
    });
  };
}

const processor = unified()
  .use(remarkParse)
  .use(remarkCommentSyntax)
  .use(remarkGfm)
  .use(remarkBreaks)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, commentSanitizeSchema)
  .use(rehypeCommentLinks)
  .use(rehypeStringify)
  .freeze();

const rendered = new Map<string, string>();

/**
 * Renders one comment body to sanitized HTML. A single newline is a line break, a blank line a new
 * paragraph, as WordPress shows comments. Results are cached, so each body is rendered once per build.
 */
export function renderCommentBody(body: string): string {
  let html = rendered.get(body);
  if (html === undefined) {
    html = String(processor.processSync(body));
    rendered.set(body, html);
  }
  return html;
}
