import { describe, expect, test, vi } from 'vitest';

import { site } from '@/config/site';
import { articleListPagePaths, homePageData } from '@/lib/routes/article-list-page';

// As `astro build` renders pages: `npm run dev` would also show drafts and scheduled articles.
vi.hoisted(() => vi.stubEnv('DEV', false));
vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
vi.mock('astro:content', async () => {
  const { site } = await import('@/config/site');
  // One more published article than fits on a page, a day apart, and a draft that is never listed.
  const articles = Array.from({ length: site.articlesPerPage + 1 }, (_, index) => [
    `article-${index + 1}`,
    { title: `Article ${index + 1}`, description: 'd', published: `2026-01-${String(index + 1).padStart(2, '0')}` },
  ]) as [string, { title: string; description: string; published: string; draft?: boolean }][];
  articles.push(['draft', { title: 'Draft', description: 'd', published: '2026-02-01', draft: true }]);
  return (await import('../../../helpers/route-content')).mockedAstroContent({ articles });
});

describe('homePageData', () => {
  test('introduces the site above the newest articles, under an “Articles” heading', async () => {
    const page = await homePageData();
    expect(page.layout).toEqual({ title: undefined, installable: true });
    expect(page.intro).toEqual({ siteTitle: site.title, siteDescription: site.description, tagsHref: '/tags/' });
    expect(page.heading).toBeUndefined();
    expect(page.articleHeadingLevel).toBe(3);
    expect(page.articles.map((article) => article.id).slice(0, 2)).toEqual([
      `article-${site.articlesPerPage + 1}`,
      `article-${site.articlesPerPage}`,
    ]);
    expect(page.articles).toHaveLength(site.articlesPerPage);
    expect(page.pagination).toEqual({ label: 'Article pages', current: 1, hrefs: ['/', '/page/2/'] });
  });
});

describe('articleListPagePaths', () => {
  test('gives the pages after the home page their own address and heading, drafts left out', async () => {
    const paths = await articleListPagePaths();
    expect(paths.map((path) => path.params)).toEqual([{ page: '2' }]);
    const { props } = paths[0]!;
    expect(props.layout).toEqual({ title: 'Articles, page 2 of 2', installable: false });
    expect(props.intro).toBeUndefined();
    expect(props.heading).toBe('Articles, page 2 of 2');
    expect(props.articleHeadingLevel).toBe(2);
    expect(props.articles.map((article) => article.id)).toEqual(['article-1']);
    expect(props.pagination.current).toBe(2);
  });
});
