import { expect, test, vi } from 'vitest';

import { peoplePageData } from '@/lib/routes/people-page';

// As `astro build` renders pages: `npm run dev` would also show drafts and scheduled articles.
vi.hoisted(() => vi.stubEnv('DEV', false));
vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
vi.mock('astro:content', async () =>
  (await import('../../../helpers/route-content')).mockedAstroContent({
    people: [
      ['zoe', { name: 'Zoë Adams' }],
      ['jo', { name: 'Dr Jo Reviewer', credentials: 'MBBS' }],
      ['ann', { name: 'Ann Editor', role: 'Editor' }],
    ],
  }),
);

test('lists everyone by name, linking their page, with their credentials', async () => {
  expect(await peoplePageData()).toEqual({
    people: [
      { name: 'Ann Editor', href: '/people/ann/', credentials: undefined },
      { name: 'Dr Jo Reviewer', href: '/people/jo/', credentials: 'MBBS' },
      { name: 'Zoë Adams', href: '/people/zoe/', credentials: undefined },
    ],
  });
});
