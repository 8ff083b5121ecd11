import { describe, expect, test } from 'vitest';

import {
  commentAt,
  excerptParts,
  moreCommentsLabel,
  resultsMessage,
  toPageHit,
  type PagefindAnchor,
  type PagefindResultData,
} from '@/lib/search/results';
import { isShippedSearchFile } from '@/lib/search/index-rules';

describe('excerptParts', () => {
  test('splits an excerpt into plain and marked text', () => {
    expect(excerptParts('leg <mark>cramps</mark> at night')).toEqual([
      { text: 'leg ', marked: false },
      { text: 'cramps', marked: true },
      { text: ' at night', marked: false },
    ]);
  });

  test('gives back the angle brackets Pagefind escapes, as text', () => {
    expect(excerptParts('&lt;script&gt;alert(1)&lt;/script&gt; <mark>tea</mark>')).toEqual([
      { text: '<script>alert(1)</script> ', marked: false },
      { text: 'tea', marked: true },
    ]);
  });

  test('treats nothing but <mark> as markup', () => {
    expect(excerptParts('<b>bold</b>').map((part) => part.text)).toEqual(['<b>bold</b>']);
  });
});

describe('commentAt', () => {
  const anchors: PagefindAnchor[] = [
    { element: 'h2', id: 'causes', text: 'Causes', location: 6 },
    { element: 'section', id: 'comments', location: 10 },
    { element: 'h2', id: 'comments-heading', text: '2 comments', location: 10 },
    { element: 'article', id: 'comment-q1', location: 12 },
    { element: 'h3', id: 'comment-q1-heading', text: 'Comment', location: 12 },
    { element: 'article', id: 'comment-q1-a1', location: 27 },
    { element: 'h3', id: 'comment-q1-a1-heading', text: 'Reply to Anonymous', location: 27 },
    { element: 'h2', id: 'related', text: 'Related articles', location: 40 },
  ];

  test('finds the comment whose heading it is', () => {
    expect(commentAt(anchors, anchors[6]!)?.id).toBe('comment-q1-a1');
  });

  test('finds none for a heading of the article or of the comment section', () => {
    expect(commentAt(anchors, anchors[0]!)).toBeUndefined();
    expect(commentAt(anchors, anchors[2]!)).toBeUndefined();
  });

  test('finds none for a heading after the last comment', () => {
    expect(commentAt(anchors, anchors[7]!)).toBeUndefined();
  });
});

describe('toPageHit', () => {
  const data: PagefindResultData = {
    url: '/health-blog/articles/x/comments/2/',
    excerpt: 'page <mark>tea</mark>',
    content: 'Reader comments. Read about tea. Is tea safe? Asking for a friend.',
    meta: { title: 'Reader comments on “X”' },
    anchors: [
      { element: 'h1', id: 'top', text: 'Reader comments', location: 0 },
      { element: 'li', id: 'conversation-q7', location: 5 },
      { element: 'article', id: 'comment-q7', location: 5 },
      { element: 'h3', id: 'comment-q7-heading', text: 'Is tea safe?', location: 5 },
    ],
    sub_results: [
      { title: 'Reader comments', url: '/health-blog/articles/x/comments/2/#top', excerpt: 'about <mark>tea</mark>' },
      {
        title: 'Is tea safe?',
        url: '/health-blog/articles/x/comments/2/#comment-q7-heading',
        excerpt: 'Is <mark>tea</mark> safe?',
        anchor: { element: 'h3', id: 'comment-q7-heading', text: 'Is tea safe?', location: 5 },
      },
    ],
  };

  test('links a match inside a comment to the comment on the page that shows it', () => {
    expect(toPageHit(data).comments).toEqual([
      {
        title: 'Question: “Is tea safe?”',
        url: '/health-blog/articles/x/comments/2/#comment-q7',
        excerpt: [
          { text: 'Is ', marked: false },
          { text: 'tea', marked: true },
          { text: ' safe?', marked: false },
        ],
      },
    ]);
  });

  test('keeps the first match outside comments as the page excerpt', () => {
    const hit = toPageHit(data);
    expect(hit.title).toBe('Reader comments on “X”');
    expect(hit.url).toBe('/health-blog/articles/x/comments/2/');
    expect(hit.excerpt.map((part) => part.text).join('')).toBe('about tea');
  });

  test('lists the comments that match best first, equal matches in page order', () => {
    const comment = (id: string, location: number, scores: number[]) => ({
      anchors: [
        { element: 'li', id: `conversation-${id}`, location },
        { element: 'article', id: `comment-${id}`, location },
        { element: 'h3', id: `comment-${id}-heading`, text: id, location },
      ],
      sub: {
        title: id,
        url: `/a/#comment-${id}-heading`,
        excerpt: id,
        anchor: { element: 'h3', id: `comment-${id}-heading`, text: id, location },
        weighted_locations: scores.map((balanced_score) => ({ balanced_score })),
      },
    });
    const comments = [comment('one', 0, [1]), comment('both', 10, [1, 5]), comment('other', 20, [1])];
    const hit = toPageHit({
      url: '/a/',
      excerpt: '',
      content: '',
      meta: {},
      anchors: comments.flatMap((entry) => entry.anchors),
      sub_results: comments.map((entry) => entry.sub),
    });
    expect(hit.comments.map((entry) => entry.title)).toEqual([
      'Question: “both”',
      'Question: “one”',
      'Question: “other”',
    ]);
  });

  test('has no page excerpt when only comments match', () => {
    expect(toPageHit({ ...data, sub_results: data.sub_results.slice(1) }).excerpt).toEqual([]);
  });
});

describe('how a matching comment is named', () => {
  /** A page with comments, as Pagefind gives it: each comment's words, and where each comment starts. */
  function page(comments: { id: string; heading: string; body: string; conversation?: boolean }[]) {
    // The comment section's heading, left out of the index, starts where the first conversation does.
    const anchors: PagefindAnchor[] = [
      { element: 'section', id: 'comments', location: 0 },
      { element: 'h2', id: 'comments-heading', text: '', location: 0 },
    ];
    const words: string[] = [];
    for (const comment of comments) {
      const location = words.length;
      if (comment.conversation) anchors.push({ element: 'li', id: `conversation-${comment.id}`, location });
      anchors.push({ element: 'article', id: `comment-${comment.id}`, location });
      anchors.push({ element: 'h3', id: `comment-${comment.id}-heading`, text: comment.heading, location });
      words.push(...`${comment.heading} ${comment.body}`.split(' '));
    }
    const data: PagefindResultData = {
      url: '/a/',
      excerpt: '',
      content: words.join(' '),
      meta: {},
      anchors,
      sub_results: [],
    };
    /** The result as the search page lists it when the given comments match. */
    const matching = (...ids: string[]) =>
      toPageHit({
        ...data,
        sub_results: ids.map((id) => {
          const anchor = anchors.find((entry) => entry.id === `comment-${id}-heading`)!;
          return { title: anchor.text!, url: `/a/#${anchor.id}`, excerpt: 'x', anchor };
        }),
      }).comments.map((comment) => comment.title);
    return { data, matching };
  }

  const thread = page([
    { id: 'q1', heading: 'Are cramps normal?', body: 'Every night.', conversation: true },
    { id: 'q1-a1', heading: 'Reply to “Are cramps normal?”', body: 'Yes.' },
    { id: 'q1-a1-a1', heading: 'Reply to Anonymous', body: 'Thanks.' },
    { id: 'c2', heading: 'Comment', body: 'I get them after long walks in the hills.', conversation: true },
    { id: 'c2-a1', heading: 'Reply to Sam', body: 'Me too.' },
  ]);

  test('a question by its question line', () => {
    expect(thread.matching('q1')).toEqual(['Question: “Are cramps normal?”']);
  });

  test('a reply by the question it belongs to, not by whom it answers', () => {
    expect(thread.matching('q1-a1-a1')).toEqual(['Reply to the question “Are cramps normal?”']);
  });

  test('a comment without a question line, and a reply to it, by the comment’s opening words', () => {
    expect(thread.matching('c2', 'c2-a1')).toEqual([
      'Comment: “I get them after long walks in the hills.”',
      'Reply to the comment “I get them after long walks in the hills.”',
    ]);
  });

  test('replies to one question, each with its own heading as well, so no two links read the same', () => {
    expect(thread.matching('q1-a1', 'q1-a1-a1')).toEqual([
      'Reply to the question “Are cramps normal?” (Reply to “Are cramps normal?”)',
      'Reply to the question “Are cramps normal?” (Reply to Anonymous)',
    ]);
  });

  test('a long question line or opening cut at a word', () => {
    const long = 'Why do my legs cramp every single night after I have been standing at work all day long?';
    expect(page([{ id: 'q', heading: long, body: 'x', conversation: true }]).matching('q')).toEqual([
      'Question: “Why do my legs cramp every single night after I have been…”',
    ]);
  });

  test('by its own heading when the index marks no conversations', () => {
    const old = page([{ id: 'q1', heading: 'Reply to Anonymous', body: 'Yes.' }]);
    expect(old.matching('q1')).toEqual(['Reader comment: Reply to Anonymous']);
  });
});

test('the control for the further matching comments says how many it shows', () => {
  expect(moreCommentsLabel(1)).toBe('Show 1 more matching comment');
  expect(moreCommentsLabel(3)).toBe('Show 3 more matching comments');
});

describe('resultsMessage', () => {
  test('says how many pages match, in words a screen reader can announce', () => {
    expect(resultsMessage('cramps', 1)).toBe('1 page matches “cramps”.');
    expect(resultsMessage('cramps', 3)).toBe('3 pages match “cramps”.');
  });

  test('says so when nothing matches, and what to try', () => {
    expect(resultsMessage('xyzzy', 0)).toBe('No pages match “xyzzy”. Try other words, or fewer.');
  });
});

describe('search index rules', () => {
  test('ship the search library, its worker, WebAssembly and index, not the ready-made interfaces', () => {
    const shipped = [
      'pagefind.js',
      'pagefind-worker.js',
      'pagefind-entry.json',
      'wasm.en-gb.pagefind',
      'pagefind.en-gb_6731f2475af1c.pf_meta',
      'index/en-gb_6bf98de.pf_index',
      'fragment/en-gb_6fac666.pf_fragment',
    ];
    const left = ['pagefind-ui.js', 'pagefind-ui.css', 'pagefind-highlight.js', 'pagefind-component-ui.js'];
    expect(shipped.filter((file) => !isShippedSearchFile(file))).toEqual([]);
    expect(left.filter(isShippedSearchFile)).toEqual([]);
  });
});
