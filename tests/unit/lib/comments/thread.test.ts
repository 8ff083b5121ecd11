import { describe, expect, test } from 'vitest';

import { buildThread, CommentThreadError, type ThreadableComment } from '@/lib/comments';

const SOURCE = 'content/comments/example.json';

const ids = (nodes: { comment: ThreadableComment }[]) => nodes.map((node) => node.comment.id);

/** The error lines buildThread reports for `comments`. */
function problemsOf(comments: ThreadableComment[]): string[] {
  try {
    buildThread(comments, SOURCE);
  } catch (error) {
    if (error instanceof CommentThreadError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected buildThread to throw');
}

describe('buildThread', () => {
  test('puts comments without a parent at the top level, in file order when undated', () => {
    const thread = buildThread([{ id: 'b' }, { id: 'a' }, { id: 'c' }], SOURCE);
    expect(ids(thread.roots)).toEqual(['b', 'a', 'c']);
  });

  test('nests each reply under its parent, wherever it stands in the file', () => {
    const thread = buildThread([{ id: 'r', parent: 'q' }, { id: 'q' }, { id: 'rr', parent: 'r' }], SOURCE);
    expect(ids(thread.roots)).toEqual(['q']);
    expect(ids(thread.roots[0]!.replies)).toEqual(['r']);
    expect(ids(thread.roots[0]!.replies[0]!.replies)).toEqual(['rr']);
  });

  test('orders siblings oldest first by date', () => {
    const thread = buildThread(
      [
        { id: 'late', date: new Date('2024-03-01') },
        { id: 'early', date: new Date('2024-01-01') },
        { id: 'middle', date: new Date('2024-02-01') },
      ],
      SOURCE,
    );
    expect(ids(thread.roots)).toEqual(['early', 'middle', 'late']);
  });

  test('keeps file order between comments with the same date', () => {
    const same = new Date('2024-01-01T10:00:00Z');
    const thread = buildThread(
      [
        { id: 'x', date: same },
        { id: 'y', date: same },
      ],
      SOURCE,
    );
    expect(ids(thread.roots)).toEqual(['x', 'y']);
  });

  test('puts undated comments after dated ones, in file order', () => {
    const thread = buildThread(
      [{ id: 'undated-1' }, { id: 'dated', date: new Date('2024-01-01') }, { id: 'undated-2' }],
      SOURCE,
    );
    expect(ids(thread.roots)).toEqual(['dated', 'undated-1', 'undated-2']);
  });

  test('records each comment’s depth', () => {
    const thread = buildThread([{ id: 'q' }, { id: 'a', parent: 'q' }, { id: 'b', parent: 'a' }], SOURCE);
    const q = thread.roots[0]!;
    expect([q.depth, q.replies[0]!.depth, q.replies[0]!.replies[0]!.depth]).toEqual([0, 1, 2]);
  });

  test('counts every comment and every reply below each comment', () => {
    const thread = buildThread(
      [{ id: 'q1' }, { id: 'a1', parent: 'q1' }, { id: 'a2', parent: 'q1' }, { id: 'a3', parent: 'a1' }, { id: 'q2' }],
      SOURCE,
    );
    expect(thread.count).toBe(5);
    expect(thread.roots.map((root) => root.descendantCount)).toEqual([3, 0]);
    expect(thread.roots[0]!.replies.map((reply) => reply.descendantCount)).toEqual([1, 0]);
  });

  test('gives an empty thread for no comments', () => {
    expect(buildThread([], SOURCE)).toEqual({ roots: [], count: 0, hiddenCount: 0 });
  });

  test('handles a reply chain 100,000 deep without overflowing the stack', () => {
    const chain: ThreadableComment[] = [{ id: 'c0' }];
    for (let i = 1; i < 100_000; i++) chain.push({ id: `c${i}`, parent: `c${i - 1}` });
    const thread = buildThread(chain, SOURCE);
    expect(thread.count).toBe(100_000);
    expect(thread.roots[0]!.descendantCount).toBe(99_999);
  });

  test('leaves out unpublished comments and counts them apart', () => {
    const thread = buildThread(
      [{ id: 'q' }, { id: 'spam', parent: 'q' }, { id: 'a', parent: 'q' }],
      SOURCE,
      (comment) => comment.id !== 'spam',
    );
    expect(ids(thread.roots[0]!.replies)).toEqual(['a']);
    expect([thread.count, thread.hiddenCount]).toEqual([2, 1]);
  });

  test('moves the replies of an unpublished comment up to its nearest published ancestor', () => {
    const thread = buildThread(
      [{ id: 'q' }, { id: 'pending', parent: 'q' }, { id: 'r1', parent: 'pending' }, { id: 'r2', parent: 'r1' }],
      SOURCE,
      (comment) => comment.id !== 'pending',
    );
    const q = thread.roots[0]!;
    expect(ids(q.replies)).toEqual(['r1']);
    expect([q.replies[0]!.depth, q.replies[0]!.replies[0]!.depth]).toEqual([1, 2]);
    expect(q.descendantCount).toBe(2);
  });

  test('shows the replies to an unpublished question as top-level comments', () => {
    const thread = buildThread([{ id: 'q' }, { id: 'a', parent: 'q' }], SOURCE, (comment) => comment.id !== 'q');
    expect(ids(thread.roots)).toEqual(['a']);
    expect(thread.roots[0]!.depth).toBe(0);
  });

  test('still checks the structure of unpublished comments', () => {
    expect(() => buildThread([{ id: 'x', parent: 'ghost' }], SOURCE, () => false)).toThrow(CommentThreadError);
  });

  test('rejects a duplicate id, naming the file and the id', () => {
    expect(problemsOf([{ id: 'a' }, { id: 'a' }])).toEqual([
      `${SOURCE}: comment "a", field "id": is used by more than one comment. Fix: give each comment an id of its own (and keep the one links already point to).`,
    ]);
  });

  test('rejects a reply to a comment that does not exist', () => {
    expect(problemsOf([{ id: 'a', parent: 'ghost' }])).toEqual([
      `${SOURCE}: comment "a", field "parent": replies to "ghost", which is not a comment on this article. Fix: point "parent" at an existing comment id, or remove it to make this a top-level comment.`,
    ]);
  });

  test('rejects a comment that replies to itself', () => {
    expect(problemsOf([{ id: 'a', parent: 'a' }])).toEqual([
      `${SOURCE}: comment "a", field "parent": the comment replies to itself. Fix: point "parent" at the comment it answers, or remove it to make this a top-level comment.`,
    ]);
  });

  test('rejects a reply cycle once, naming every comment on it', () => {
    expect(
      problemsOf([{ id: 'q' }, { id: 'x', parent: 'z' }, { id: 'y', parent: 'x' }, { id: 'z', parent: 'y' }]),
    ).toEqual([
      `${SOURCE}: comment "x", field "parent": replies go round in a circle: "x" → "z" → "y" → "x". Fix: point one of these "parent" fields at a comment outside the circle, or remove it.`,
    ]);
  });

  test('reports a cycle once even when other replies hang below it', () => {
    const problems = problemsOf([
      { id: 'hanger', parent: 'a' },
      { id: 'a', parent: 'b' },
      { id: 'b', parent: 'a' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"a" → "b" → "a"');
  });

  test('reports a cycle once when a reply hanging below it comes after it in the file', () => {
    const problems = problemsOf([
      { id: 'a', parent: 'b' },
      { id: 'b', parent: 'a' },
      { id: 'hanger', parent: 'b' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('"a" → "b" → "a"');
  });

  test('reports every problem in the file at once', () => {
    const problems = problemsOf([
      { id: 'd' },
      { id: 'd' },
      { id: 'self', parent: 'self' },
      { id: 'orphan', parent: 'nobody' },
    ]);
    expect(problems).toHaveLength(3);
  });
});
