import { describe, expect, test } from 'vitest';

import { findLineControl, hasVisibleText } from '@/lib/text/visible-text';

describe('hasVisibleText', () => {
  test.each([
    ['nothing', ''],
    ['ASCII white space', ' \t\n\r\f\v'],
    ['Unicode spaces and separators', '\u00a0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000\u0085'],
    ['zero-width characters', '\u200b\u200c\u200d\u2060\ufeff'],
    ['bidi controls', '\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069'],
    ['C0 and C1 controls', '\u0000\u0007\u001b\u007f\u0080\u009f'],
    ['the soft hyphen and invisible operators', '\u00ad\u2061\u2062\u2063\u2064'],
    ['Hangul fillers', '\u115f\u1160\u3164\uffa0'],
    ['variation selectors', '\ufe00\ufe0f\u180b\u{e0100}\u{e01ef}'],
    ['the combining grapheme joiner and combining marks alone', '\u034f\u0301\u0308'],
    ['tag characters', '\u{e0001}\u{e0020}\u{e007f}'],
    ['the Mongolian vowel separator', '\u180e'],
    ['a lone surrogate', '\ud800'],
    ['the blank Braille pattern', '\u2800'],
  ])('is false for %s', (_, text) => {
    expect(hasVisibleText(text)).toBe(false);
  });

  test.each([
    ['a letter', 'a'],
    ['a digit', '0'],
    ['punctuation', '.'],
    ['a letter with a combining accent', 'e\u0301'],
    ['an emoji', '😖'],
    ['an emoji with a variation selector', '❤\ufe0f'],
    ['CJK', '夜'],
    ['Arabic', 'ب'],
    ['Devanagari with a vowel sign', 'कि'],
    ['a letter among invisible characters', '\u200b\u3164x\u202e'],
  ])('is true for %s', (_, text) => {
    expect(hasVisibleText(text)).toBe(true);
  });
});

describe('findLineControl', () => {
  test('finds nothing in a plain name', () => {
    expect(findLineControl('Dr Jo Reviewer')).toBeUndefined();
  });

  test('names the first control character and its position, counting an emoji as one character', () => {
    expect(findLineControl('😖a\u0000b\u0001')).toEqual({ codePoint: 'U+0000', position: 3 });
  });

  test('leaves bidi marks, embeddings, overrides and isolates to the reader: pages isolate reader text', () => {
    expect(findLineControl('a\u202bb')).toBeUndefined();
    expect(findLineControl('\u202eevil')).toBeUndefined();
    expect(findLineControl('سارة\u200f')).toBeUndefined();
  });
});
