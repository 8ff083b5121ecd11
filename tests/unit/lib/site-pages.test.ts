import { describe, expect, test } from 'vitest';

import { footerPages } from '@/lib/site-pages';
import { sitePagePath } from '@/lib/urls';

const page = (id: string, title: string, footer?: number) => ({ id, data: { title, footer } });

describe('footerPages', () => {
  test('lists pages in their footer order, lowest first', () => {
    const pages = [page('privacy', 'Privacy', 6), page('about', 'About', 1), page('policy', 'Editorial policy', 2)];
    expect(footerPages(pages).map((p) => p.id)).toEqual(['about', 'policy', 'privacy']);
  });

  test('leaves out pages without a footer position', () => {
    expect(footerPages([page('thanks', 'Thanks'), page('about', 'About', 0)]).map((p) => p.id)).toEqual(['about']);
  });

  test('orders pages with the same position by title, so the footer never changes between builds', () => {
    const pages = [page('b', 'Beta', 1), page('a', 'Alpha', 1)];
    expect(footerPages(pages).map((p) => p.id)).toEqual(['a', 'b']);
  });
});

describe('site page addresses', () => {
  test('are one level below the site root', () => {
    expect(sitePagePath('editorial-policy')).toBe('/editorial-policy/');
  });
});
