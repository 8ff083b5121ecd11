import { describe, expect, test } from 'vitest';

import { noteLetter } from '@/lib/markdown/notes';

describe('noteLetter', () => {
  test('letters the first 26 notes a to z', () => {
    expect([1, 2, 26].map(noteLetter)).toEqual(['a', 'b', 'z']);
  });

  test('goes on as the CSS lower-alpha list counter does, so a marker matches its listed note', () => {
    expect([27, 28, 52, 53, 702, 703].map(noteLetter)).toEqual(['aa', 'ab', 'az', 'ba', 'zz', 'aaa']);
  });
});
