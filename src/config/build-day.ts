/**
 * The day a build publishes as: articles whose `published` day is later are scheduled, left out of
 * every page, feed, sitemap and search index until a build on or after their day (`lib/publication.ts`).
 * `BUILD_DATE` (`YYYY-MM-DD`) pins it, for tests and to see the site as it will be on a given day;
 * otherwise it is today, in UTC like every date of the site.
 */
import { calendarDay, type CalendarDay } from '@/lib/publication';

/**
 * The build day an environment gives, `now` standing for the clock.
 * @throws Error naming the setting when `BUILD_DATE` is not a real date written `YYYY-MM-DD`
 */
export function buildDayFrom(env: Readonly<Record<string, string | undefined>>, now = new Date()): CalendarDay {
  const written = env.BUILD_DATE?.trim();
  if (!written) return calendarDay(now);
  const day = /^\d{4}-\d{2}-\d{2}$/.test(written) ? new Date(`${written}T00:00:00Z`) : undefined;
  if (!day || Number.isNaN(day.getTime()) || calendarDay(day) !== written) {
    throw new Error(
      `BUILD_DATE="${env.BUILD_DATE}" is not a date: write the day to build as YYYY-MM-DD, such as BUILD_DATE=${calendarDay(now)}, or leave it out to build as of today.`,
    );
  }
  return written;
}

/** This build's day. */
export const buildDay: CalendarDay = buildDayFrom(process.env);
