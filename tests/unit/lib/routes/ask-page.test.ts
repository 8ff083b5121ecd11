import { describe, expect, test, vi } from 'vitest';

import { askPagePaths } from '@/lib/routes/ask-page';

vi.hoisted(() => {
  // The site takes questions, stored locally, whatever the machine's variables say.
  process.env.QUESTIONS = 'local';
});
// As `astro build` renders pages: `npm run dev` would also show drafts and scheduled articles.
vi.hoisted(() => vi.stubEnv('DEV', false));
vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
vi.mock('astro:content', async () =>
  (await import('../../../helpers/route-content')).mockedAstroContent({
    articles: [
      ['cramps', { title: 'Leg cramps', description: 'd', published: '2026-03-01' }],
      ['closed', { title: 'Closed', description: 'd', published: '2026-02-01', questions: false }],
      ['draft', { title: 'Draft', description: 'd', published: '2026-04-01', draft: true }],
      [
        'a-very-long-title',
        {
          title: 'Why night-time leg cramps happen and what helps to ease them',
          description: 'd',
          published: '2026-01-01',
        },
      ],
    ],
    comments: [['cramps', [{ id: 'q1', author: 'Sam', title: 'Is it normal?', body: 'Every night.' }]]],
    pages: [['privacy', { title: 'Privacy', description: 'What we keep.' }]],
  }),
);

describe('askPagePaths', () => {
  test('gives a question page to each published article that takes questions', async () => {
    expect((await askPagePaths()).map((path) => path.params.slug)).toEqual(['cramps', 'a-very-long-title']);
  });

  test('titles the page after the article, shortened to fit search results', async () => {
    const [cramps, long] = await askPagePaths();
    expect(cramps!.props.layout).toEqual({
      title: 'Ask a question: Leg cramps',
      description: 'Ask a question or reply to a reader about “Leg cramps”.',
    });
    expect(long!.props.layout.title).toBe('Ask: Why night-time leg cramps happen and what helps to ease them');
  });

  test('keys each page by its article’s comments, so one comment re-renders one ask page', async () => {
    const [cramps, long] = await askPagePaths();
    expect(cramps!.cacheKey).toContain('cramps=');
    expect(long!.cacheKey).toContain('no comments');
    expect(cramps!.cacheKey).not.toBe(long!.cacheKey);
  });

  test('offers the article’s published comments to reply to, and links the site pages it has', async () => {
    const [cramps] = await askPagePaths();
    const { context } = cramps!.props;
    expect(context.replyChoices.map((choice) => choice.id)).toEqual(['q1']);
    expect(context.articlePath).toBe('/articles/cramps/');
    expect(context.privacyPath).toBe('/privacy/');
    expect(context).not.toHaveProperty('guidelinesPath');
    expect(cramps!.props.formRegionHtml).toContain('Is it normal?');
  });
});
