import { describe, expect, test } from 'vitest';

import { addYears, reviewDates } from '@/lib/editorial/review';

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('reviewDates', () => {
  test('a page never reviewed is due a review one cycle after publication', () => {
    expect(reviewDates({ published: day('2026-11-27') }, 3)).toEqual({
      lastReviewed: undefined,
      nextReviewDue: day('2029-11-27'),
    });
  });

  test('the last review is the later of the medical and the editorial review', () => {
    const dates = reviewDates(
      { published: day('2020-01-01'), medicalReview: { date: day('2023-05-01') }, lastReviewed: day('2024-02-10') },
      3,
    );
    expect(dates).toEqual({ lastReviewed: day('2024-02-10'), nextReviewDue: day('2027-02-10') });
  });

  test('an editorial review older than the medical review does not count as the last review', () => {
    const dates = reviewDates(
      { published: day('2020-01-01'), medicalReview: { date: day('2023-05-01') }, lastReviewed: day('2021-01-01') },
      2,
    );
    expect(dates.lastReviewed).toEqual(day('2023-05-01'));
  });
});

describe('addYears', () => {
  test('29 February moves to 28 February in a common year', () => {
    expect(addYears(day('2024-02-29'), 1)).toEqual(day('2025-02-28'));
  });
});
