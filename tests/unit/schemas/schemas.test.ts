import { describe, expect, test } from 'vitest';

import { articleSchema } from '@/schemas/article';
import { commentSchema, commentsFileSchema } from '@/schemas/comments';

const article = { title: 'Leg cramps', description: 'What helps.', published: '2024-05-01' };

/** The dotted paths of the fields a parse rejected. */
function rejectedFields(result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) {
  expect(result.success).toBe(false);
  return result.error!.issues.map((issue) => issue.path.join('.'));
}

describe('articleSchema', () => {
  test('accepts the minimum frontmatter and fills in defaults', () => {
    const data = articleSchema().parse(article);
    expect(data).toEqual({
      title: 'Leg cramps',
      description: 'What helps.',
      published: new Date('2024-05-01T00:00:00Z'),
      tags: [],
      references: [],
      draft: false,
      questions: true,
    });
  });

  test('accepts every optional field', () => {
    const data = articleSchema().parse({
      ...article,
      updated: '2024-06-01',
      author: 'a-writer',
      tags: ['pregnancy'],
      draft: true,
      medicalReview: { reviewer: 'b-checker', date: '2024-06-02' },
    });
    expect(data.medicalReview).toEqual({ reviewer: 'b-checker', date: new Date('2024-06-02T00:00:00Z') });
    expect(data.updated).toEqual(new Date('2024-06-01T00:00:00Z'));
  });

  test('accepts a date YAML has already parsed', () => {
    expect(articleSchema().parse({ ...article, published: new Date('2024-05-01') }).published).toEqual(
      new Date('2024-05-01'),
    );
  });

  test('rejects a missing title and description', () => {
    expect(rejectedFields(articleSchema().safeParse({ published: '2024-05-01' }))).toEqual(['title', 'description']);
  });

  test('rejects an impossible date', () => {
    expect(rejectedFields(articleSchema().safeParse({ ...article, published: '2024-02-30' }))).toEqual(['published']);
  });

  test('rejects a misspelt field instead of ignoring it', () => {
    expect(rejectedFields(articleSchema().safeParse({ ...article, tittle: 'x' }))).toEqual(['']);
  });

  test('rejects a tag with no letter or digit, which could have no page address', () => {
    expect(rejectedFields(articleSchema().safeParse({ ...article, tags: ['pregnancy', '?!'] }))).toEqual(['tags.1']);
  });

  test('rejects a medical review without a reviewer', () => {
    expect(rejectedFields(articleSchema().safeParse({ ...article, medicalReview: { date: '2024-01-01' } }))).toEqual([
      'medicalReview.reviewer',
    ]);
  });
});

describe('commentSchema', () => {
  test('accepts a comment with only an id and a body, approved by default', () => {
    expect(commentSchema().parse({ id: 'q1', body: 'Is this normal?' })).toEqual({
      id: 'q1',
      body: 'Is this normal?',
      status: 'approved',
    });
  });

  test('keeps pending and spam comments with their status', () => {
    expect(commentSchema().parse({ id: 'a', body: 'x', status: 'spam' }).status).toBe('spam');
    expect(rejectedFields(commentSchema().safeParse({ id: 'a', body: 'x', status: 'hidden' }))).toEqual(['status']);
  });

  test('accepts an http or https address for the writer', () => {
    expect(commentSchema().parse({ id: 'a', body: 'x', authorUrl: 'https://example.org/me' }).authorUrl).toBe(
      'https://example.org/me',
    );
  });

  test('rejects a writer address that is not http or https', () => {
    expect(rejectedFields(commentSchema().safeParse({ id: 'a', body: 'x', authorUrl: 'javascript:alert(1)' }))).toEqual(
      ['authorUrl'],
    );
  });

  test('keeps the body exactly as written, line breaks and spaces included', () => {
    const body = '  Line one\n\n-line two  ';
    expect(commentSchema().parse({ id: 'q1', body }).body).toBe(body);
  });

  test('accepts numeric ids and parents, as WordPress exports them, as strings', () => {
    expect(commentSchema().parse({ id: 12, parent: 7, body: 'x' })).toMatchObject({ id: '12', parent: '7' });
  });

  test('accepts a calendar date or a date-time', () => {
    expect(commentSchema().parse({ id: 'a', body: 'x', date: '2024-01-02' }).date).toEqual(new Date('2024-01-02'));
    expect(commentSchema().parse({ id: 'a', body: 'x', date: '2024-01-02T03:04:05Z' }).date).toEqual(
      new Date('2024-01-02T03:04:05Z'),
    );
  });

  test('rejects an empty body', () => {
    expect(rejectedFields(commentSchema().safeParse({ id: 'a', body: ' \n ' }))).toEqual(['body']);
  });

  test('rejects an id that cannot be a link target', () => {
    expect(rejectedFields(commentSchema().safeParse({ id: 'a b', body: 'x' }))).toEqual(['id']);
  });

  test('rejects a date that is not a date', () => {
    expect(rejectedFields(commentSchema().safeParse({ id: 'a', body: 'x', date: 'yesterday' }))).toEqual(['date']);
  });

  test('rejects fields it does not know, such as an email address', () => {
    expect(rejectedFields(commentSchema().safeParse({ id: 'a', body: 'x', email: 'a@b.c' }))).toEqual(['']);
  });
});

describe('commentsFileSchema', () => {
  test('accepts a file with a list of comments', () => {
    expect(commentsFileSchema().parse({ comments: [{ id: 'a', body: 'x' }] }).comments).toHaveLength(1);
  });

  test('rejects a bare list without the "comments" key', () => {
    expect(commentsFileSchema().safeParse([{ id: 'a', body: 'x' }]).success).toBe(false);
  });

  test('names the position of a bad comment in the list', () => {
    expect(rejectedFields(commentsFileSchema().safeParse({ comments: [{ id: 'a', body: 'x' }, { id: 'b' }] }))).toEqual(
      ['comments.1.body'],
    );
  });
});
