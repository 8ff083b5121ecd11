/**
 * Numbered references and the inline citations that point at them: `<Cite n={2} />` in an article
 * links to the second entry of its `references`, and that entry links back to the first citation.
 */

/** The References list's heading, which a long article's table of contents lists last. */
export const REFERENCES_HEADING = { depth: 2, slug: 'references-heading', text: 'References' } as const;

/** Id of reference `n` (1-based) in the References list. */
export const referenceId = (n: number) => `ref-${n}`;

/**
 * Id of a citation of reference `n`: `cite-<n>` for the first, `cite-<n>-<k>` for the k-th, so that a
 * source cited twice still gives every citation an id of its own.
 */
export const citationId = (n: number, occurrence: number) =>
  occurrence === 1 ? `cite-${n}` : `cite-${n}-${occurrence}`;

/** `<Cite n={3} />` or `<Cite n="3" />` in MDX source. */
const CITE = /<Cite\s[^>]*?\bn\s*=\s*(?:\{\s*(\d+)\s*\}|"(\d+)"|'(\d+)')/g;

/**
 * The reference numbers an MDX body cites, each once, in order of first citation. Read from the
 * source, so the References list knows which entries have a citation to link back to.
 */
export function citedReferences(mdxBody: string): number[] {
  const cited = new Set<number>();
  for (const match of mdxBody.matchAll(CITE)) cited.add(Number(match[1] ?? match[2] ?? match[3]));
  return [...cited];
}

/**
 * Hands out citation ids in the order citations are rendered. One counter per page render, kept in
 * `Astro.locals` by the `Cite` component.
 */
export class CitationCounter {
  private readonly seen = new Map<number, number>();

  /** The id for the next citation of reference `n`. */
  next(n: number): string {
    const occurrence = (this.seen.get(n) ?? 0) + 1;
    this.seen.set(n, occurrence);
    return citationId(n, occurrence);
  }
}

/** The full stop after a part of a reference, unless the part already ends a sentence ("Why?"). */
export const fullStopAfter = (text: string) => (/[.?!]$/.test(text.trim()) ? '' : '.');
