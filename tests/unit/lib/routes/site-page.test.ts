import { describe, expect, test, vi } from 'vitest';

import { getSitePages } from '@/lib/content';
import { sitePageData, sitePagePaths } from '@/lib/routes/site-page';

// As `astro build` renders pages: `npm run dev` would also show drafts and scheduled articles.
vi.hoisted(() => vi.stubEnv('DEV', false));
vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
vi.mock('astro:content', async () =>
  (await import('../../../helpers/route-content')).mockedAstroContent({
    pages: [
      ['privacy', { title: 'Privacy', description: 'What we keep.', updated: '2026-12-01' }, 'Nothing.'],
      [
        'about',
        { title: 'About', description: 'Who we are.', footer: 1 },
        '<Warning heading="Not medical advice">\nAsk a doctor.\n</Warning>',
      ],
    ],
  }),
);

const page = async (slug: string) => (await getSitePages()).find((entry) => entry.id === slug)!;

describe('sitePagePaths', () => {
  test('gives every site page its slug as address, by address', async () => {
    expect((await sitePagePaths()).map((path) => [path.params.slug, path.props.page.id])).toEqual([
      ['about', 'about'],
      ['privacy', 'privacy'],
    ]);
  });
});

describe('sitePageData', () => {
  test('shows "Page last updated" with the frontmatter’s date', async () => {
    expect(sitePageData(await page('privacy'))).toEqual({
      title: 'Privacy',
      description: 'What we keep.',
      usesCallouts: false,
      updated: { datetime: '2026-12-01', text: '1 December 2026' },
    });
  });

  test('shows no update date for a page without one, and loads callout styles when it uses a callout', async () => {
    const { updated, usesCallouts } = sitePageData(await page('about'));
    expect(updated).toBeUndefined();
    expect(usesCallouts).toBe(true);
  });
});
