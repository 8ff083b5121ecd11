import { expect, test, vi } from 'vitest';

import { tagsPageData } from '@/lib/routes/tags-page';

// As `astro build` renders pages: `npm run dev` would also show drafts and scheduled articles.
vi.hoisted(() => vi.stubEnv('DEV', false));
vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
vi.mock('astro:content', async () =>
  (await import('../../../helpers/route-content')).mockedAstroContent({
    articles: [
      ['a', { title: 'A', description: 'd', published: '2026-03-01', tags: ['Sleep & rest', 'Legs'] }],
      ['b', { title: 'B', description: 'd', published: '2026-02-01', tags: ['sleep-rest'] }],
      ['c', { title: 'C', description: 'd', published: '2026-01-01', tags: ['Hidden'], draft: true }],
    ],
  }),
);

test('lists every tag of a published article with its page and its number of articles', async () => {
  const { crumbs, tags } = await tagsPageData();
  expect(crumbs).toEqual([
    { name: 'Home', path: '/' },
    { name: 'Tags', path: '/tags/' },
  ]);
  expect(tags).toEqual([
    { name: 'Legs', href: '/tags/legs/', articleCount: '1 article' },
    { name: 'Sleep & rest', href: '/tags/sleep-rest/', articleCount: '2 articles' },
  ]);
});
