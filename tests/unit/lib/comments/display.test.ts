import { describe, expect, test } from 'vitest';

import { buildThread, phraseText, toDisplayThread, type DisplayComment } from '@/lib/comments';

interface Input {
  id: string;
  parent?: string;
  author?: string;
  title?: string;
  body: string;
}

const show = (comments: Input[], maxIndent = 4) =>
  toDisplayThread(buildThread(comments, 'test.json'), { maxIndent, renderBody: (body) => `<p>${body}</p>` });

/** A reply chain c0 ← c1 ← … ← c(n-1), each written by "writer <i>". */
const chain = (length: number): Input[] =>
  Array.from({ length }, (_, i) => ({
    id: `c${i}`,
    ...(i > 0 ? { parent: `c${i - 1}` } : {}),
    author: `writer ${i}`,
    body: `body ${i}`,
  }));

/** Lists nesting depth of the display tree. */
function listDepth(comments: DisplayComment[]): number {
  return comments.length === 0 ? 0 : 1 + Math.max(...comments.map((comment) => listDepth(comment.replies)));
}

describe('toDisplayThread', () => {
  test('shows the HTML a comment already brings, without rendering its body again', () => {
    const rendered: string[] = [];
    const [question] = toDisplayThread(
      buildThread([{ id: 'q1', body: 'text', bodyHtml: '<p>cached</p>' }], 'test.json'),
      {
        maxIndent: 4,
        renderBody: (body) => {
          rendered.push(body);
          return `<p>${body}</p>`;
        },
      },
    );
    expect(question!.bodyHtml).toBe('<p>cached</p>');
    expect(rendered).toEqual([]);
  });

  test('shows a comment that brings only its HTML, as the content layer keeps published comments', () => {
    const [question] = toDisplayThread(buildThread([{ id: 'q1', bodyHtml: '<p>kept</p>' }], 'test.json'), {
      maxIndent: 4,
      renderBody: () => {
        throw new Error('nothing to render');
      },
    });
    expect(question!.bodyHtml).toBe('<p>kept</p>');
  });

  test('links the writer’s address as a valid URL, brackets and a second # percent-escaped', () => {
    const [question] = toDisplayThread(
      buildThread([{ id: 'q1', authorUrl: 'https://example.org/[click](x)#a&#97;', body: 'b' }], 'test.json'),
      { maxIndent: 4, renderBody: (body) => `<p>${body}</p>` },
    );
    expect(question!.authorUrl).toBe('https://example.org/%5Bclick%5D(x)#a&%2397;');
  });

  test('carries each comment’s anchor, author, title and rendered body', () => {
    const [question] = show([{ id: 'q1', author: 'Sam', title: 'Is this normal?', body: 'text' }]);
    expect(question).toMatchObject({
      id: 'q1',
      anchor: 'comment-q1',
      author: 'Sam',
      title: 'Is this normal?',
      bodyHtml: '<p>text</p>',
      depth: 0,
      replyingTo: undefined,
    });
  });

  test('nests replies under their question and counts what folding hides', () => {
    const [question] = show([
      { id: 'q', body: 'q' },
      { id: 'a', parent: 'q', body: 'a' },
      { id: 'b', parent: 'a', body: 'b' },
    ]);
    expect(question!.hiddenCount).toBe(2);
    expect(question!.replies.map((reply) => reply.id)).toEqual(['a']);
    expect(question!.replies[0]!.replies.map((reply) => reply.id)).toEqual(['b']);
  });

  test('stops indenting at the cap however deep the chain goes', () => {
    expect(listDepth(show(chain(12), 4))).toBe(5);
    expect(listDepth(show(chain(500), 4))).toBe(5);
    expect(listDepth(show(chain(12), 2))).toBe(3);
  });

  test('lists replies below the cap in reading order, each saying whom it replies to', () => {
    const thread = show(chain(8), 2);
    const atCap = thread[0]!.replies[0]!.replies;
    expect(atCap.map((comment) => comment.id)).toEqual(['c2', 'c3', 'c4', 'c5', 'c6', 'c7']);
    expect(atCap[0]!.replyingTo).toBeUndefined();
    expect(atCap[1]!.replyingTo).toEqual({ anchor: 'comment-c2', author: 'writer 2' });
    expect(atCap[5]!.replyingTo).toEqual({ anchor: 'comment-c6', author: 'writer 6' });
  });

  test('keeps every comment of a deep thread', () => {
    const count = (comments: DisplayComment[]): number =>
      comments.reduce((sum, comment) => sum + 1 + count(comment.replies), 0);
    expect(count(show(chain(500), 4))).toBe(500);
  });

  test('refuses a cap below 1', () => {
    expect(() => show(chain(2), 0)).toThrow(RangeError);
  });
});

describe('toDisplayThread for staff answers and replies', () => {
  const jo = { id: 'jo-gp', name: 'Dr Jo', credentials: 'MBBS', role: 'GP' };
  const comments = [
    { id: 'q1', title: 'Normal?', body: 'q' },
    { id: 's1', parent: 'q1', person: 'jo-gp', body: 'Yes.' },
  ];

  test('carries the person a staff answer names, and no person for a reader', () => {
    const [question] = toDisplayThread(buildThread(comments, 'test.json'), {
      maxIndent: 4,
      renderBody: (body) => body,
      findPerson: (id) => (id === 'jo-gp' ? jo : expect.unreachable()),
    });
    expect(question!.staff).toBeUndefined();
    expect(question!.replies[0]!.staff).toEqual(jo);
  });

  test('stops on a person it cannot find, with the finder’s message', () => {
    expect(() =>
      toDisplayThread(buildThread(comments, 'test.json'), {
        maxIndent: 4,
        renderBody: (body) => body,
        findPerson: (id, commentId) => {
          throw new Error(`comment "${commentId}" names "${id}"`);
        },
      }),
    ).toThrow('comment "s1" names "jo-gp"');
  });

  test('gives every comment its Reply address when replies are open, and none otherwise', () => {
    const open = toDisplayThread(buildThread(comments, 'test.json'), {
      maxIndent: 1,
      renderBody: (body) => body,
      findPerson: () => jo,
      replyHref: (id) => `/ask?reply=${id}`,
    });
    expect([open[0]!.replyHref, open[0]!.replies[0]!.replyHref]).toEqual(['/ask?reply=q1', '/ask?reply=s1']);
    const closed = toDisplayThread(buildThread(comments, 'test.json'), {
      maxIndent: 1,
      renderBody: (body) => body,
      findPerson: () => jo,
    });
    expect(closed[0]!.replyHref).toBeUndefined();
  });

  test('heads each comment uniquely across the whole article, below the indentation cap too', () => {
    const chain = [
      { id: 'q', body: 'q' },
      { id: 'a', parent: 'q', author: 'Sam', body: 'a' },
      { id: 'b', parent: 'a', body: 'b' },
      { id: 'c', parent: 'a', body: 'c' },
    ];
    const [question] = toDisplayThread(buildThread(chain, 'test.json'), { maxIndent: 1, renderBody: (body) => body });
    expect([question!, ...question!.replies].map((comment) => phraseText(comment.heading))).toEqual([
      'Comment',
      'Reply to Anonymous',
      'Reply 1 to Sam',
      'Reply 2 to Sam',
    ]);
  });
});
