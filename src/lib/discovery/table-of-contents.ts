/**
 * A table of contents for long articles, from the headings Astro reports for the rendered article.
 */

/** A heading as `render(entry)` reports it. */
export interface MarkdownHeading {
  /** 1 to 6, as in h1–h6. */
  depth: number;
  /** The heading's id on the page. */
  slug: string;
  /** The heading's text. */
  text: string;
}

/**
 * The article's second-level headings in page order, or none when there are fewer than `minimum`:
 * a short article is easier to scroll than to navigate.
 */
export function tableOfContents(headings: readonly MarkdownHeading[], minimum: number): MarkdownHeading[] {
  const sections = headings.filter((heading) => heading.depth === 2 && heading.slug !== '');
  return sections.length >= minimum ? sections : [];
}
