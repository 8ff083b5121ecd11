import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

import type { DisplayComment } from '@/lib/comments';
import { questionFormPath } from '@/lib/urls';
import type { CommentInput } from '@/schemas/comments';

/** Comments files as the content layer gives them: parsed by the real schema, keyed by article slug. */
let commentFiles: Record<string, { digest: string; comments: CommentInput[] }>;
/** Digests of the articles' files. */
let articleDigests: Record<string, string>;
/** Articles whose frontmatter says `questions: false`. */
let articlesWithoutQuestions: Set<string>;
/** Articles whose frontmatter says `draft: true`. */
let draftArticles: Set<string>;
/** `published` days of the articles that have one here; the others were published long ago. */
let publishedDays: Record<string, string>;

vi.mock('astro:content', () => ({
  getCollection: async (collection: string, filter: (entry: unknown) => boolean = () => true) => {
    if (collection === 'comments') {
      const { storedCommentsEntry } = await import('../../helpers/stored-comments');
      return Object.entries(commentFiles).map(([id, { digest, comments }]) =>
        storedCommentsEntry(id, comments, digest),
      );
    }
    if (collection === 'articles')
      return Object.entries(articleDigests)
        .map(([id, digest]) => ({
          id,
          collection,
          digest,
          data: {
            title: id,
            description: `About ${id}.`,
            draft: draftArticles.has(id),
            published: new Date(`${publishedDays[id] ?? '2024-01-01'}T00:00:00Z`),
            questions: !articlesWithoutQuestions.has(id),
            tags: ['sleep'],
          },
        }))
        .filter(filter);
    return [];
  },
}));

/** The content module afresh, as a new build loads it (it keeps what it read for the rest of a build). */
const content = async () => {
  vi.resetModules();
  return import('@/lib/content');
};

beforeEach(() => {
  vi.stubEnv('QUESTIONS', 'local');
  // As `astro build` runs it: `npm run dev` shows unpublished articles too.
  vi.stubEnv('DEV', false);
  articlesWithoutQuestions = new Set();
  draftArticles = new Set();
  publishedDays = {};
  articleDigests = { moderated: 'a1', quiet: 'a2' };
  commentFiles = {
    moderated: {
      digest: 'c1',
      comments: [
        { id: 'q1', body: 'A question.' },
        { id: 'a1', parent: 'q1', body: 'An answer.' },
        { id: 'p1', parent: 'q1', body: 'Waiting for moderation.', status: 'pending' },
        { id: 'r1', parent: 'p1', body: 'A reply to the pending comment.' },
        { id: 's1', body: 'Buy now.', status: 'spam' },
      ],
    },
  };
});

describe('getCommentCount', () => {
  test('counts only published comments, replies to unpublished ones included', async () => {
    const { getCommentCount } = await content();
    expect(await getCommentCount('moderated')).toBe(3);
  });

  test('gives the count the article’s comment section shows', async () => {
    const { getArticleComments, getCommentCount } = await content();
    expect(await getCommentCount('moderated')).toBe((await getArticleComments('moderated')).count);
  });

  test('gives 0 for an article without a comments file', async () => {
    const { getCommentCount } = await content();
    expect(await getCommentCount('quiet')).toBe(0);
  });
});

describe('an article’s comments file and its one-comment files', () => {
  beforeEach(() => {
    commentFiles['moderated/r-new'] = { digest: 'c2', comments: [{ id: 'r-new', parent: 'q1', body: 'Sent in.' }] };
    commentFiles['moderated/q-new'] = { digest: 'c3', comments: [{ id: 'q-new', body: 'A new question.' }] };
  });

  test('make one thread: a reply in its own file is shown under the comment it answers', async () => {
    const { getArticleComments } = await content();
    const [page] = (await getArticleComments('moderated')).pages;
    expect(page!.items.map((thread) => thread.id)).toEqual(['q1', 'q-new']);
    expect(page!.items[0]!.replies.map((reply) => reply.id)).toEqual(['a1', 'r1', 'r-new']);
  });

  test('are counted together', async () => {
    const { getArticleComments, getCommentCount } = await content();
    expect(await getCommentCount('moderated')).toBe(5);
    expect((await getArticleComments('moderated')).count).toBe(5);
  });

  test('share one set of ids: a clash names the file of each comment', async () => {
    commentFiles['moderated/a1'] = { digest: 'c4', comments: [{ id: 'a1', body: 'Same id as in the file.' }] };
    const { getArticleComments } = await content();
    await expect(getArticleComments('moderated')).rejects.toThrow(
      /content\/comments\/moderated\/a1\.json: comment "a1", field "id": is used by more than one comment \(also in \S*content\/comments\/moderated\.json\)\./,
    );
  });

  test('stop the build at a staff answer naming a person with no file, saying which file and comment', async () => {
    commentFiles['moderated/r-staff'] = {
      digest: 'c6',
      comments: [{ id: 'r-staff', parent: 'q1', person: 'nobody', body: 'An answer.' }],
    };
    const { getArticleComments } = await content();
    await expect(getArticleComments('moderated')).rejects.toThrow(
      'content/comments/moderated/r-staff.json: comment "r-staff", field "person": names "nobody", who is not in content/people.',
    );
  });

  test('belong to no other article', async () => {
    const { getCommentCount } = await content();
    expect(await getCommentCount('quiet')).toBe(0);
  });

  test('change the article’s cache key when one is added', async () => {
    const before = await (await content()).getArticlePagesCacheKey('moderated');
    commentFiles['moderated/r-later'] = { digest: 'c5', comments: [{ id: 'r-later', parent: 'q1', body: 'Later.' }] };
    expect(await (await content()).getArticlePagesCacheKey('moderated')).not.toBe(before);
  });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('questions under an article', () => {
  const replyHrefs = (comments: readonly DisplayComment[]) => comments.map((comment) => comment.replyHref);

  test('are invited, with a Reply link on every comment, when the site and the article take them', async () => {
    const comments = await (await content()).getArticleComments('moderated');
    expect(comments.questions).toBe('open');
    expect(comments.askHref).toBe(questionFormPath('moderated'));
    expect(replyHrefs(comments.pages[0]!.items)).toEqual([questionFormPath('moderated', 'q1')]);
  });

  test('are closed, with no links, on an article that says questions: false', async () => {
    articlesWithoutQuestions.add('moderated');
    const comments = await (await content()).getArticleComments('moderated');
    expect([comments.questions, comments.askHref]).toEqual(['closed', undefined]);
    expect(replyHrefs(comments.pages[0]!.items)).toEqual([undefined]);
  });

  test('are off, with no links, when the build takes none', async () => {
    vi.stubEnv('QUESTIONS', 'off');
    const comments = await (await content()).getArticleComments('moderated');
    expect([comments.questions, comments.askHref]).toEqual(['off', undefined]);
    expect(replyHrefs(comments.pages[0]!.items)).toEqual([undefined]);
  });

  test('change every article’s cache key when the build starts or stops taking them', async () => {
    const open = await (await content()).getArticlePagesCacheKey('quiet');
    vi.stubEnv('QUESTIONS', 'off');
    expect(await (await content()).getArticlePagesCacheKey('quiet')).not.toBe(open);
  });
});

describe('getArticlePagesCacheKey', () => {
  test('stays the same from build to build while nothing changes', async () => {
    const first = await (await content()).getArticlePagesCacheKey('moderated');
    expect(await (await content()).getArticlePagesCacheKey('moderated')).toBe(first);
  });

  test('differs from article to article', async () => {
    const { getArticlePagesCacheKey } = await content();
    expect(await getArticlePagesCacheKey('moderated')).not.toBe(await getArticlePagesCacheKey('quiet'));
  });

  test('changes for the article whose comments changed, and only for it', async () => {
    const before = await content();
    const [moderated, quiet] = [
      await before.getArticlePagesCacheKey('moderated'),
      await before.getArticlePagesCacheKey('quiet'),
    ];
    commentFiles.moderated!.digest = 'c1-edited';
    const after = await content();
    expect(await after.getArticlePagesCacheKey('moderated')).not.toBe(moderated);
    expect(await after.getArticlePagesCacheKey('quiet')).toBe(quiet);
  });

  test('changes for every article when any article changes, since pages name and link each other', async () => {
    const quiet = await (await content()).getArticlePagesCacheKey('quiet');
    articleDigests.moderated = 'a1-edited';
    expect(await (await content()).getArticlePagesCacheKey('quiet')).not.toBe(quiet);
  });

  test.each([
    ['SITE_OWNER', 'Another Owner'],
    ['QUESTIONS', 'off'],
  ])('changes for every article when %s changes, since pages show it', async (name, value) => {
    vi.stubEnv(name, 'first');
    vi.stubEnv('QUESTIONS', 'local');
    const before = await (await content()).getArticlePagesCacheKey('quiet');
    vi.stubEnv(name, value);
    try {
      expect(await (await content()).getArticlePagesCacheKey('quiet')).not.toBe(before);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});

describe('getArticleNeighbours', () => {
  test('gives the articles published just before and just after the article', async () => {
    articleDigests = { first: 'a1', second: 'a2', third: 'a3' };
    publishedDays = { first: '2026-01-01', second: '2026-02-01', third: '2026-03-01' };
    const { getArticleNeighbours } = await content();
    const { article, previous, next } = await getArticleNeighbours('second');
    expect([previous?.id, article.id, next?.id]).toEqual(['first', 'second', 'third']);
  });

  test('throws an error naming an article that is not published', async () => {
    const { getArticleNeighbours } = await content();
    await expect(getArticleNeighbours('not-there')).rejects.toThrow('No published article "not-there"');
  });
});

describe('getPublishedArticles, with the build day pinned by BUILD_DATE', () => {
  beforeEach(() => {
    articleDigests = { older: 'a1', scheduled: 'a2', unfinished: 'a3' };
    publishedDays = { older: '2026-12-01', scheduled: '2026-12-10' };
    draftArticles = new Set(['unfinished']);
  });

  const publishedOn = async (day: string) => {
    vi.stubEnv('BUILD_DATE', day);
    return (await (await content()).getPublishedArticles()).map((article) => article.id);
  };

  test('leaves out a draft and an article scheduled for the next day', async () => {
    expect(await publishedOn('2026-12-09')).toEqual(['older']);
  });

  test('publishes a scheduled article on its day, newest first', async () => {
    expect(await publishedOn('2026-12-10')).toEqual(['scheduled', 'older']);
  });

  test('keeps it published the day after; the draft stays out', async () => {
    expect(await publishedOn('2026-12-11')).toEqual(['scheduled', 'older']);
  });

  test('leaves the draft and the scheduled article out of the lists and the tags', async () => {
    vi.stubEnv('BUILD_DATE', '2026-12-09');
    const { getArticleSummaries, getTags } = await content();
    expect((await getArticleSummaries()).map((summary) => summary.id)).toEqual(['older']);
    expect((await getTags()).map((tag) => [tag.name, tag.items.map((article) => article.id)])).toEqual([
      ['sleep', ['older']],
    ]);
  });

  test('shows drafts and scheduled articles in `npm run dev`, each with its banner', async () => {
    vi.stubEnv('BUILD_DATE', '2026-12-09');
    vi.stubEnv('DEV', true);
    const { getPublishedArticles, getUnpublishedBanner } = await content();
    const articles = await getPublishedArticles();
    expect(articles.map((article) => [article.id, getUnpublishedBanner(article)])).toEqual([
      ['scheduled', 'Scheduled: not published until 10 December 2026'],
      ['older', undefined],
      ['unfinished', 'Draft: not published'],
    ]);
  });

  test('changes every article’s cache key on a scheduled article’s day, and not on the days between', async () => {
    const keyOn = async (day: string) => {
      vi.stubEnv('BUILD_DATE', day);
      return (await content()).getArticlePagesCacheKey('older');
    };
    const [before, dayBefore, onTheDay, dayAfter] = [
      await keyOn('2026-12-08'),
      await keyOn('2026-12-09'),
      await keyOn('2026-12-10'),
      await keyOn('2026-12-11'),
    ];
    expect(dayBefore).toBe(before);
    expect(onTheDay).not.toBe(dayBefore);
    expect(dayAfter).toBe(onTheDay);
  });
});
