/**
 * What the editorial lint reads from a built article page: the article body as readers get it, with its
 * headings, its images and its prose text. Reading the built HTML checks what is published (MDX
 * components and all), at the cost of needing a build first.
 */
import type { Element, Nodes, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

import { textStatistics, type TextStatistics } from './readability.ts';

export interface RenderedHeading {
  /** 2 for `<h2>` (`##` in Markdown), and so on. */
  level: number;
  text: string;
}

export interface RenderedImage {
  src: string;
  /** The `alt` attribute, undefined when there is none. */
  alt: string | undefined;
}

export interface RenderedArticle {
  /** Headings of the article body in order; the page title above them is the page's only `<h1>`. */
  headings: RenderedHeading[];
  images: RenderedImage[];
  /** The body's prose, one block (paragraph, list item…) a line: no headings, code, tables or footnotes. */
  text: string;
  /**
   * Words, sentences and syllables of `text`, for its readability: counted where the page is read, in the
   * build's worker thread, as counting syllables is most of the lint's cost.
   */
  statistics: TextStatistics;
}

const classes = (element: Element) => {
  const value = element.properties.className;
  return Array.isArray(value) ? value.map(String) : [];
};

function* elements(node: Nodes): Generator<Element> {
  if (node.type === 'element') yield node;
  if ('children' in node) for (const child of node.children) yield* elements(child);
}

/**
 * The article body: the element `pages/articles/[slug].astro` marks `data-article-body` inside the page's
 * first `<article>`. Not "the first `prose` block": a long article's table of contents is one too.
 */
function articleBody(root: Root): Element | undefined {
  const article = [...elements(root)].find((element) => element.tagName === 'article');
  return article && [...elements(article)].find((element) => element.properties.dataArticleBody !== undefined);
}

/** Parts of the body that are not prose to be read in sentences. */
const NOT_PROSE = (element: Element) =>
  // Struck-through text is not meant to be read; headings, code and tables are not sentences.
  /^(h[1-6]|pre|table|del|s|script|style)$/.test(element.tagName) ||
  element.properties.dataFootnotes !== undefined ||
  classes(element).includes('footnotes') ||
  // Footnote reference numbers in the text.
  (element.tagName === 'sup' && element.children.some((child) => child.type === 'element' && child.tagName === 'a'));

/** Removes the elements `drop` matches, with their content, from a copy of `element`. */
function without(element: Element, drop: (element: Element) => boolean): Element {
  return {
    ...element,
    children: element.children
      .filter((child) => child.type !== 'element' || !drop(child))
      .map((child) => (child.type === 'element' ? without(child, drop) : child)),
  };
}

/**
 * The part of a built article page the lint reads: from the article body (`data-article-body`) to the
 * comment section. The head, the site header and the article's header before it (whose comment count
 * changes with every comment) and the comments after it are most of the page and are left unparsed; a new
 * comment changes the page, not this part.
 */
export function articleSection(html: string): string {
  const article = Math.max(0, html.indexOf('<article'));
  const attribute = html.indexOf(' data-article-body', article);
  const start = attribute === -1 ? article : html.lastIndexOf('<', attribute);
  const end = html.indexOf('<section id="comments"', start);
  return html.slice(start, end === -1 ? undefined : end);
}

/** The article body of a built article page, or undefined when the page has none. */
export const readArticleBody = (html: string): RenderedArticle | undefined => readArticleSection(articleSection(html));

/** The article body in a page's `articleSection`, or undefined when it has none. */
export function readArticleSection(section: string): RenderedArticle | undefined {
  // A section that starts at the body is read inside an article, as the page has it.
  const html = section.startsWith('<article') ? section : `<article>${section}</article>`;
  const body = articleBody(fromHtml(html, { fragment: true }));
  if (!body) return undefined;
  const all = [...elements(body)];
  const text = toText(without(body, NOT_PROSE))
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
  return {
    headings: all
      .filter((element) => /^h[1-6]$/.test(element.tagName))
      .map((element) => ({ level: Number(element.tagName[1]), text: toText(element).replace(/\s+/g, ' ').trim() })),
    images: all
      .filter((element) => element.tagName === 'img')
      .map((element) => ({
        src: String(element.properties.src ?? ''),
        alt: element.properties.alt === undefined ? undefined : String(element.properties.alt),
      })),
    text,
    statistics: textStatistics(text),
  };
}
