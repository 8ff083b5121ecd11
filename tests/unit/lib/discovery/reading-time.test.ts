import { readFileSync } from 'node:fs';

import { describe, expect, test } from 'vitest';

import { countWords, readableText, readingMinutes } from '@/lib/discovery/reading-time';

const SEED_ARTICLE = new URL('../../../../content/articles/leg-cramps-sign-of-pregnancy.mdx', import.meta.url);

const words = (count: number) => Array.from({ length: count }, () => 'word').join(' ');

describe('readingMinutes', () => {
  test('is the number of words over the reading pace, rounded up', () => {
    expect(readingMinutes(words(401), 200, 'en-GB')).toBe(3);
  });

  test('is exactly the quotient when the words fill whole minutes', () => {
    expect(readingMinutes(words(400), 200, 'en-GB')).toBe(2);
  });

  test('is at least a minute for any text', () => {
    expect(readingMinutes('Short.', 200, 'en-GB')).toBe(1);
  });

  test('is 0 for an article without words', () => {
    expect(readingMinutes('  \n## \n', 200, 'en-GB')).toBe(0);
  });

  test('follows the pace it is given', () => {
    expect(readingMinutes(words(400), 100, 'en-GB')).toBe(4);
  });

  test('refuses a pace of 0 words a minute', () => {
    expect(() => readingMinutes('text', 0, 'en-GB')).toThrow(RangeError);
  });
});

describe('countWords', () => {
  test('counts words, not punctuation or Markdown marks', () => {
    expect(countWords('# Leg cramps — **why** they happen, and what helps.', 'en-GB')).toBe(8);
  });

  test('counts a word with an apostrophe as one word', () => {
    expect(countWords("It’s a cramp, isn't it", 'en-GB')).toBe(5);
  });

  test('counts numbers, abbreviations and hyphenated words as the Unicode word boundaries do', () => {
    const text =
      "Take 1,200 mg (2.5 tablets), e.g. with food; a well-being check-up for naïve users of foo_bar. At 10:30, a 1:1000 mix of H2O and H₂O in the 1990's, version 2.x, a.1 and 1.a, ½ cup.";
    const segmenter = new Intl.Segmenter('en-GB', { granularity: 'word' });
    const expected = [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length;
    expect(countWords(text, 'en-GB')).toBe(expected);
  });

  test('counts the seed article as the Unicode word boundaries do', () => {
    const text = readableText(readFileSync(SEED_ARTICLE, 'utf8'));
    const segmenter = new Intl.Segmenter('en-GB', { granularity: 'word' });
    const expected = [...segmenter.segment(text)].filter((segment) => segment.isWordLike).length;
    expect(expected).toBeGreaterThan(500);
    expect(countWords(text, 'en-GB')).toBe(expected);
  });

  test('counts words in a script written without spaces', () => {
    expect(countWords('腿抽筋是怀孕的迹象吗', 'zh')).toBe(7);
  });
});

describe('readableText', () => {
  test('keeps link text and drops the address', () => {
    expect(countWords(readableText('See [the NHS page](https://www.nhs.uk/conditions/leg-cramps/).'), 'en')).toBe(4);
  });

  test('drops images, MDX imports and tags', () => {
    const mdx = [
      "import Callout from '../../components/Callout.astro';",
      '',
      '![A diagram of the calf muscle](./calf.png)',
      '',
      '<Callout type="urgent">Call now</Callout>',
    ].join('\n');
    expect(countWords(readableText(mdx), 'en')).toBe(2);
  });

  test('counts a bare address as one word', () => {
    expect(countWords(readableText('Visit https://www.nhs.uk/conditions/leg-cramps/ today'), 'en')).toBe(3);
  });

  test('drops footnote markers but keeps the footnote text', () => {
    expect(countWords(readableText('A claim.[^1]\n\n[^1]: The source.'), 'en')).toBe(4);
  });
});
