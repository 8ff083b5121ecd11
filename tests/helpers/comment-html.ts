/**
 * What every rendered comment body must be, whatever the reader wrote: only the allowed tags and
 * attributes, links only to web pages and e-mail, no ids and so no fragment links, no link or element
 * with nothing to read, and no deeper nesting than the renderer's limit.
 */
import type { Element, Root, RootContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';

import { COMMENT_RENDER_LIMITS, commentSanitizeSchema } from '@/lib/comments/render-body';
import { hasVisibleText } from '@/lib/text/visible-text';

const ALLOWED_TAGS = new Set(commentSanitizeSchema.tagNames);

/** Attributes (as hast property names) each tag may carry in the output. */
const ALLOWED_PROPERTIES: Record<string, readonly string[]> = {
  a: ['href', 'title', 'rel'],
  abbr: ['title'],
  acronym: ['title'],
  blockquote: ['cite'],
  del: ['dateTime'],
  q: ['cite'],
  pre: ['tabIndex'],
};

const LINKABLE = /^(?:https?:\/\/|mailto:)/i;

const textOf = (node: RootContent): string =>
  node.type === 'text' ? node.value : node.type === 'element' ? node.children.map(textOf).join('') : '';

/** Everything wrong with one rendered body, as sentences; empty when it is what a comment may be. */
export function commentHtmlProblems(html: string): string[] {
  const problems: string[] = [];
  const tree: Root = fromHtml(html, { fragment: true });
  const walk = (nodes: RootContent[], depth: number) => {
    for (const node of nodes) {
      if (node.type === 'comment') problems.push('an HTML comment');
      if (node.type !== 'element') continue;
      check(node, depth);
      walk(node.children, depth + 1);
    }
  };
  const check = (node: Element, depth: number) => {
    const { tagName, properties } = node;
    if (!ALLOWED_TAGS.has(tagName)) problems.push(`a <${tagName}>, which is not allowed`);
    for (const name of Object.keys(properties))
      if (!(ALLOWED_PROPERTIES[tagName] ?? []).includes(name)) problems.push(`<${tagName} ${name}>, not allowed`);
    if (depth >= COMMENT_RENDER_LIMITS.nestingDepth && tagName !== 'br')
      problems.push(`a <${tagName}> nested ${depth + 1} deep`);
    if (tagName === 'br') return;
    if (!hasVisibleText(textOf(node))) problems.push(`a <${tagName}> with no visible text`);
    if (tagName === 'a' && !LINKABLE.test(String(properties.href)))
      problems.push(`a link to ${JSON.stringify(properties.href)}, not a web page or e-mail address`);
  };
  walk(tree.children, 0);
  return problems;
}
