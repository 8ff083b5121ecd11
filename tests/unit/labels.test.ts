import { describe, expect, test } from 'vitest';

import { authorName, commentCountHeading, foldLabel } from '@/lib/comments';

describe('commentCountHeading', () => {
  test('counts many comments', () => {
    expect(commentCountHeading(13, 'Leg Cramps')).toBe('13 thoughts on “Leg Cramps”');
  });
  test('says "One thought" for a single comment', () => {
    expect(commentCountHeading(1, 'Leg Cramps')).toBe('One thought on “Leg Cramps”');
  });
  test('says there are none yet for no comments', () => {
    expect(commentCountHeading(0, 'Leg Cramps')).toBe('No thoughts yet on “Leg Cramps”');
  });
});

describe('authorName', () => {
  test('shows "Anonymous" when the writer is unknown', () => {
    expect(authorName(undefined)).toBe('Anonymous');
  });
  test('shows the name the writer gave', () => {
    expect(authorName('Jo')).toBe('Jo');
  });
});

describe('foldLabel', () => {
  test('uses the singular for one reply', () => {
    expect(foldLabel('Hide', 1)).toBe('Hide 1 reply');
  });
  test('uses the plural for several replies', () => {
    expect(foldLabel('Show', 3)).toBe('Show 3 replies');
  });
});
