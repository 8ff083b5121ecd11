/**
 * When a page was last reviewed and when its next review falls due: the NHS's "Page last reviewed /
 * Next review due", computed one way for the page foot, structured data and the editorial lint.
 */

/** The review-related dates of an article's frontmatter. */
export interface ReviewInput {
  published: Date;
  medicalReview?: { date: Date } | undefined;
  lastReviewed?: Date | undefined;
}

export interface ReviewDates {
  /** The later of the medical review and the editorial review; undefined if the page was never reviewed. */
  lastReviewed: Date | undefined;
  /** `cycleYears` after the last review, or after publication if there was none. */
  nextReviewDue: Date;
}

/** Adds whole years in UTC; 29 February falls back to 28 February in a common year. */
export function addYears(date: Date, years: number): Date {
  const result = new Date(date.getTime());
  result.setUTCFullYear(date.getUTCFullYear() + years);
  if (result.getUTCMonth() !== date.getUTCMonth()) result.setUTCDate(0);
  return result;
}

export function reviewDates(article: ReviewInput, cycleYears: number): ReviewDates {
  const reviews = [article.medicalReview?.date, article.lastReviewed].filter((date) => date !== undefined);
  const lastReviewed = reviews.length > 0 ? new Date(Math.max(...reviews.map((date) => date.getTime()))) : undefined;
  return { lastReviewed, nextReviewDue: addYears(lastReviewed ?? article.published, cycleYears) };
}
