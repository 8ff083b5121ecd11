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
