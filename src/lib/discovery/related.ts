/**
 * Articles related to the one being read, by the tags they share, and the articles published just
 * before and after it.
 */

/** What ranking needs to know of an article. */
export interface Relatable {
  /** Unique id (the article's slug). */
  id: string;
  /** Tag slugs (see `slugifyTag`), so spellings of one tag count as the same. */
  tagSlugs: readonly string[];
  published: Date;
  title: string;
}

/**
 * Up to `limit` articles sharing at least one tag with `current`: most shared tags first, then the
 * most recently published, then by title and id, so the order never depends on file order.
 */
export function relatedArticles<T extends Relatable>(current: T, candidates: readonly T[], limit: number): T[] {
  const tags = new Set(current.tagSlugs);
  return candidates
    .filter((candidate) => candidate.id !== current.id)
    .map((candidate) => ({ candidate, shared: new Set(candidate.tagSlugs.filter((slug) => tags.has(slug))).size }))
    .filter(({ shared }) => shared > 0)
    .sort(
      (a, b) =>
        b.shared - a.shared ||
        b.candidate.published.getTime() - a.candidate.published.getTime() ||
        a.candidate.title.localeCompare(b.candidate.title, 'en') ||
        (a.candidate.id < b.candidate.id ? -1 : 1),
    )
    .slice(0, Math.max(0, limit))
    .map(({ candidate }) => candidate);
}

/**
 * The articles published just before and just after the one with `id`.
 * @param newestFirst every published article, newest first (as the article list shows them)
 * @throws Error when no article has that id
 */
export function adjacentArticles<T extends { id: string }>(
  newestFirst: readonly T[],
  id: string,
): { previous: T | undefined; next: T | undefined } {
  const index = newestFirst.findIndex((article) => article.id === id);
  if (index === -1) throw new Error(`No published article "${id}" to find neighbours of.`);
  return { previous: newestFirst[index + 1], next: index > 0 ? newestFirst[index - 1] : undefined };
}
