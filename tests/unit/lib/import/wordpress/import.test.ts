/**
 * The import as a whole, on small exports written for each behaviour.
 */
import { describe, expect, test } from 'vitest';

import { formatReport, peopleOfExport } from '@/lib/import/wordpress';

import { bodyOf, importExport, wxr, type ItemSpec } from './helpers';

const importItems = (...items: ItemSpec[]) => importExport({ xml: wxr(...items) });

/** The frontmatter block of an article file, as text. */
const frontmatterOf = (contents: string | undefined) => /^---\n([\s\S]*?)\n---\n/.exec(contents ?? '')?.[1] ?? '';

describe('which items become articles', () => {
  test('imports posts pending review as drafts, and leaves out private and trashed posts', async () => {
    const { report, files } = await importItems(
      { id: 1, status: 'pending' },
      { id: 2, status: 'private' },
      { id: 3, status: 'trash' },
      { id: 4, status: 'auto-draft' },
    );
    expect(report.drafts).toEqual({ 'pending review': 1 });
    expect(frontmatterOf(files.get('articles/post-1.mdx'))).toMatch(/\ndraft: true$/);
    expect(report.skippedItems).toEqual({ private: 1, trash: 1, 'auto-draft': 1 });
  });

  test('imports a scheduled post with its future date and no draft flag, so a build on that day publishes it', async () => {
    const { report, files } = await importItems({ id: 1, status: 'future', dateGmt: '2031-03-04 09:00:00' });
    expect(report.scheduled).toBe(1);
    expect(report.drafts).toEqual({});
    const frontmatter = frontmatterOf(files.get('articles/post-1.mdx'));
    expect(frontmatter).toMatch(/\npublished: 2031-03-04(\n|$)/);
    expect(frontmatter).not.toMatch(/draft/);
    expect(formatReport(report)).toContain(
      '  scheduled     1  (published by the first build on or after their publication day)',
    );
  });

  test('leaves out post types the site has no place for, naming them', async () => {
    const { report } = await importItems({ id: 1, type: 'product' }, { id: 2, type: 'revision' });
    expect(report.skippedItems).toEqual({ 'post type "product"': 1, revision: 1 });
  });

  test('counts the comments of items it leaves out', async () => {
    const { report } = await importItems({ id: 1, status: 'private', comments: [{ id: 1 }, { id: 2, approved: '0' }] });
    expect(report.skippedComments).toEqual({ 'on an item not imported': 2 });
  });
});

describe('article frontmatter', () => {
  test('takes the description from the excerpt when there is one', async () => {
    const { files } = await importItems({ id: 1, excerpt: '<p>A short <em>summary</em>.</p>' });
    expect(frontmatterOf(files.get('articles/post-1.mdx'))).toContain('description: "A short summary."');
  });

  test('otherwise describes the article with its first sentences, as many as fit a search result', async () => {
    const sentence = (words: number) => `${Array.from({ length: words }, () => 'word').join(' ')}.`;
    const { files } = await importItems({ id: 1, content: `${sentence(10)} ${sentence(12)} ${sentence(20)}\n\nMore.` });
    expect(frontmatterOf(files.get('articles/post-1.mdx'))).toContain(`description: "${sentence(10)} ${sentence(12)}"`);
  });

  test('dates the article from the UTC fields, with an update date only when it changed on a later day', async () => {
    const { files } = await importItems(
      { id: 1, dateGmt: '2020-02-03 23:30:00', modifiedGmt: '2021-05-06 08:00:00' },
      { id: 2, dateGmt: '2020-02-03 08:00:00', modifiedGmt: '2020-02-03 09:00:00' },
    );
    expect(frontmatterOf(files.get('articles/post-1.mdx'))).toMatch(/\npublished: 2020-02-03\nupdated: 2021-05-06\n/);
    expect(frontmatterOf(files.get('articles/post-2.mdx'))).not.toContain('updated:');
  });

  test('credits the writer by a person id made from their display name', async () => {
    const { files } = await importItems({ id: 1 });
    expect(frontmatterOf(files.get('articles/post-1.mdx'))).toContain('author: "wendy-writer"');
  });

  test('writes the writer’s person file with their name and nothing the export does not say', async () => {
    const { files } = await importItems({ id: 1 });
    const person = files.get('people/wendy-writer.yaml');
    expect(person).toContain('name: "Wendy Writer"\n');
    expect(person!.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual(['name: "Wendy Writer"']);
  });

  test('writes a writer’s person file once, however many articles they wrote', async () => {
    const { files } = await importItems({ id: 1 }, { id: 2 });
    expect([...files.keys()].filter((path) => path.startsWith('people/'))).toEqual(['people/wendy-writer.yaml']);
  });

  test('gives no byline and writes no person file for a writer the export does not list', async () => {
    const { files, report } = await importItems({ id: 1, creator: 'ghost' });
    expect(frontmatterOf(files.get('articles/post-1.mdx'))).not.toContain('author:');
    expect([...files.keys()].filter((path) => path.startsWith('people/'))).toEqual([]);
    expect(report.warnings.map((warning) => warning.message)).toEqual([
      'writer "ghost" is not among the export\'s authors; no byline',
    ]);
  });

  test('tags the article with its categories and tags, once each, without "Uncategorized"', async () => {
    const { files } = await importItems({
      id: 1,
      terms: [
        { domain: 'category', slug: 'uncategorized', name: 'Uncategorized' },
        { domain: 'category', slug: 'pregnancy', name: 'Pregnancy' },
        { domain: 'post_tag', slug: 'pregnancy-2', name: 'pregnancy' },
        { domain: 'post_tag', slug: 'cramps', name: 'Leg &amp; foot cramps' },
        { domain: 'post_format', slug: 'post-format-aside', name: 'Aside' },
      ],
    });
    expect(frontmatterOf(files.get('articles/post-1.mdx'))).toContain(
      'tags:\n  - "Pregnancy"\n  - "Leg & foot cramps"',
    );
  });

  test('titles an untitled post after its slug, and says so', async () => {
    const { files, report } = await importItems({ id: 9, title: '', slug: 'edge-case-no-title' });
    expect(frontmatterOf(files.get('articles/edge-case-no-title.mdx'))).toContain('title: "Edge case no title"');
    expect(report.warnings).toContainEqual({
      kind: 'title',
      article: 'edge-case-no-title',
      message: 'post 9 has no title; titled "Edge case no title" from its slug',
    });
  });

  test('notes where the article came from in a YAML comment', async () => {
    const { files } = await importItems({ id: 1 });
    expect(files.get('articles/post-1.mdx')).toMatch(
      /^---\n# Imported from WordPress: https:\/\/blog\.example\/\?p=1\n/,
    );
  });
});

describe('slugs', () => {
  test('gives the second post that wants a slug a numbered one, and reports the collision', async () => {
    const { files, report } = await importItems(
      { id: 1, slug: 'cramps' },
      { id: 2, slug: 'cramps', title: 'Cramps again' },
    );
    expect([...files.keys()].filter((path) => path.startsWith('articles/'))).toEqual([
      'articles/cramps.mdx',
      'articles/cramps-2.mdx',
    ]);
    expect(report.warnings).toContainEqual({
      kind: 'slug',
      article: 'cramps-2',
      message: 'post 2 "Cramps again" wanted the slug "cramps", taken by post 1 "Post 1"; written as "cramps-2"',
    });
  });

  test('makes slugs page addresses: accents dropped, other scripts replaced by the title or the id', async () => {
    const { files } = await importItems(
      { id: 1, slug: 'caf%c3%a9-cr%c3%a8me' },
      { id: 2, slug: '%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf', title: 'Επίπεδο (Level) two' },
      { id: 3, slug: '%ce%b5%cf%80%ce%af%cf%80%ce%b5%ce%b4%ce%bf-3', title: 'Επίπεδο 3' },
    );
    expect([...files.keys()].filter((path) => path.startsWith('articles/'))).toEqual([
      'articles/cafe-creme.mdx',
      'articles/level-two.mdx',
      'articles/post-3.mdx',
    ]);
  });

  test('names the comments file after the article', async () => {
    const { files } = await importItems({ id: 1, slug: 'cramps', comments: [{ id: 10 }] });
    expect([...files.keys()]).toEqual([
      'people/wendy-writer.yaml',
      'articles/cramps.mdx',
      'comments/cramps.json',
      'redirects.yaml',
    ]);
  });
});

describe('the report', () => {
  test('lists replies re-attached because their parent was skipped, with their article', async () => {
    const { report } = await importItems({
      id: 1,
      slug: 'cramps',
      comments: [{ id: 10 }, { id: 11, parent: 10, approved: 'spam' }, { id: 12, parent: 11 }],
    });
    expect(report.reattached).toEqual([
      { article: 'cramps', comment: '12', parent: '11', parentReason: 'spam', attachedTo: '10' },
    ]);
    expect(formatReport(report)).toContain(
      'Replies re-attached because their parent was skipped: 1\n  cramps: comment 12 replied to 11 (spam); now a reply to 10',
    );
  });

  test('prints counts, skipped items and comments by reason, and warnings by kind', async () => {
    const { report } = await importItems(
      { id: 1, content: '[contact-form]', comments: [{ id: 1 }, { id: 2, type: 'pingback' }] },
      { id: 2, type: 'page' },
    );
    expect(formatReport(report)).toBe(
      [
        'Imported from "Test blog" (https://blog.example, WXR 1.2)',
        '  posts         1',
        '  pages         0',
        '  drafts        0',
        '  scheduled     0',
        '  comments      1  (on 1 article)',
        '  redirects     2  (old addresses: 1 of articles in redirectFrom, 1 of archives and feeds in redirects.yaml)',
        '',
        'Items skipped, by reason',
        '  page      1  (add --include-pages to import them)',
        '',
        'Comments skipped, by reason',
        '  pingback      1  (add --include-pingbacks to import them)',
        '',
        'Replies re-attached because their parent was skipped: 0',
        '',
        'Warnings: 1',
        '  Unknown shortcodes (kept as text): 1',
        '    post-1: [contact-form] is not a WordPress shortcode; kept as text',
      ].join('\n'),
    );
  });
});

describe('article bodies', () => {
  test('are written after the frontmatter, ending in a newline', async () => {
    const { files } = await importItems({ id: 1, content: 'One.\n\nTwo.' });
    expect(bodyOf(files.get('articles/post-1.mdx')!)).toBe('One.\n\nTwo.\n');
  });
});

describe('people from the export’s writers', () => {
  test('makes a person id from the display name, else the login, else a number', () => {
    const people = peopleOfExport(
      new Map([
        ['jo', 'Dr Jo Bloggs'],
        ['sam_w', ''],
        ['wang', '王医生'],
      ]),
    );
    expect([...people]).toEqual([
      ['jo', { id: 'dr-jo-bloggs', name: 'Dr Jo Bloggs' }],
      ['sam_w', { id: 'sam-w', name: 'sam_w' }],
      ['wang', { id: 'wang', name: '王医生' }],
    ]);
    expect(peopleOfExport(new Map([['作者', '王医生']])).get('作者')).toEqual({ id: 'writer-1', name: '王医生' });
  });

  test('gives writers whose names make the same id ids of their own, in the export’s order', () => {
    const people = peopleOfExport(
      new Map([
        ['a', 'Jo Bloggs'],
        ['b', 'Jo Bloggs'],
        ['c', 'jo-bloggs'],
      ]),
    );
    expect([...people.values()].map((person) => person.id)).toEqual(['jo-bloggs', 'jo-bloggs-2', 'jo-bloggs-3']);
  });
});
