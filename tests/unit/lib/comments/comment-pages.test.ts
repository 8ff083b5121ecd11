import { describe, expect, test } from 'vitest';

import { buildThread, paginateThreads, toDisplayThread } from '@/lib/comments';
import { commentsOnOtherPages } from '@/lib/comments/comment-pages';

const href = (page: number) => `/a/${page}/`;

function threads(questions: number, answersEach = 0) {
  const comments = [];
  for (let q = 1; q <= questions; q++) {
    comments.push({ id: `q${q}`, body: 'q' });
    for (let a = 1; a <= answersEach; a++) comments.push({ id: `q${q}-a${a}`, parent: `q${q}`, body: 'a' });
  }
  return toDisplayThread(buildThread(comments, 'test.json'), { maxIndent: 4, renderBody: (body) => body });
}

/** Freezes `value` and everything it holds, so that any write to it throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

describe('paginateThreads', () => {
  test('keeps every thread on one page when they fit', () => {
    const pages = paginateThreads(threads(3), 50, href);
    expect(pages.map((page) => [page.number, page.total, page.items.length])).toEqual([[1, 1, 3]]);
  });

  test('gives an article without comments one empty page', () => {
    expect(paginateThreads([], 50, href)).toEqual([
      { number: 1, total: 1, items: [], hrefs: ['/a/1/'], firstPosition: 0, lastPosition: 0, itemCount: 0 },
    ]);
  });

  test('splits threads into pages of the given size, the last page holding the rest', () => {
    const pages = paginateThreads(threads(120), 50, href);
    expect(pages.map((page) => [page.number, page.firstPosition, page.lastPosition, page.itemCount])).toEqual([
      [1, 1, 50, 120],
      [2, 51, 100, 120],
      [3, 101, 120, 120],
    ]);
  });

  test('keeps each question on one page with all its answers', () => {
    const pages = paginateThreads(threads(3, 40), 2, href);
    expect(pages[1]!.items.map((thread) => [thread.id, thread.replies.length])).toEqual([['q3', 40]]);
  });

  test('points every comment’s permalink at the page that holds it', () => {
    const pages = paginateThreads(threads(3, 1), 2, href);
    expect(pages[0]!.items[1]!.replies[0]!.permalink).toBe('/a/1/#comment-q2-a1');
    expect(pages[1]!.items[0]!.permalink).toBe('/a/2/#comment-q3');
  });

  test('gives every page the address of every page', () => {
    expect(paginateThreads(threads(3), 2, href).map((page) => page.hrefs)).toEqual([
      ['/a/1/', '/a/2/'],
      ['/a/1/', '/a/2/'],
    ]);
  });

  test('leaves the threads it is given untouched, permalinks and replies included', () => {
    const given = deepFreeze(threads(3, 2));
    const before = structuredClone(given);
    const pages = paginateThreads(given, 2, href);
    expect(given).toEqual(before);
    expect(pages[1]!.items[0]!.permalink).toBe('/a/2/#comment-q3');
  });

  test('refuses a page size below 1', () => {
    expect(() => paginateThreads([], 0, href)).toThrow(RangeError);
  });
});

describe('commentsOnOtherPages', () => {
  test('lists every comment of the other pages, replies included, with the page and permalink that hold it', () => {
    const pages = paginateThreads(threads(3, 1), 2, href);
    expect(commentsOnOtherPages(pages, 1)).toEqual([
      { anchor: 'comment-q3', permalink: '/a/2/#comment-q3', page: 2 },
      { anchor: 'comment-q3-a1', permalink: '/a/2/#comment-q3-a1', page: 2 },
    ]);
  });

  test('leaves out the comments of the page being shown', () => {
    const pages = paginateThreads(threads(3), 2, href);
    expect(commentsOnOtherPages(pages, 2).map(({ anchor }) => anchor)).toEqual(['comment-q1', 'comment-q2']);
  });

  test('is empty when every comment is on one page', () => {
    expect(commentsOnOtherPages(paginateThreads(threads(3, 2), 50, href), 1)).toEqual([]);
  });
});
