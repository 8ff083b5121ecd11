import { describe, expect, test } from 'vitest';

import { breadcrumbList } from '@/lib/discovery/breadcrumbs';

describe('breadcrumbList', () => {
  const crumbs = [
    { name: 'Home', path: '/blog/' },
    { name: 'sleep', path: '/blog/tags/sleep/' },
    { name: 'Night cramps', path: '/blog/articles/night-cramps/' },
  ];

  test('is a schema.org BreadcrumbList with one list item per step, numbered from 1', () => {
    const list = breadcrumbList(crumbs, 'https://example.org');
    expect(list['@context']).toBe('https://schema.org');
    expect(list['@type']).toBe('BreadcrumbList');
    expect(list.itemListElement.map((item) => [item['@type'], item.position, item.name])).toEqual([
      ['ListItem', 1, 'Home'],
      ['ListItem', 2, 'sleep'],
      ['ListItem', 3, 'Night cramps'],
    ]);
  });

  test('gives every step its absolute address on the site', () => {
    expect(breadcrumbList(crumbs, 'https://example.org').itemListElement.map((item) => item.item)).toEqual([
      'https://example.org/blog/',
      'https://example.org/blog/tags/sleep/',
      'https://example.org/blog/articles/night-cramps/',
    ]);
  });
});
