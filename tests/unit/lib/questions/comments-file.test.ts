/** The text of a comments file as the local store and the moderation command read and write it. */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { CommentsFileError, formatCommentsFile, parseCommentsFile } from '@/lib/questions/comments-file';
import { visible } from '@/lib/text/visible-text';
import { commentSchema, type CommentInput } from '@/schemas/comments';

const nonBlank = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((text) => text.trim() !== '');
/** Comments the schema accepts, with their fields in any order. */
const comment: fc.Arbitrary<CommentInput> = fc
  .record(
    {
      id: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/),
      author: nonBlank.map((text) => text.trim()),
      date: fc.constantFrom('2026-12-05', '2026-12-05T03:00:00.000Z', '2026-12-05T03:00:00+01:00'),
      title: nonBlank.map((text) => text.trim()),
      body: nonBlank,
      status: fc.constantFrom('approved' as const, 'pending' as const, 'spam' as const),
    },
    { requiredKeys: ['id', 'body'] },
  )
  .chain((record) => fc.shuffledSubarray(Object.entries(record), { minLength: Object.keys(record).length }))
  .map((entries) => Object.fromEntries(entries) as CommentInput)
  // Text of only invisible characters (a zero-width space, a variation selector) is not a comment.
  .filter((record) => commentSchema().safeParse(record).success);

describe('formatCommentsFile', () => {
  test('writes what parseCommentsFile reads back unchanged, whatever the field order it was given', () => {
    fc.assert(
      fc.property(fc.array(comment, { maxLength: 5 }), (comments) => {
        const text = formatCommentsFile(comments);
        expect(parseCommentsFile(new TextEncoder().encode(text), 'f.json').written).toEqual(comments);
        expect(formatCommentsFile(parseCommentsFile(new TextEncoder().encode(text), 'f.json').written)).toBe(text);
      }),
    );
  });

  test('writes fields in the order id, parent, person, author, authorUrl, date, title, body, status', () => {
    const text = formatCommentsFile([
      {
        status: 'pending',
        body: 'b',
        title: 't',
        date: '2026-12-05',
        authorUrl: 'https://example.org/',
        author: 'a',
        person: 'jo',
        parent: 'q1',
        id: 'r1',
      },
    ]);
    expect(Object.keys(JSON.parse(text).comments[0])).toEqual([
      'id',
      'parent',
      'person',
      'author',
      'authorUrl',
      'date',
      'title',
      'body',
      'status',
    ]);
    expect(text.endsWith('\n  ]\n}\n')).toBe(true);
  });
});

describe('parseCommentsFile', () => {
  test('refuses a file cut short, pointing at its end', () => {
    expect(() => parseCommentsFile(new TextEncoder().encode('{\n  "comments": [\n'), 'c.json')).toThrow(
      /^c\.json: is not valid JSON at line 3, column 1 \(.+\)\. Fix: look for a missing comma/,
    );
  });

  test('refuses a comment the schema refuses, naming the comment and field', () => {
    const error = (() => {
      try {
        parseCommentsFile(new TextEncoder().encode(JSON.stringify({ comments: [{ id: 'q1', body: ' ' }] })), 'c.json');
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(CommentsFileError);
    expect((error as Error).message).toMatch(/^c\.json:1:25: comment "q1", field "body": /);
  });
});

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/;

describe('visible', () => {
  test('leaves no character that could move the cursor, recolour or reorder a terminal line', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        expect(visible(text)).not.toMatch(UNSAFE);
      }),
    );
  });
});
