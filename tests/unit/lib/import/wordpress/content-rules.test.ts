/**
 * The importer never writes what the content check refuses: dates, threads, tags and comment fields
 * are repaired with a warning or left out with a reason.
 */
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { buildThread } from '@/lib/comments/thread';
import { checkedComments, formatReport, type ImportReport } from '@/lib/import/wordpress';
import { portableSlug, toSlug } from '@/lib/import/wordpress/text';
import { commentsFileSchema } from '@/schemas/comments';

import { importExport, wxr, type ItemSpec } from './helpers';

const importItems = (...items: ItemSpec[]) => importExport({ xml: wxr(...items) });

const messagesOf = (report: ImportReport, kind: string) =>
  report.warnings.filter((warning) => warning.kind === kind).map((warning) => warning.message);

const commentsIn = (contents: string | undefined) => commentsFileSchema().parse(JSON.parse(contents ?? '{}')).comments;

describe('reply threads', () => {
  test('a reply circle is broken at the comment that comes first in the export, with a warning', async () => {
    const { report, files } = await importItems({
      id: 1,
      comments: [{ id: 1 }, { id: 2, parent: 3 }, { id: 3, parent: 2 }, { id: 4, parent: 3 }],
    });
    const comments = commentsIn(files.get('comments/post-1.json'));
    expect(comments.map(({ id, parent }) => [id, parent])).toEqual([
      ['1', undefined],
      ['2', undefined],
      ['3', '2'],
      ['4', '3'],
    ]);
    expect(buildThread(comments, 'post-1.json').count).toBe(4);
    expect(messagesOf(report, 'thread')).toEqual([
      'comment 2: replies go round in a circle: "2" → "3" → "2"; now a top-level comment',
    ]);
    expect(formatReport(report)).toContain('Warnings: 1');
  });

  test('a comment that replies to itself becomes top-level and is reported as such, not as a missing parent', async () => {
    const { report, files } = await importItems({ id: 1, comments: [{ id: 1, parent: 1 }] });
    expect(commentsIn(files.get('comments/post-1.json'))[0]!.parent).toBeUndefined();
    expect(report.reattached).toEqual([]);
    expect(messagesOf(report, 'thread')).toEqual(['comment 1: the comment replies to itself; now a top-level comment']);
  });

  test('a reply that loops back to itself through skipped comments becomes top-level', async () => {
    const { report, files } = await importItems({
      id: 1,
      comments: [
        { id: 1, parent: 2 },
        { id: 2, parent: 1, approved: 'spam' },
      ],
    });
    expect(commentsIn(files.get('comments/post-1.json'))[0]!.parent).toBeUndefined();
    expect(report.reattached).toEqual([{ article: 'post-1', comment: '1', parent: '2', parentReason: 'spam' }]);
  });
});

describe('impossible dates', () => {
  test('a post whose UTC publication day does not exist takes its local date, with a warning', async () => {
    const { report, files } = await importExport({
      xml: wxr({ id: 1, dateGmt: '2023-02-29 10:00:00' }).replace(
        '<wp:post_date>2023-02-29 10:00:00</wp:post_date>',
        '<wp:post_date>2023-02-28 11:00:00</wp:post_date>',
      ),
    });
    expect(files.get('articles/post-1.mdx')).toMatch(/\npublished: 2023-02-28\n/);
    expect(messagesOf(report, 'date')).toContain(
      'post 1\'s publication date (UTC) "2023-02-29 10:00:00" is not a real date; not used',
    );
  });

  test('a post with no real publication date at all is not imported, and the report says why', async () => {
    const { report, files } = await importItems({ id: 1, dateGmt: '2024-02-30 10:00:00' });
    expect(files.has('articles/post-1.mdx')).toBe(false);
    expect(report.skippedItems).toEqual({ 'impossible publication date': 1 });
  });

  test('an impossible update date is left out', async () => {
    const { report, files } = await importItems({ id: 1, modifiedGmt: '2024-13-01 10:00:00' });
    expect(files.get('articles/post-1.mdx')).not.toContain('updated:');
    expect(messagesOf(report, 'date')).toEqual([
      'post 1\'s last change date (UTC) "2024-13-01 10:00:00" is not a real date; not used',
    ]);
  });

  test('a comment dated on a day that does not exist keeps no date, with a warning', async () => {
    const { report, files } = await importItems({
      id: 1,
      comments: [{ id: 7, dateGmt: '2024-02-30 10:00:00' }],
    });
    const [comment] = commentsIn(files.get('comments/post-1.json'));
    expect(comment!.date).toBeUndefined();
    expect(messagesOf(report, 'date')).toContain(
      'comment 7\'s UTC date "2024-02-30 10:00:00" is not a real date; not used',
    );
  });

  test('24:00:00 is read as midnight at the start of the next day', async () => {
    const { report, files } = await importItems({ id: 1, comments: [{ id: 7, dateGmt: '2024-02-29 24:00:00' }] });
    expect(JSON.parse(files.get('comments/post-1.json')!).comments[0].date).toBe('2024-03-01T00:00:00Z');
    expect(messagesOf(report, 'date')[0]).toContain(
      '"2024-02-29 24:00:00" (24:00, the end of the day) read as 2024-03-01 00:00:00',
    );
  });

  test('a post published at 24:00 is published on the next day', async () => {
    const { files } = await importItems({ id: 1, dateGmt: '2023-12-31 24:00:00' });
    expect(files.get('articles/post-1.mdx')).toMatch(/\npublished: 2024-01-01\n/);
  });
});

describe('fields the content schema refuses', () => {
  test('a tag with no letter or digit is left out, with a warning', async () => {
    const { report, files } = await importItems({
      id: 1,
      terms: [
        { domain: 'post_tag', slug: 'x', name: '!!!' },
        { domain: 'post_tag', slug: 'sleep', name: 'Sleep' },
      ],
    });
    expect(files.get('articles/post-1.mdx')).toContain('tags:\n  - "Sleep"\n');
    expect(messagesOf(report, 'field')).toEqual([
      'post 1: tag "!!!" must contain a letter or a digit, to give the tag a page address; left out',
    ]);
  });

  test('a comment field the schema refuses is left out and the comment kept', () => {
    const checked = checkedComments(
      [{ id: '1', author: '   ', date: '2024-02-30T10:00:00Z', body: 'Hello' }],
      'comments/x.json',
    );
    expect(checked.comments).toEqual([{ id: '1', body: 'Hello' }]);
    expect(checked.warnings.map((warning) => warning.kind)).toEqual(['field', 'field']);
  });

  test('a question line the schema refuses goes back to the top of the body, so no words are lost', () => {
    const checked = checkedComments([{ id: '1', title: ' ', body: 'Hello' }], 'comments/x.json');
    expect(checked.comments).toEqual([{ id: '1', body: '** **\n\nHello' }]);
  });

  test('a comment whose body the schema refuses is left out, its replies move up, and the report says why', () => {
    const checked = checkedComments(
      [
        { id: '1', body: 'Question' },
        { id: '2', parent: '1', body: ' \n ' },
        { id: '3', parent: '2', body: 'Reply to the empty one' },
      ],
      'comments/x.json',
    );
    expect(checked.comments.map(({ id, parent }) => [id, parent])).toEqual([
      ['1', undefined],
      ['3', '1'],
    ]);
    expect(checked.refused).toBe(1);
    expect(checked.reattached).toEqual([
      { comment: '3', parent: '2', parentReason: 'refused by the content check', attachedTo: '1' },
    ]);
    expect(checked.warnings[0]!.message).toMatch(/^comment 2: body " \\n " .+; not written$/);
  });
});

describe('slugs every system can hold', () => {
  test.each([
    ['con', 'con-post'],
    ['NUL', 'nul-post'],
    ['aux.txt', 'aux-txt-post'],
    ['lpt1', 'lpt1-post'],
    ['con-artists', 'con-artists'],
  ])('the slug "%s" is written as "%s"', async (wanted, written) => {
    const { report, files } = await importItems({ id: 1, slug: wanted });
    expect([...files.keys()]).toContain(`articles/${written}.mdx`);
    expect(messagesOf(report, 'slug')).toHaveLength(wanted === written ? 0 : 1);
  });

  test('a writer whose name is a Windows device name gets a person id every system can hold', async () => {
    const { files } = await importExport({
      xml: wxr({ id: 1 }).replace('Wendy Writer', 'Con'),
    });
    expect([...files.keys()]).toContain('people/con-writer.yaml');
    expect(files.get('articles/post-1.mdx')).toContain('author: "con-writer"');
  });

  test('ß and ı are spelled in ASCII rather than dropped', async () => {
    const { files } = await importItems({ id: 1, slug: encodeURIComponent('straße-ışık') });
    expect([...files.keys()]).toContain('articles/strasse-isik.mdx');
  });

  test('every slug the importer makes is one the content check accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 40 }), (value) => {
        const slug = toSlug(value);
        if (slug !== undefined) expect(portableSlug(slug, 'post')).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      }),
    );
  });
});

describe('markup nested too deep outside post bodies', () => {
  const deep = (text: string) => `${'<span>'.repeat(20_000)}${text}${'</span>'.repeat(20_000)}`;

  test('a writer’s name, a title, an excerpt, a tag and a comment’s author nested 20,000 deep keep their words', async () => {
    const { files } = await importExport({
      xml: wxr({
        id: 1,
        title: deep('Title'),
        excerpt: deep('Summary.'),
        terms: [{ domain: 'post_tag', slug: 't', name: deep('Tag') }],
        comments: [{ id: 1, author: deep('Ann') }],
      }).replace('Wendy Writer', deep('Wendy')),
    });
    const article = files.get('articles/post-1.mdx')!;
    expect(article).toContain('title: "Title"');
    expect(article).toContain('description: "Summary."');
    expect(article).toContain('  - "Tag"');
    expect(files.get('people/wendy.yaml')).toContain('name: "Wendy"');
    expect(commentsIn(files.get('comments/post-1.json'))[0]!.author).toBe('Ann');
  });
});

describe('comments the thread refuses', () => {
  test('of two comments with one id, the first keeps it, with the replies to it', () => {
    const checked = checkedComments(
      [
        { id: '1', body: 'First' },
        { id: '1', body: 'Second' },
        { id: '2', parent: '1', body: 'Reply' },
      ],
      'comments/x.json',
    );
    expect(checked.comments).toEqual([
      { id: '1', body: 'First' },
      { id: '2', parent: '1', body: 'Reply' },
    ]);
    expect(checked.reattached).toEqual([]);
    expect(checked.warnings.map((warning) => warning.message)).toEqual([
      'comment 1: is used by more than one comment; not written',
    ]);
  });
});
