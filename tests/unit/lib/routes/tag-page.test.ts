import { describe, expect, test, vi } from 'vitest';

import { site } from '@/config/site';
import { tagFirstPagePaths, tagLaterPagePaths } from '@/lib/routes/tag-page';

// As `astro build` renders pages: `npm run dev` would also show drafts and scheduled articles.
vi.hoisted(() => vi.stubEnv('DEV', false));
vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
vi.mock('astro:content', async () => {
  const { site } = await import('@/config/site');
  // One more article tagged "Sleep & rest" than fits on a page, published a day apart, newest last.
  const sleep = Array.from({ length: site.articlesPerPage + 1 }, (_, index) => [
    `sleep-${index + 1}`,
    {
      title: `Sleep ${index + 1}`,
      description: 'd',
      published: `2026-01-${String(index + 1).padStart(2, '0')}`,
      tags: [index === 0 ? 'sleep-rest' : 'Sleep & rest'],
    },
  ]);
  return (await import('../../../helpers/route-content')).mockedAstroContent({
    articles: [...sleep, ['legs', { title: 'Legs', description: 'd', published: '2025-06-01', tags: ['Legs'] }]] as [
      string,
      { title: string; description: string; published: string; tags: string[] },
    ][],
  });
});

const last = site.articlesPerPage + 1;

describe('tagFirstPagePaths', () => {
  test('gives each tag a page at its slug', async () => {
    expect((await tagFirstPagePaths()).map((path) => path.params)).toEqual([{ tag: 'legs' }, { tag: 'sleep-rest' }]);
  });

  test('shows a one-page tag without page numbers', async () => {
    const [legs] = await tagFirstPagePaths();
    expect(legs!.props).toEqual({
      layout: { title: 'Articles tagged “Legs”', description: '1 article tagged “Legs”.' },
      crumbs: [
        { name: 'Home', path: '/' },
        { name: 'Tags', path: '/tags/' },
        { name: 'Legs', path: '/tags/legs/' },
      ],
      heading: 'Articles tagged “Legs”',
      pageOf: '',
      articleCount: '1 article',
      articles: [expect.objectContaining({ id: 'legs' })],
      pagination: { label: 'Pages of articles tagged “Legs”', current: 1, hrefs: ['/tags/legs/'] },
    });
  });

  test('numbers the first of several pages and lists its newest articles, named by the most used spelling', async () => {
    const [, sleep] = await tagFirstPagePaths();
    expect(sleep!.props.layout).toEqual({
      title: 'Articles tagged “Sleep & rest”, page 1 of 2',
      description: `${last} articles tagged “Sleep & rest”.`,
    });
    expect(sleep!.props.articles[0]!.id).toBe(`sleep-${last}`);
    expect(sleep!.props.articles).toHaveLength(site.articlesPerPage);
    expect(sleep!.props.pagination.hrefs).toEqual(['/tags/sleep-rest/', '/tags/sleep-rest/page/2/']);
  });
});

describe('tagLaterPagePaths', () => {
  test('gives the pages after the first their own address, with the page in the trail', async () => {
    const paths = await tagLaterPagePaths();
    expect(paths.map((path) => path.params)).toEqual([{ tag: 'sleep-rest', page: '2' }]);
    const { props } = paths[0]!;
    expect(props.crumbs.at(-1)).toEqual({ name: 'Page 2', path: '/tags/sleep-rest/page/2/' });
    expect(props.heading + props.pageOf).toBe('Articles tagged “Sleep & rest”, page 2 of 2');
    expect(props.articleCount).toBe(`${last} articles`);
    expect(props.articles.map((article) => article.id)).toEqual(['sleep-1']);
    expect(props.pagination.current).toBe(2);
  });
});
