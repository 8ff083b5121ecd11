import { describe, expect, test } from 'vitest';

import { buildDayFrom } from '@/config/build-day';
import { isPublishedOn, publicationOf, scheduleLines, unpublishedBanner } from '@/lib/publication';

/** An article published on `day`, as the schema gives its date: midnight UTC. */
const on = (day: string, draft = false) => ({ draft, published: new Date(`${day}T00:00:00Z`) });

describe('publicationOf, with today pinned to 2026-12-10', () => {
  const today = '2026-12-10';

  test('an article dated the day before is published', () => {
    expect(publicationOf(on('2026-12-09'), today)).toBe('published');
  });

  test('an article dated today is published', () => {
    expect(publicationOf(on('2026-12-10'), today)).toBe('published');
  });

  test('an article dated the day after is scheduled', () => {
    expect(publicationOf(on('2026-12-11'), today)).toBe('scheduled');
  });

  test('a draft is a draft whatever its date', () => {
    expect([on('2026-12-09', true), on('2026-12-11', true)].map((article) => publicationOf(article, today))).toEqual([
      'draft',
      'draft',
    ]);
  });

  test('a scheduled article is published by the build on its day and every build after it', () => {
    const article = on('2026-12-11');
    expect(['2026-12-10', '2026-12-11', '2026-12-12', '2027-01-01'].map((day) => isPublishedOn(article, day))).toEqual([
      false,
      true,
      true,
      true,
    ]);
  });
});

describe('unpublishedBanner', () => {
  test('says a draft is not published', () => {
    expect(unpublishedBanner(on('2026-12-01', true), '2026-12-10', 'en-GB')).toBe('Draft: not published');
  });

  test('says when a scheduled article will be published', () => {
    expect(unpublishedBanner(on('2026-12-24'), '2026-12-10', 'en-GB')).toBe(
      'Scheduled: not published until 24 December 2026',
    );
  });

  test('is absent on a published article', () => {
    expect(unpublishedBanner(on('2026-12-10'), '2026-12-10', 'en-GB')).toBeUndefined();
  });
});

describe('scheduleLines', () => {
  test('lists what is scheduled and when, soonest first, drafts and published articles left out', () => {
    const articles = [
      { slug: 'winter-flu', ...on('2026-12-24') },
      { slug: 'old', ...on('2026-01-01') },
      { slug: 'unfinished', ...on('2026-12-20', true) },
      { slug: 'sleep', ...on('2026-12-11') },
    ];
    expect(scheduleLines(articles, '2026-12-10')).toEqual([
      'Scheduled: 2 articles, left out of this build (2026-12-10) with their comments until a build on or after their day:',
      '  2026-12-11  article "sleep"',
      '  2026-12-24  article "winter-flu"',
    ]);
  });

  test('says nothing when nothing is scheduled', () => {
    expect(scheduleLines([{ slug: 'today', ...on('2026-12-10') }], '2026-12-10')).toEqual([]);
  });
});

describe('buildDayFrom', () => {
  const now = new Date('2026-12-05T23:59:00Z');

  test('is today in UTC when BUILD_DATE is not set', () => {
    expect(buildDayFrom({}, now)).toBe('2026-12-05');
    expect(buildDayFrom({ BUILD_DATE: ' ' }, now)).toBe('2026-12-05');
  });

  test('takes the day BUILD_DATE gives', () => {
    expect(buildDayFrom({ BUILD_DATE: '2027-02-28' }, now)).toBe('2027-02-28');
  });

  test.each(['2027-02-30', '5 December 2026', '2026-12-5', '20261205'])(
    'refuses BUILD_DATE=%s, naming the setting and the form to write',
    (written) => {
      expect(() => buildDayFrom({ BUILD_DATE: written }, now)).toThrow(
        `BUILD_DATE="${written}" is not a date: write the day to build as YYYY-MM-DD, such as BUILD_DATE=2026-12-05, or leave it out to build as of today.`,
      );
    },
  );
});
