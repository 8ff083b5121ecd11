import { describe, expect, test } from 'vitest';

import { pageLinks, paginate } from '@/lib/pagination';

const href = (page: number) => (page === 1 ? '/' : `/page/${page}/`);
const numbers = (count: number) => Array.from({ length: count }, (_, i) => i + 1);

describe('paginate', () => {
  test('splits items into full pages and a last page with the rest, in order', () => {
    const pages = paginate(numbers(23), 10, href);
    expect(pages.map((page) => page.items)).toEqual([numbers(10), numbers(20).slice(10), [21, 22, 23]]);
  });

  test('numbers the pages from 1 and tells each page the total', () => {
    expect(paginate(numbers(23), 10, href).map(({ number, total }) => [number, total])).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  test('gives every page the address of every page', () => {
    const pages = paginate(numbers(11), 10, href);
    expect(pages.map((page) => page.hrefs)).toEqual([
      ['/', '/page/2/'],
      ['/', '/page/2/'],
    ]);
  });

  test('makes a single page when everything fits', () => {
    expect(paginate(numbers(10), 10, href)).toHaveLength(1);
  });

  test('makes one empty page for an empty list, so the list can say it is empty', () => {
    expect(paginate([], 10, href)).toEqual([
      { number: 1, total: 1, items: [], hrefs: ['/'], firstPosition: 0, lastPosition: 0, itemCount: 0 },
    ]);
  });

  test('tells each page where its items sit in the whole list', () => {
    expect(
      paginate(numbers(23), 10, href).map(({ firstPosition, lastPosition, itemCount }) => [
        firstPosition,
        lastPosition,
        itemCount,
      ]),
    ).toEqual([
      [1, 10, 23],
      [11, 20, 23],
      [21, 23, 23],
    ]);
  });

  test('refuses a page size below 1 or not whole', () => {
    expect(() => paginate(numbers(3), 0, href)).toThrow(RangeError);
    expect(() => paginate(numbers(3), 2.5, href)).toThrow(RangeError);
  });
});

describe('pageLinks', () => {
  test('links every page when there are few', () => {
    expect(pageLinks(1, 4)).toEqual([1, 2, 3, 4]);
  });

  test('links the first, the last and the pages next to the current one, with gaps between', () => {
    expect(pageLinks(6, 10)).toEqual([1, null, 5, 6, 7, null, 10]);
  });

  test('shows a one-page gap as that page rather than a gap', () => {
    expect(pageLinks(4, 10)).toEqual([1, 2, 3, 4, 5, null, 10]);
  });

  test('has no gap before the current page when it is near the start', () => {
    expect(pageLinks(1, 10)).toEqual([1, 2, null, 10]);
  });

  test('has no gap after the current page when it is near the end', () => {
    expect(pageLinks(10, 10)).toEqual([1, null, 9, 10]);
  });

  test('links the only page of a single-page list once', () => {
    expect(pageLinks(1, 1)).toEqual([1]);
  });
});
