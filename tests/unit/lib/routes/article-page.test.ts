import { describe, expect, test, vi } from 'vitest';

import { articlePageData, articlePagePaths } from '@/lib/routes/article-page';
import { absoluteUrl, articleImagePath } from '@/lib/urls';

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
          description: 'Why they happen.',
          published: '2026-03-01',
          updated: '2026-04-01',
          author: 'sam',
          medicalReview: { reviewer: 'jo', date: '2026-03-15' },
          tags: ['Sleep & rest', 'Legs'],
          references: [
            { title: 'Leg cramps', publisher: 'NHS', url: 'https://www.nhs.uk/conditions/leg-cramps/' },
            { title: 'Cramp', url: 'https://example.org/cramp' },
          ],
        },
        'Stretch first.<Cite n={2} />\n\n<CareCard urgency="urgent" heading="See a GP if:">\nit lasts\n</CareCard>',
      ],
      ['sleep', { title: 'Sleep', description: 'Rest.', published: '2026-02-01', tags: ['sleep-rest'] }, 'Sleep.'],
      ['plain', { title: 'Plain', description: 'Nothing else.', published: '2026-01-01' }, 'Text.'],
      ['unpublished', { title: 'Draft', description: 'Not yet.', published: '2026-05-01', draft: true }],
      ['ghost', { title: 'Ghost', description: 'Credits nobody real.', published: '2025-01-01', author: 'nobody' }],
    ],
    people: [
      ['sam', { name: 'Sam Writer' }],
      ['jo', { name: 'Dr Jo Reviewer', credentials: 'MBBS' }],
    ],
    comments: [
      [
        'cramps',
        [
          { id: 'q1', title: 'Is it normal?', body: 'Every night.' },
          { id: 'q1-a1', parent: 'q1', body: 'Same here.' },
          { id: 's1', body: 'Spam.', status: 'spam' },
        ],
      ],
    ],
  }),
);

const { getPublishedArticles } = await import('@/lib/content');
const article = async (slug: string) => (await getPublishedArticles()).find((entry) => entry.id === slug)!;
const h2 = (text: string) => ({ depth: 2, slug: text.toLowerCase(), text });

describe('articlePagePaths', () => {
  test('gives every published article a page at its slug, drafts left out', async () => {
    const paths = await articlePagePaths();
    expect(paths.map((path) => path.params.slug)).toEqual(['cramps', 'sleep', 'plain', 'ghost']);
    expect(paths.map((path) => path.props.article.id)).toEqual(['cramps', 'sleep', 'plain', 'ghost']);
  });

  test('keys each page by its own comments, so one comment re-renders one article', async () => {
    const keys = (await articlePagePaths()).map((path) => path.cacheKey);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys[0]).toContain('cramps=');
    expect(keys[1]).toContain('no comments');
  });
});

describe('articlePageData', () => {
  test('titles the page and its sharing card with the article', async () => {
    const { layout } = await articlePageData(await article('cramps'), []);
    expect(layout).toEqual({
      title: 'Leg cramps',
      description: 'Why they happen.',
      type: 'article',
      image: { path: articleImagePath('cramps'), alt: '“Leg cramps” on Health Questions' },
      published: new Date('2026-03-01'),
      modified: new Date('2026-04-01'),
    });
  });

  test('leads from home through the article’s first tag, named by its most used spelling', async () => {
    const { crumbs } = await articlePageData(await article('cramps'), []);
    expect(crumbs).toEqual([
      { name: 'Home', path: '/' },
      { name: 'Sleep & rest', path: '/tags/sleep-rest/' },
      { name: 'Leg cramps', path: '/articles/cramps/' },
    ]);
  });

  test('leads straight from home to an article without tags', async () => {
    const { crumbs } = await articlePageData(await article('plain'), []);
    expect(crumbs.map((crumb) => crumb.name)).toEqual(['Home', 'Plain']);
  });

  test('credits the writer and the reviewer, linking their pages', async () => {
    const { header } = await articlePageData(await article('cramps'), []);
    expect(header.author).toEqual({ name: 'Sam Writer', credentials: undefined, href: '/people/sam/' });
    expect(header.reviewer).toEqual({ name: 'Dr Jo Reviewer', credentials: 'MBBS', href: '/people/jo/' });
    expect(header.commentCount).toBe(2);
    expect(header.readingMinutes).toBe(1);
  });

  test('credits nobody when the article names nobody', async () => {
    const { header, structuredData } = await articlePageData(await article('plain'), []);
    expect([header.author, header.reviewer]).toEqual([undefined, undefined]);
    expect(structuredData).not.toHaveProperty('author');
    expect(structuredData).not.toHaveProperty('reviewedBy');
  });

  test('names the same people, trail and comments in the structured data as on the page', async () => {
    const { structuredData } = await articlePageData(await article('cramps'), []);
    expect(structuredData.author).toMatchObject({ name: 'Sam Writer' });
    expect(structuredData.reviewedBy).toMatchObject({ name: 'Dr Jo Reviewer' });
    expect(structuredData.breadcrumb?.itemListElement.map((item) => item.name)).toEqual([
      'Home',
      'Sleep & rest',
      'Leg cramps',
    ]);
    expect(structuredData.commentCount).toBe(2);
    expect(structuredData.comment?.map((comment) => comment.url)).toEqual([
      absoluteUrl('/articles/cramps/#comment-q1'),
    ]);
  });

  test('says which references the text cites', async () => {
    const { references } = await articlePageData(await article('cramps'), []);
    expect(references?.references.map((reference) => reference.title)).toEqual(['Leg cramps', 'Cramp']);
    expect(references?.cited).toEqual([2]);
  });

  test('has no references part for an article that lists none', async () => {
    expect((await articlePageData(await article('plain'), [])).references).toBeUndefined();
  });

  test('loads the callout styles only for an article that uses a callout', async () => {
    expect((await articlePageData(await article('cramps'), [])).usesCallouts).toBe(true);
    expect((await articlePageData(await article('plain'), [])).usesCallouts).toBe(false);
  });

  test('lists the sections in a table of contents only from three on', async () => {
    const two = [h2('Causes'), h2('Treatment')];
    const three = [...two, { depth: 3, slug: 'at-night', text: 'At night' }, h2('Prevention')];
    expect((await articlePageData(await article('plain'), two)).tableOfContents).toEqual([]);
    expect((await articlePageData(await article('plain'), three)).tableOfContents.map((h) => h.text)).toEqual([
      'Causes',
      'Treatment',
      'Prevention',
    ]);
  });

  test('dates the last review and the next one due', async () => {
    const { reviewDates } = await articlePageData(await article('cramps'), []);
    expect(reviewDates).toEqual({ lastReviewed: new Date('2026-03-15'), nextReviewDue: new Date('2029-03-15') });
  });

  test('links the articles published before and after it and those sharing its tags', async () => {
    const { moreArticles } = await articlePageData(await article('sleep'), []);
    expect(moreArticles.previous?.id).toBe('plain');
    expect(moreArticles.next?.id).toBe('cramps');
    expect(moreArticles.related.map((related) => related.id)).toEqual(['cramps']);
  });

  test('shows the first page of published comments under the article', async () => {
    const { comments } = await articlePageData(await article('cramps'), []);
    expect(comments.articleTitle).toBe('Leg cramps');
    expect(comments.count).toBe(2);
    expect(comments.page.number).toBe(1);
    expect(comments.page.items.map((thread) => thread.id)).toEqual(['q1']);
    expect(comments.page.items[0]!.permalink).toBe('/articles/cramps/#comment-q1');
  });

  test('names the missing person when the article credits someone not in content/people', async () => {
    await expect(articlePageData(await article('ghost'), [])).rejects.toThrow(
      'No person "nobody": add content/people/nobody.yaml',
    );
  });
});
