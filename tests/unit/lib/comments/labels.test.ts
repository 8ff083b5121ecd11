import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import {
  articleQuestions,
  authorName,
  commentCountHeading,
  foldLabel,
  isStandInHeading,
  phraseText,
  shortTitle,
  uniqueCommentHeadings,
} from '@/lib/comments';

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

describe('uniqueCommentHeadings', () => {
  const headings = (comments: Parameters<typeof uniqueCommentHeadings>[0]) =>
    uniqueCommentHeadings(comments).map(phraseText);

  test('heads a question with its question line, and a comment without one as a comment', () => {
    expect(
      headings([
        { comment: { title: 'Normal?' }, parent: undefined },
        { comment: {}, parent: undefined },
      ]),
    ).toEqual(['Normal?', 'Comment']);
  });

  test('heads a reply by what it answers, not by its own writer', () => {
    expect(
      headings([
        { comment: { author: 'Jo' }, parent: { title: 'Normal?' } },
        { comment: { author: 'Jo' }, parent: { author: 'Sam' } },
        { comment: { author: 'Jo' }, parent: {} },
      ]),
    ).toEqual(['Reply to “Normal?”', 'Reply to Sam', 'Reply to Anonymous']);
  });

  test('numbers headings that would be the same, in reading order', () => {
    expect(
      headings([
        { comment: {}, parent: undefined },
        { comment: {}, parent: { title: 'Q' } },
        { comment: {}, parent: { title: 'Q' } },
        { comment: {}, parent: undefined },
        { comment: { title: 'Q' }, parent: undefined },
        { comment: { title: 'Q' }, parent: undefined },
      ]),
    ).toEqual(['Comment 1', 'Reply 1 to “Q”', 'Reply 2 to “Q”', 'Comment 2', 'Q', 'Q (2)']);
  });

  test('gives every comment a heading of its own, whatever readers write', () => {
    // Titles and names drawn from a few that collide with the site's own words ("Reply to Sam", "Comment 2").
    const text = fc.constantFrom(
      undefined,
      'Q',
      'Sam',
      'Anonymous',
      'Reply to Sam',
      'Comment 2',
      'Q (2)',
      'Reply 1 to “Q”',
    );
    const comment = fc.record({ title: text, author: text });
    const entry = fc.record({ comment, parent: fc.option(comment, { nil: undefined }) });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), (comments) => {
        const result = headings(comments);
        expect(new Set(result).size).toBe(result.length);
      }),
    );
  });

  test('keeps what readers wrote apart from the site’s words, for isolation', () => {
    expect(uniqueCommentHeadings([{ comment: {}, parent: { author: '\u202Eevil' } }])).toEqual([
      ['Reply to ', { readerText: '\u202Eevil' }],
    ]);
  });
});

describe('shortTitle', () => {
  test('keeps a short question line whole', () => {
    expect(shortTitle('Are cramps normal?')).toBe('Are cramps normal?');
  });
  test('cuts a long one at the last word that fits', () => {
    expect(shortTitle('one two three four', 12)).toBe('one two…');
  });
  test('never splits a character made of two code units', () => {
    expect(shortTitle('😀'.repeat(5), 3)).toBe('😀😀😀…');
  });
});

describe('articleQuestions', () => {
  test('invites questions on a published article when the site takes them', () => {
    expect(articleQuestions(true, { draft: false, questions: true })).toBe('open');
  });
  test('is closed on an article that opted out', () => {
    expect(articleQuestions(true, { draft: false, questions: false })).toBe('closed');
  });
  test('is off when the site takes no questions, or for a draft', () => {
    expect(articleQuestions(false, { draft: false, questions: true })).toBe('off');
    expect(articleQuestions(true, { draft: true, questions: true })).toBe('off');
  });
});

describe('isStandInHeading', () => {
  test('recognises the headings given to top-level comments without a question line', () => {
    const headings = uniqueCommentHeadings([
      { comment: {}, parent: undefined },
      { comment: {}, parent: undefined },
      { comment: { title: 'Comment 2' }, parent: undefined },
    ]).map(phraseText);
    expect(headings).toEqual(['Comment 1', 'Comment 2', 'Comment 2 (2)']);
    expect(headings.slice(0, 2).every(isStandInHeading)).toBe(true);
    expect(isStandInHeading('Comment')).toBe(true);
  });

  test('does not take a question line or a reply’s heading for one', () => {
    for (const heading of ['Are cramps normal?', 'Reply to Sam', 'Comments welcome', 'A Comment 2'])
      expect(isStandInHeading(heading)).toBe(false);
  });
});
