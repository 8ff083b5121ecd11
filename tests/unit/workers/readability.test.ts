import { describe, expect, test } from 'vitest';

import { fleschKincaidGrade, textStatistics } from '@/workers/readability';

describe('fleschKincaidGrade', () => {
  test('gives 11.3 for 13 words, 24 syllables, one sentence (Wikipedia’s platypus example)', () => {
    // "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature."
    expect(fleschKincaidGrade({ words: 13, sentences: 1, syllables: 24 })!.toFixed(1)).toBe('11.3');
  });

  test('is 0.39 × words per sentence + 11.8 × syllables per word − 15.59', () => {
    expect(fleschKincaidGrade({ words: 100, sentences: 5, syllables: 150 })).toBeCloseTo(9.91, 10);
    expect(fleschKincaidGrade({ words: 6, sentences: 1, syllables: 6 })).toBeCloseTo(-1.45, 10);
  });

  test('is undefined for a text without words', () => {
    expect(fleschKincaidGrade({ words: 0, sentences: 0, syllables: 0 })).toBeUndefined();
  });
});

describe('textStatistics', () => {
  test('counts words, sentences and syllables of a plain sentence', () => {
    expect(textStatistics('The cat sat on the mat.')).toEqual({ words: 6, sentences: 1, syllables: 6 });
  });

  test('ends a sentence at ., ! or ? followed by more words', () => {
    expect(textStatistics('It hurts. Does it? Yes! Rest now').sentences).toBe(4);
  });

  test('counts each block as a sentence even without a full stop, as list items often are', () => {
    expect(textStatistics('Drink water\nStretch your legs\nRest.').sentences).toBe(3);
  });

  test('counts a word with an apostrophe or hyphen once', () => {
    expect(textStatistics('Don’t over-exercise').words).toBe(2);
  });

  test('gives every word at least one syllable, numbers included', () => {
    expect(textStatistics('In 2026')).toEqual({ words: 2, sentences: 1, syllables: 2 });
  });

  test('leaves out web addresses', () => {
    expect(textStatistics('Visit https://www.nhs.uk/conditions/leg-cramps/ today.').words).toBe(2);
  });

  test('counts syllables with the syllable package', () => {
    expect(textStatistics('Physiological mechanisms').syllables).toBe(9);
  });
});
