import { describe, expect, test, vi } from 'vitest';

import { site } from '@/config/site';
import { getArticleComments, getPublishedArticles } from '@/lib/content';
import { commentPageData, commentPagePaths } from '@/lib/routes/comment-page';
import { absoluteUrl, articleImagePath } from '@/lib/urls';

// As `astro build` renders pages: `npm run dev` would also show drafts and scheduled articles.
vi.hoisted(() => vi.stubEnv('DEV', false));
vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
vi.mock('astro:content', async () => {
  const { site } = await import('@/config/site');
  // One more question than fits on a page, each with an answer: two pages.
  const busy = Array.from({ length: site.commentThreadsPerPage + 1 }, (_, index) => [
    { id: `q${index + 1}`, body: `Question ${index + 1}.` },
    { id: `q${index + 1}-a`, parent: `q${index + 1}`, body: 'An answer.' },
  ]).flat();
  return (await import('../../../helpers/route-content')).mockedAstroContent({
    articles: [
      ['busy', { title: 'Busy', description: 'Many questions.', published: '2026-03-01' }],
      ['quiet', { title: 'Quiet', description: 'A few questions.', published: '2026-02-01' }],
    ],
    comments: [
      ['busy', busy],
      ['quiet', [{ id: 'only', body: 'Just one.' }]],
    ],
  });
});

const busy = async () => (await getPublishedArticles()).find((article) => article.id === 'busy')!;

describe('commentPagePaths', () => {
  test('gives pages 2 and on their own address, page 1 being the article', async () => {
    const paths = await commentPagePaths();
    expect(paths.map((path) => path.params)).toEqual([{ slug: 'busy', page: '2' }]);
  });

  test('keys comment pages like their article page, so both re-render together', async () => {
    const { getArticlePagesCacheKey } = await import('@/lib/content');
    const [path] = await commentPagePaths();
    expect(path!.cacheKey).toBe(await getArticlePagesCacheKey('busy'));
  });
});

describe('commentPageData', () => {
  test('names the page and its sharing card after the article and the page number', async () => {
    const comments = await getArticleComments('busy');
    const { layout, articleTitle, articleHref } = commentPageData(await busy(), comments, comments.pages[1]!);
    expect(layout).toEqual({
      title: 'Comments, page 2: Busy',
      description: 'Page 2 of 2 of readers’ questions and answers on “Busy”.',
      image: { path: articleImagePath('busy'), alt: `“Busy” on ${site.title}` },
    });
    expect([articleTitle, articleHref]).toEqual(['Busy', '/articles/busy/']);
  });

  test('shows the page’s threads with the article’s count and the address of every page', async () => {
    const comments = await getArticleComments('busy');
    const { comments: section } = commentPageData(await busy(), comments, comments.pages[1]!);
    expect(section.articleTitle).toBe('Busy');
    expect(section.count).toBe(2 * (site.commentThreadsPerPage + 1));
    expect(section.page.items.map((thread) => thread.id)).toEqual([`q${site.commentThreadsPerPage + 1}`]);
    expect(section.page.hrefs).toEqual(['/articles/busy/', '/articles/busy/comments/2/']);
    expect(section.questions).toBe(comments.questions);
    expect(section.askHref).toBe(comments.askHref);
  });

  test('describes only the page’s own conversations in its structured data, linked to this page', async () => {
    const comments = await getArticleComments('busy');
    const { structuredData } = commentPageData(await busy(), comments, comments.pages[1]!);
    const last = site.commentThreadsPerPage + 1;
    expect(structuredData.url).toBe(absoluteUrl('/articles/busy/comments/2/'));
    expect(structuredData.comment?.map((comment) => comment.url)).toEqual([
      absoluteUrl(`/articles/busy/comments/2/#comment-q${last}`),
    ]);
  });
});
