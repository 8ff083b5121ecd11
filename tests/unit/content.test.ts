import { describe, expect, test, vi } from 'vitest';

import { getArticleComments, getCommentCount } from '@/lib/content';
import { commentsFileSchema, type CommentInput } from '@/schemas/comments';

/** Comments files as the content layer gives them: parsed by the real schema, keyed by article slug. */
const FILES: Record<string, CommentInput[]> = {
  moderated: [
    { id: 'q1', body: 'A question.' },
    { id: 'a1', parent: 'q1', body: 'An answer.' },
    { id: 'p1', parent: 'q1', body: 'Waiting for moderation.', status: 'pending' },
    { id: 'r1', parent: 'p1', body: 'A reply to the pending comment.' },
    { id: 's1', body: 'Buy now.', status: 'spam' },
  ],
};

vi.mock('astro:content', () => ({
  getCollection: async (collection: string) =>
    collection === 'comments'
      ? Object.entries(FILES).map(([id, comments]) => ({
          id,
          collection,
          data: commentsFileSchema().parse({ comments }),
        }))
      : [],
}));

describe('getCommentCount', () => {
  test('counts only published comments, replies to unpublished ones included', async () => {
    expect(await getCommentCount('moderated')).toBe(3);
  });

  test('gives the count the article’s comment section shows', async () => {
    expect(await getCommentCount('moderated')).toBe((await getArticleComments('moderated')).count);
  });

  test('gives 0 for an article without a comments file', async () => {
    expect(await getCommentCount('no-comments')).toBe(0);
  });
});
