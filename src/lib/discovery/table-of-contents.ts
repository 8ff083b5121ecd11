/**
 * A table of contents for long articles, from the headings Astro reports for the rendered article.
 */
import { NOTES_HEADING_ID } from '@/lib/markdown/notes';

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
 * The article's second-level headings in page order, then `after` (headings the page adds below the
 * text, such as its References), or none when the article has fewer than `minimum` sections of its own:
 * a short article is easier to scroll than to navigate. The footnotes' "Notes" heading and `after` are
 * listed but are not sections the writer made, so they do not count.
 */
export function tableOfContents(
  headings: readonly MarkdownHeading[],
  minimum: number,
  after: readonly MarkdownHeading[] = [],
): MarkdownHeading[] {
  const entries = headings.filter((heading) => heading.depth === 2 && heading.slug !== '');
  const sections = entries.filter((heading) => heading.slug !== NOTES_HEADING_ID);
  return sections.length >= minimum ? [...entries, ...after] : [];
}
