import { describe, expect, test, vi } from 'vitest';

import { getPeople, getPublishedArticles } from '@/lib/content';
import { personPageData, personPagePaths } from '@/lib/routes/person-page';

// As `astro build` renders pages: `npm run dev` would also show drafts and scheduled articles.
vi.hoisted(() => vi.stubEnv('DEV', false));
vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
vi.mock('astro:content', async () =>
  (await import('../../../helpers/route-content')).mockedAstroContent({
    articles: [
      [
        'cramps',
        {
          title: 'Leg cramps',
          description: 'd',
          published: '2026-03-01',
          author: 'sam',
          medicalReview: { reviewer: 'jo', date: '2026-03-15' },
        },
      ],
      ['sleep', { title: 'Sleep', description: 'd', published: '2026-02-01', author: 'jo' }],
      ['older', { title: 'Older', description: 'd', published: '2025-01-01', author: 'sam' }],
      ['draft', { title: 'Draft', description: 'd', published: '2026-04-01', author: 'sam', draft: true }],
    ],
    people: [
      ['sam', { name: 'Sam Writer' }],
      [
        'jo',
        {
          name: 'Dr Jo Reviewer',
          credentials: 'MBBS',
          role: 'GP',
          bio: 'A GP in Leeds.',
          profileUrl: 'https://www.gmc-uk.org/registrants/123',
        },
      ],
      ['ann', { name: 'Ann Editor' }],
    ],
  }),
);

const pageOf = async (id: string) => personPageData((await getPeople()).get(id)!, await getPublishedArticles());

describe('personPagePaths', () => {
  test('gives everyone in content/people a page, by name', async () => {
    expect((await personPagePaths()).map((path) => path.params.id)).toEqual(['ann', 'jo', 'sam']);
  });
});

describe('personPageData', () => {
  test('lists the published articles the person wrote, newest first, dated by publication', async () => {
    const { sections } = await pageOf('sam');
    expect(sections).toEqual([
      {
        heading: 'Articles written',
        dated: 'Published',
        articles: [
          { title: 'Leg cramps', href: '/articles/cramps/', datetime: '2026-03-01', dateText: '1 March 2026' },
          { title: 'Older', href: '/articles/older/', datetime: '2025-01-01', dateText: '1 January 2025' },
        ],
      },
    ]);
  });

  test('lists the articles the person reviewed, dated by the review', async () => {
    const { sections } = await pageOf('jo');
    expect(sections.map((section) => section.heading)).toEqual(['Articles written', 'Articles medically reviewed']);
    expect(sections[1]!.articles).toEqual([
      { title: 'Leg cramps', href: '/articles/cramps/', datetime: '2026-03-15', dateText: '15 March 2026' },
    ]);
    expect(sections[1]!.dated).toBe('Reviewed');
  });

  test('has no sections for someone with no published article', async () => {
    expect((await pageOf('ann')).sections).toEqual([]);
  });

  test('names the profile page by its host', async () => {
    expect((await pageOf('jo')).profile).toEqual({
      href: 'https://www.gmc-uk.org/registrants/123',
      label: 'Profile of Dr Jo Reviewer on www.gmc-uk.org',
    });
    expect((await pageOf('sam')).profile).toBeUndefined();
  });

  test('describes the page by the bio, or by what it lists when there is none', async () => {
    expect((await pageOf('jo')).description).toBe('A GP in Leeds.');
    expect((await pageOf('sam')).description).toBe('Articles written or medically reviewed by Sam Writer.');
  });

  test('shows the person’s own fields as they are', async () => {
    const { name, role, credentials, bio, peopleHref } = await pageOf('jo');
    expect({ name, role, credentials, bio, peopleHref }).toEqual({
      name: 'Dr Jo Reviewer',
      role: 'GP',
      credentials: 'MBBS',
      bio: 'A GP in Leeds.',
      peopleHref: '/people/',
    });
  });
});
