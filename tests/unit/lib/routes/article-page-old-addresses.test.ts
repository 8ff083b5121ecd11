import { describe, expect, test, vi } from 'vitest';

import { site } from '@/config/site';
import { articlePageData } from '@/lib/routes/article-page';

vi.hoisted(() => vi.stubEnv('DEV', false));
vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
vi.mock('astro:content', async () => {
  const { site: settings } = await import('@/config/site');
  // One conversation more than a comment page holds: the last is on page 2.
  const conversations = Array.from({ length: settings.commentThreadsPerPage + 1 }, (_, index) => ({
    id: String(5001 + index),
    body: `Question ${index + 1}`,
  }));
  return (await import('../../../helpers/route-content')).mockedAstroContent({
    articles: [
      [
        'imported',
        {
          title: 'Imported',
          description: 'From WordPress.',
          published: '2020-01-15',
          redirectFrom: ['/2020/01/imported/'],
        },
        'Text.',
      ],
      ['native', { title: 'Native', description: 'Written here.', published: '2020-01-16' }, 'Text.'],
    ],
    comments: [
      ['imported', conversations],
      ['native', conversations],
    ],
  });
});

const { getPublishedArticles } = await import('@/lib/content');
const article = async (slug: string) => (await getPublishedArticles()).find((entry) => entry.id === slug)!;

describe('the article page of an article with old addresses', () => {
  test('holds, for each comment on a later comment page, where it is, so an old #comment link can lead there', async () => {
    const { comments } = await articlePageData(await article('imported'), []);
    const last = String(5001 + site.commentThreadsPerPage);
    expect(comments.elsewhere).toEqual([
      { anchor: `comment-${last}`, permalink: `/articles/imported/comments/2/#comment-${last}`, page: 2 },
    ]);
  });

  test('of an article without old addresses holds none: no old link can point at it', async () => {
    expect((await articlePageData(await article('native'), [])).comments.elsewhere).toEqual([]);
  });
});
