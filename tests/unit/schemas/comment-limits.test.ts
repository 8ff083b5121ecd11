/**
 * The limits and visible-text rules every comment obeys, wherever it comes from: the comment schema is
 * the one place the content check, the build, the importer and the question form ask.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { COMMENT_LIMITS, commentSchema } from '@/schemas/comments';

/** The messages of a rejected comment, by field. */
function refusal(comment: Record<string, unknown>): Record<string, string> {
  const result = commentSchema().safeParse({ id: 'q1', body: 'A question.', ...comment });
  expect(result.success).toBe(false);
  return Object.fromEntries(result.error!.issues.map((issue) => [issue.path.join('.'), issue.message]));
}

const accepts = (comment: Record<string, unknown>) =>
  commentSchema().safeParse({ id: 'q1', body: 'A question.', ...comment }).success;

const VISIBLE_TEXT = /^must contain visible text/;

describe('the body', () => {
  test('may be exactly the maximum length, 65,525 characters (WordPress’s own limit)', () => {
    expect(COMMENT_LIMITS.bodyCharacters).toBe(65_525);
    expect(accepts({ body: 'a'.repeat(COMMENT_LIMITS.bodyCharacters) })).toBe(true);
  });

  test('is refused one character longer, saying how long it is and what to do', () => {
    expect(refusal({ body: 'a'.repeat(COMMENT_LIMITS.bodyCharacters + 1) })).toEqual({
      body: 'is 65,526 characters long, more than the 65,525 a comment may have: shorten it, or split it into two comments',
    });
  });

  test('counts characters as JavaScript does, so a WordPress comment (counted in bytes) always fits', () => {
    // 16,381 emoji are 65,524 bytes in UTF-8 and 32,762 UTF-16 code units.
    expect(accepts({ body: '😖'.repeat(16_381) })).toBe(true);
  });

  test.each([
    ['only spaces and line breaks', ' \n\t '],
    ['only a no-break space and an ideographic space', '\u00a0\u3000'],
  ])('with %s is refused as empty', (_, body) => {
    expect(refusal({ body })).toEqual({ body: 'must not be empty' });
  });

  test.each([
    ['a zero-width space', '\u200b'],
    ['a byte order mark and a word joiner', '\ufeff\u2060'],
    ['bidi controls', '\u202e\u2066\u2069\u200f'],
    ['Hangul fillers', '\u3164\u115f\uffa0'],
    ['variation selectors', '\ufe0f\u{e0100}'],
    ['a combining mark alone', '\u0301'],
    ['a soft hyphen', '\u00ad'],
    ['tag characters', '\u{e0041}\u{e0042}'],
    ['a blank Braille pattern', '\u2800'],
    ['an empty paragraph tag', '<p></p>'],
    ['an HTML comment', '<!-- hello -->'],
    ['a character reference to a zero-width space', '&#8203;'],
    ['bold around a zero-width space', '**\u200b**'],
    ['a link whose address is removed and which has no text', '[](javascript:alert(1))'],
    ['an image, which is removed', '<img src="https://x.example/a.png" alt="a">'],
  ])('with only %s is refused: it must contain visible text', (_, body) => {
    expect(refusal({ body }).body).toMatch(VISIBLE_TEXT);
  });

  test.each([
    ['a word', 'ok'],
    ['an accented letter written with a combining mark', 'e\u0301'],
    ['an emoji', '😖'],
    ['a question mark in Arabic', '؟'],
    ['punctuation Markdown leaves as typed', '***'],
    ['a link with no text, which shows its address', '[](https://x.example/)'],
    ['a character reference to a letter', '&eacute;'],
    ['a code span', '`x`'],
    ['text after a zero-width space', '\u200bhello'],
  ])('with %s is accepted', (_, body) => {
    expect(accepts({ body })).toBe(true);
  });
});

describe.each([
  ['title', COMMENT_LIMITS.titleCharacters, 'a question line'],
  ['author', COMMENT_LIMITS.authorCharacters, 'a name'],
] as const)('the %s', (field, limit, what) => {
  test(`may be ${limit} characters long, and is refused one longer`, () => {
    expect(accepts({ [field]: 'x'.repeat(limit) })).toBe(true);
    expect(refusal({ [field]: 'x'.repeat(limit + 1) })).toEqual({
      [field]: `is ${limit + 1} characters long, more than the ${limit} ${what} may have: shorten it`,
    });
  });

  test.each([
    ['a zero-width space', '\u200b'],
    ['a Hangul filler', '\u3164'],
    ['a no-break space', '\u00a0'],
    ['a variation selector', '\ufe0f'],
  ])('of only %s is refused: it must contain visible text', (_, value) => {
    expect(refusal({ [field]: value })[field]).toMatch(VISIBLE_TEXT);
  });

  test.each([
    ['NUL', 'Sam\u0000', 'U+0000 at character 4'],
    ['a line break', 'Sam\nSmith', 'U+000A at character 4'],
    ['an escape', '\u001b[31mSam', 'U+001B at character 1'],
    ['a tab after an emoji', '😖\tx', 'U+0009 at character 2'],
  ])('with %s is refused, naming the character and where it is', (_, value, where) => {
    expect(refusal({ [field]: value })).toEqual({
      [field]: `contains the control character ${where}: remove it`,
    });
  });

  test.each([['José'], ['سارة'], ['王小明'], ['Dr Jo Reviewer, MBBS'], ['\u202eevil'], ['\u2067سارة\u2069 Smith']])(
    '%s is accepted',
    (value) => {
      expect(accepts({ [field]: value })).toBe(true);
    },
  );
});

describe('the content check', () => {
  const dir = mkdtempSync(join(tmpdir(), 'comment-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('names the file, the comment and the field of a body that is too long or shows nothing', () => {
    mkdirSync(join(dir, 'articles'));
    mkdirSync(join(dir, 'comments'));
    writeFileSync(
      join(dir, 'articles/cramps.mdx'),
      '---\ntitle: Cramps\ndescription: What helps.\npublished: 2024-05-01\n---\n\nText.\n',
    );
    const comments = [
      { id: 'long', body: 'a'.repeat(COMMENT_LIMITS.bodyCharacters + 1) },
      { id: 'blank', body: '\u200b' },
      { id: 'fine', body: 'A question.', title: '\u200b' },
    ];
    writeFileSync(join(dir, 'comments/cramps.json'), JSON.stringify({ comments }));
    const lines = checkContent(dir, dir).problems.map(formatProblem);
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(
      /^comments\/cramps\.json:1:27: comment "long", field "body": is 65,526 characters long, more than the 65,525/,
    );
    expect(lines[1]).toMatch(/^comments\/cramps\.json:1:\d+: comment "blank", field "body": must contain visible text/);
    expect(lines[2]).toMatch(/^comments\/cramps\.json:1:\d+: comment "fine", field "title": must contain visible text/);
  });
});
