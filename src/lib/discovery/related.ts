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

const byTitle = new Intl.Collator('en').compare;

interface Ranked<T> {
  candidate: T;
  shared: number;
}

/** Whether `a` ranks before `b`: more shared tags, then newer, then by title, then by id. */
const ranksBefore = <T extends Relatable>(a: Ranked<T>, b: Ranked<T>) =>
  (b.shared - a.shared ||
    b.candidate.published.getTime() - a.candidate.published.getTime() ||
    byTitle(a.candidate.title, b.candidate.title) ||
    (a.candidate.id < b.candidate.id ? -1 : 1)) < 0;

/**
 * Up to `limit` articles sharing at least one tag with `current`: most shared tags first, then the
 * most recently published, then by title and id, so the order never depends on file order.
 * One pass over the candidates keeping the best `limit`, instead of sorting all of them: every article
 * page asks, so this runs once per article for every article.
 */
export function relatedArticles<T extends Relatable>(current: T, candidates: readonly T[], limit: number): T[] {
  const tags = new Set(current.tagSlugs);
  const best: Ranked<T>[] = [];
  const keep = Math.floor(limit);
  if (!(keep >= 1) || tags.size === 0) return [];
  for (const candidate of candidates) {
    if (candidate.id === current.id) continue;
    let shared = 0;
    candidate.tagSlugs.forEach((slug, index) => {
      // A slug listed twice counts once.
      if (tags.has(slug) && candidate.tagSlugs.indexOf(slug) === index) shared++;
    });
    if (shared === 0) continue;
    const ranked = { candidate, shared };
    if (best.length === keep && !ranksBefore(ranked, best[keep - 1]!)) continue;
    let at = Math.min(best.length, keep - 1);
    while (at > 0 && ranksBefore(ranked, best[at - 1]!)) at--;
    best.splice(at, 0, ranked);
    best.length = Math.min(best.length, keep);
  }
  return best.map(({ candidate }) => candidate);
}

/**
 * The articles sharing at least one tag with `current`, each once: the only ones `relatedArticles` can
 * pick, so it need not look at every article for every page (at 5,000 articles that was 6 s of a build).
 * @param byTag each tag's articles by tag slug, each once (the tag pages' grouping, `groupByTag`)
 */
export function sharingTags<T extends Relatable>(current: T, byTag: ReadonlyMap<string, readonly T[]>): T[] {
  return [...new Set(current.tagSlugs.flatMap((slug) => byTag.get(slug) ?? []))];
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
