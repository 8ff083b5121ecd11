/**
 * Whether readers see an article: a draft never; an article whose `published` day is still to come is
 * scheduled, and appears in the first build on or after that day. Days are UTC calendar days, the days
 * `published` is written in (`YYYY-MM-DD`).
 */
import { formatDate } from '@/lib/dates';

/** Where an article stands on a given day. */
export type Publication = 'published' | 'draft' | 'scheduled';

/** A calendar day written `YYYY-MM-DD`, as in the frontmatter. */
export type CalendarDay = string;

/** What an article's frontmatter says about its publication. */
export interface PublicationFields {
  draft: boolean;
  published: Date;
}

/** The UTC calendar day of `date`, `YYYY-MM-DD`. */
export const calendarDay = (date: Date): CalendarDay => date.toISOString().slice(0, 10);

/** Where the article stands on `today`: a draft stays a draft whatever its date. */
export function publicationOf(article: PublicationFields, today: CalendarDay): Publication {
  if (article.draft) return 'draft';
  return calendarDay(article.published) > today ? 'scheduled' : 'published';
}

/** Whether a build made on `today` publishes the article (and its comments). */
export const isPublishedOn = (article: PublicationFields, today: CalendarDay): boolean =>
  publicationOf(article, today) === 'published';

/**
 * The banner over an article that readers cannot see yet, shown only by `npm run dev`; none for a
 * published one.
 */
export function unpublishedBanner(article: PublicationFields, today: CalendarDay, locale: string): string | undefined {
  switch (publicationOf(article, today)) {
    case 'draft':
      return 'Draft: not published';
    case 'scheduled':
      return `Scheduled: not published until ${formatDate(article.published, locale)}`;
    case 'published':
      return undefined;
  }
}

/**
 * The build log's list of what is scheduled and when: a line saying how many, then one line per
 * article, soonest first. Nothing when no article waits for its day.
 */
export function scheduleLines(
  articles: readonly (PublicationFields & { slug: string })[],
  today: CalendarDay,
): string[] {
  const scheduled = articles
    .filter((article) => publicationOf(article, today) === 'scheduled')
    .map((article) => ({ slug: article.slug, day: calendarDay(article.published) }))
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.slug < b.slug ? -1 : 1));
  if (scheduled.length === 0) return [];
  const [count, its] = scheduled.length === 1 ? ['1 article', 'its'] : [`${scheduled.length} articles`, 'their'];
  return [
    `Scheduled: ${count}, left out of this build (${today}) with ${its} comments until a build on or after ${its} day:`,
    ...scheduled.map(({ slug, day }) => `  ${day}  article "${slug}"`),
  ];
}
