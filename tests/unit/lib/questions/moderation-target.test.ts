/**
 * `npm run comments -- approve <article>/<id>`: the target names one comment by the article's slug and
 * the comment's id, with the same patterns the content schemas use, and nothing else.
 */
import { describe, expect, test } from 'vitest';

import { parseTarget } from '@/lib/questions/moderation';

describe('parseTarget', () => {
  test('splits <article>/<id> into the article slug and the comment id', () => {
    expect(parseTarget('leg-cramps/q_1-a')).toEqual({ article: 'leg-cramps', id: 'q_1-a' });
  });

  test.each([
    'leg-cramps',
    'leg-cramps/',
    '/q1',
    'Leg-Cramps/q1',
    'leg--cramps/q1',
    '../../../leg-cramps/q1',
    'leg-cramps/q1/x',
    'leg-cramps/q 1',
  ])('refuses "%s" with the form to write', (target) => {
    expect(() => parseTarget(target)).toThrow(/is not a comment: write <article>\/<id>, such as leg-cramps\/q1/);
  });
});
