import { expect, test } from 'vitest';

import { formatDate } from '@/lib/dates';

test('formats a date in the locale asked for, each time', () => {
  const day = new Date('2026-11-27T00:00:00Z');
  expect(formatDate(day, 'en-GB')).toBe('27 November 2026');
  expect(formatDate(day, 'en-US')).toBe('November 27, 2026');
  expect(formatDate(day, 'en-GB')).toBe('27 November 2026');
});

test('prints the UTC day wherever the build runs', () => {
  expect(formatDate(new Date('2026-11-27T23:30:00Z'), 'en-GB')).toBe('27 November 2026');
  expect(formatDate(new Date('2026-11-27T00:30:00+02:00'), 'en-GB')).toBe('26 November 2026');
});

test('gives every time of one UTC day the same text, and the next day its own, before 1970 too', () => {
  expect(formatDate(new Date('2026-11-27T00:00:00Z'), 'en-GB')).toBe('27 November 2026');
  expect(formatDate(new Date('2026-11-27T23:59:59.999Z'), 'en-GB')).toBe('27 November 2026');
  expect(formatDate(new Date('2026-11-28T00:00:00Z'), 'en-GB')).toBe('28 November 2026');
  expect(formatDate(new Date('1969-12-31T23:59:59Z'), 'en-GB')).toBe('31 December 1969');
  expect(formatDate(new Date('1969-12-31T00:00:00Z'), 'en-GB')).toBe('31 December 1969');
  expect(formatDate(new Date('1970-01-01T00:00:00Z'), 'en-GB')).toBe('1 January 1970');
});

test('refuses an invalid date as the formatter does', () => {
  expect(() => formatDate(new Date('not a date'), 'en-GB')).toThrow(RangeError);
});
