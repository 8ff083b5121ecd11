/**
 * Site pages (`content/pages/<slug>.mdx`: about, editorial policy…) as the footer lists them.
 */

/** The fields of a site page the footer needs. */
export interface FooterCandidate {
  id: string;
  data: {
    title: string;
    /** Position in the footer, lowest first; pages without it stay out of the footer. */
    footer?: number | undefined;
  };
}

/** The pages that ask to be in the footer, in their `footer` order (ties by title, so the order is stable). */
export function footerPages<T extends FooterCandidate>(pages: readonly T[]): T[] {
  return pages
    .filter((page) => page.data.footer !== undefined)
    .sort((a, b) => a.data.footer! - b.data.footer! || a.data.title.localeCompare(b.data.title));
}
