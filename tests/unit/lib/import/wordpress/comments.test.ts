import { describe, expect, test } from 'vitest';

import { buildThread } from '@/lib/comments/thread';
import { importComments, sanitizeCommentHtml, type WxrComment } from '@/lib/import/wordpress';
import { commentsFileSchema } from '@/schemas/comments';

let nextId = 1;
function comment(fields: Partial<WxrComment> = {}): WxrComment {
  const id = String(nextId++);
  return {
    id,
    parentId: '0',
    author: `Reader ${id}`,
    authorUrl: '',
    dateGmt: `2024-01-01 10:00:${id.padStart(2, '0').slice(-2)}`,
    date: '',
    content: `Comment ${id}`,
    approved: '1',
    type: '',
    ...fields,
  };
}

describe('comment import', () => {
  test('keeps approved comments and skips pending, spam and trashed ones, counting each', () => {
    const kept = comment();
    const result = importComments([
      kept,
      comment({ approved: '0' }),
      comment({ approved: 'spam' }),
      comment({ approved: 'trash' }),
    ]);
    expect(result.comments.map((entry) => entry.id)).toEqual([kept.id]);
    expect(Object.fromEntries(result.skipped)).toEqual({ pending: 1, spam: 1, trash: 1 });
  });

  test('skips pingbacks and trackbacks unless asked to keep them', () => {
    const pings = [comment({ type: 'pingback' }), comment({ type: 'trackback' })];
    expect(importComments(pings).comments).toEqual([]);
    expect(Object.fromEntries(importComments(pings).skipped)).toEqual({ pingback: 1, trackback: 1 });
    expect(importComments(pings, { includePingbacks: true }).comments).toHaveLength(2);
  });

  test('keeps the WordPress ids, so old #comment-123 links still find the comment', () => {
    const question = comment({ id: '881' });
    const answer = comment({ id: '905', parentId: '881' });
    expect(importComments([question, answer]).comments.map(({ id, parent }) => ({ id, parent }))).toEqual([
      { id: '881', parent: undefined },
      { id: '905', parent: '881' },
    ]);
  });

  test('re-attaches a reply whose parent was skipped to its nearest kept ancestor, and reports it', () => {
    const question = comment();
    const spam = comment({ parentId: question.id, approved: 'spam' });
    const reply = comment({ parentId: spam.id });
    const result = importComments([question, spam, reply]);
    expect(result.comments.find((entry) => entry.id === reply.id)?.parent).toBe(question.id);
    expect(result.reattached).toEqual([
      { comment: reply.id, parent: spam.id, parentReason: 'spam', attachedTo: question.id },
    ]);
  });

  test('makes a reply top-level when none of its ancestors was kept', () => {
    const pending = comment({ approved: '0' });
    const reply = comment({ parentId: pending.id });
    const orphan = comment({ parentId: '9999' });
    const result = importComments([pending, reply, orphan]);
    expect(result.comments.map((entry) => entry.parent)).toEqual([undefined, undefined]);
    expect(result.reattached).toEqual([
      { comment: reply.id, parent: pending.id, parentReason: 'pending' },
      { comment: orphan.id, parent: '9999', parentReason: 'not in the export' },
    ]);
  });

  test('writes dates as ISO date-times in UTC', () => {
    expect(importComments([comment({ dateGmt: '2013-03-14 15:01:21' })]).comments[0]!.date).toBe(
      '2013-03-14T15:01:21Z',
    );
  });

  test('leaves out a date in a year the site refuses, so the imported file passes the content check', () => {
    const imported = importComments([
      comment({ dateGmt: '0024-03-14 15:01:21' }),
      comment({ dateGmt: '9999-12-31 23:59:59' }),
      comment({ dateGmt: '0000-00-00 00:00:00' }),
    ]).comments;
    expect(imported.map((entry) => entry.date)).toEqual([undefined, undefined, undefined]);
    expect(commentsFileSchema().safeParse({ comments: imported }).success).toBe(true);
  });

  test('keeps only http and https web addresses for authors', () => {
    const result = importComments([
      comment({ authorUrl: 'http://example.org/' }),
      comment({ authorUrl: 'javascript:alert(1)' }),
      comment({ authorUrl: 'example.org' }),
    ]);
    expect(result.comments.map((entry) => entry.authorUrl)).toEqual(['http://example.org/', undefined, undefined]);
  });

  test('decodes HTML entities in author names and leaves out empty ones', () => {
    const result = importComments([comment({ author: 'Ping 1 &laquo; What&#8217;s new' }), comment({ author: '' })]);
    expect(result.comments.map((entry) => entry.author)).toEqual(['Ping 1 « What’s new', undefined]);
  });

  test('makes the bold first line of a top-level comment its title when it asks a question', () => {
    const [question] = importComments([
      comment({ content: '<strong>Is this normal?</strong>\nIt hurts.\n\nA lot.' }),
    ]).comments;
    expect(question).toMatchObject({ title: 'Is this normal?', body: 'It hurts.\n\nA lot.' });
  });

  test('keeps a bold first line in the body when it is not a question or the comment is a reply', () => {
    const statement = comment({ content: '<b>Headings</b>\nText' });
    const reply = comment({ parentId: statement.id, content: '<b>Why?</b>\nBecause.' });
    const result = importComments([statement, reply]).comments;
    expect(result.map((entry) => [entry.title, entry.body])).toEqual([
      [undefined, '<b>Headings</b>\nText'],
      [undefined, '<b>Why?</b>\nBecause.'],
    ]);
  });

  test('keeps the writer’s line breaks and folds runs of blank lines', () => {
    const [entry] = importComments([comment({ content: 'One\r\nTwo  \n\n\n\nThree\n' })]).comments;
    expect(entry!.body).toBe('One\nTwo\n\nThree');
  });

  test('writes files that pass the site’s comment schema and form a tree', () => {
    const question = comment();
    const answer = comment({ parentId: question.id, authorUrl: 'https://example.org/' });
    const file = { comments: importComments([question, answer, comment({ parentId: answer.id })]).comments };
    const parsed = commentsFileSchema().parse(JSON.parse(JSON.stringify(file)));
    expect(buildThread(parsed.comments, 'comments.json').roots[0]!.descendantCount).toBe(2);
  });
});

describe('comment HTML sanitizing', () => {
  test('removes event handlers and keeps the allowed tags and attributes', () => {
    expect(
      sanitizeCommentHtml(
        '<a href="https://ok.example/" onclick="steal()" title="Ok">link</a> <b onmouseover="x()">bold</b>',
      ),
    ).toBe('<a href="https://ok.example/" title="Ok">link</a> <b>bold</b>');
  });

  test('removes scripts, styles and frames with their content', () => {
    expect(sanitizeCommentHtml('a<script>alert(1)</script>b<style>*{}</style>c<iframe src="x"></iframe>d')).toBe(
      'abcd',
    );
  });

  test('drops link addresses that could run code, however they are disguised', () => {
    expect(
      sanitizeCommentHtml(
        '<a href="javascript:alert(1)">a</a><a href="&#106;avascript:x">b</a><a href="java\tscript:x">c</a>',
      ),
    ).toBe('<a>a</a><a>b</a><a>c</a>');
  });

  test('drops tags the site does not show but keeps their text', () => {
    expect(sanitizeCommentHtml('<h1 class="x">Title</h1><img src=x onerror=alert(1)><div>text</div>')).toBe(
      'Titletext',
    );
  });

  test('leaves text that is not a tag exactly as written', () => {
    expect(sanitizeCommentHtml('D&C at 5 < 6 weeks & <3 {braces}')).toBe('D&C at 5 < 6 weeks & <3 {braces}');
  });
});
