/**
 * Who wrote and who medically reviewed which article: the lists on a person's page.
 */

/** The fields of an article that credit people. */
export interface CreditedArticle {
  data: {
    /** Id of the writer. */
    author?: string | undefined;
    /** Id of the medical reviewer. */
    medicalReview?: { reviewer: string } | undefined;
  };
}

export interface PersonCredits<T> {
  /** Articles the person wrote, in the order given. */
  written: T[];
  /** Articles the person medically reviewed, in the order given. */
  reviewed: T[];
}

/** The articles `personId` wrote and reviewed, keeping the order of `articles` (newest first on the site). */
export function creditsOf<T extends CreditedArticle>(articles: readonly T[], personId: string): PersonCredits<T> {
  return {
    written: articles.filter((article) => article.data.author === personId),
    reviewed: articles.filter((article) => article.data.medicalReview?.reviewer === personId),
  };
}

/** People in the order of the people list: by name, as a reader looks for them. */
export function byName<T extends { data: { name: string } }>(people: Iterable<T>, locale: string): T[] {
  return [...people].sort((a, b) => a.data.name.localeCompare(b.data.name, locale));
}

/** A person as a byline or review note shows them: plain props for the components. */
export interface PersonCredit {
  name: string;
  /** Qualifications, shown after the name in the review note. */
  credentials?: string | undefined;
  /** Their page on this site. */
  href: string;
}
