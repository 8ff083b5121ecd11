import { describe, expect, test } from 'vitest';

import { countOf, plural } from '@/lib/text/plural';

describe('plural', () => {
  test('gives the singular for exactly one', () => {
    expect(plural(1, 'reply', 'replies')).toBe('reply');
  });

  test('gives the plural for none and for more than one', () => {
    expect([0, 2, 10_000].map((count) => plural(count, 'reply', 'replies'))).toEqual(['replies', 'replies', 'replies']);
  });

  test('gives the plural for a fraction, one and a half included', () => {
    expect([0.5, 1.5].map((count) => plural(count, 'minute'))).toEqual(['minutes', 'minutes']);
  });

  test('adds an s when no plural is given', () => {
    expect(plural(2, 'article')).toBe('articles');
  });

  test('works for any pair of words, such as a verb that agrees with its count', () => {
    expect([plural(1, 'is', 'are'), plural(2, 'is', 'are')]).toEqual(['is', 'are']);
  });
});

describe('countOf', () => {
  test('writes the count before the word that goes with it', () => {
    expect([0, 1, 2].map((count) => countOf(count, 'reader comment'))).toEqual([
      '0 reader comments',
      '1 reader comment',
      '2 reader comments',
    ]);
  });

  test('uses the plural it is given', () => {
    expect(countOf(3, 'reply', 'replies')).toBe('3 replies');
  });
});
