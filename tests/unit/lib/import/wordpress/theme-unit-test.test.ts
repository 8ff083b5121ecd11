/**
 * WordPress's own theme test data imported as a whole: the counts, the threads and the site's schemas.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { buildThread } from '@/lib/comments/thread';
import type { ImportReport } from '@/lib/import/wordpress';
import { commentsFileSchema, type CommentData } from '@/schemas/comments';

import {
  filesOf,
  importExport,
  loadMdx,
  parseFrontmatter,
  removeTemporaryFolders,
  THEME_DATA,
  writeToTemporaryFolder,
} from './helpers';

afterAll(removeTemporaryFolders);

let report: ImportReport;
let files: Map<string, string>;
let articles: Map<string, string>;
let comments: Map<string, CommentData[]>;

beforeAll(async () => {
  ({ report, files } = await importExport({ path: THEME_DATA }));
  articles = filesOf(files, 'articles');
  comments = new Map(
    [...filesOf(files, 'comments')].map(([slug, text]) => [
      slug,
      commentsFileSchema().parse(JSON.parse(text)).comments,
    ]),
  );
});

describe('importing the theme test data', () => {
  test('imports the 55 published posts, the draft as a draft and the scheduled post as scheduled', () => {
    expect(report.posts).toBe(55);
    expect(report.drafts).toEqual({ draft: 1 });
    expect(report.scheduled).toBe(1);
    expect(articles.size).toBe(57);
  });

  test('skips pages, attachments, menu items and the password-protected post, by reason', () => {
    expect(report.pages).toBe(0);
    expect(report.skippedItems).toEqual({ page: 21, attachment: 37, 'menu item': 70, 'password-protected': 1 });
  });

  test('imports the 22 approved comments on 4 posts', () => {
    expect(report.comments).toBe(22);
    expect(report.articlesWithComments).toBe(4);
    expect([...comments.values()].flat()).toHaveLength(22);
  });

  test('skips pending comments, pingbacks, trackbacks and comments on items not imported', () => {
    expect(report.skippedComments).toEqual({ pending: 1, pingback: 2, trackback: 2, 'on an item not imported': 6 });
    expect(report.reattached).toEqual([]);
  });

  test('keeps the thread ten levels deep, each reply under its parent', () => {
    const thread = buildThread(comments.get('template-comments')!, 'template-comments.json');
    let node = thread.roots.find((root) => root.comment.body === 'Comment Depth 01')!;
    const depthLabel = (body: string) => /^Comment Depth \d+/.exec(body)?.[0];
    const chain = [depthLabel(node.comment.body)];
    while (node.replies.length > 0) {
      node = node.replies[0]!;
      chain.push(depthLabel(node.comment.body));
    }
    expect(chain).toEqual(
      Array.from({ length: 10 }, (_, index) => `Comment Depth ${String(index + 1).padStart(2, '0')}`),
    );
    expect(node.depth).toBe(9);
  });

  test('every comments file passes the site’s schema and forms a tree', () => {
    for (const [slug, list] of comments) {
      expect(() => buildThread(list, slug)).not.toThrow();
      expect(list.every((entry) => entry.status === 'approved')).toBe(true);
    }
  });

  test('does not publish the draft, schedules the scheduled post, and leaves out the password-protected one', () => {
    expect(articles.get('draft')).toMatch(/\ndraft: true\n/);
    expect(articles.get('scheduled')).toMatch(/\npublished: 2030-01-01\n/);
    expect(articles.get('scheduled')).not.toMatch(/\ndraft: true\n/);
    expect(articles.has('template-password-protected')).toBe(false);
    expect(comments.has('template-password-protected')).toBe(false);
  });

  test('writes no e-mail address or IP address anywhere', () => {
    const everything = [...files.values()].join('\n');
    expect(everything).not.toMatch(/comment_author_email|@gmail\.com|\b\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}\b/);
  });

  test('every article’s frontmatter passes the site’s schema, read by the site’s own MDX pipeline', async () => {
    const folder = await writeToTemporaryFolder(files);
    for (const slug of articles.keys()) {
      const { frontmatter } = await loadMdx(join(folder, 'articles', `${slug}.mdx`));
      expect(() => parseFrontmatter(frontmatter), slug).not.toThrow();
    }
  });

  test('gives the same files on a second run', async () => {
    expect((await importExport({ path: THEME_DATA })).files).toEqual(files);
  });
});

describe('importing the theme test data with pages and pingbacks', () => {
  test('imports the 21 pages too, with unique slugs, Greek ones named after their title or id', async () => {
    const withPages = await importExport({ path: THEME_DATA }, { includePages: true });
    expect(withPages.report.pages).toBe(21);
    expect(withPages.report.skippedItems).not.toHaveProperty('page');
    const slugs = [...filesOf(withPages.files, 'articles').keys()];
    expect(new Set(slugs).size).toBe(55 + 2 + 21);
    expect(slugs).toEqual(expect.arrayContaining(['greek', '2-second-greek-level', 'page-1813']));
    expect(slugs.every((slug) => /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug))).toBe(true);
    expect(withPages.report.comments).toBe(22 + 3);
  });

  test('keeps pingbacks and trackbacks as comments when asked', async () => {
    const withPings = await importExport({ path: THEME_DATA }, { includePingbacks: true });
    expect(withPings.report.comments).toBe(22 + 4);
    const pings = JSON.parse(withPings.files.get('comments/template-pingbacks-an-trackbacks.json')!) as {
      comments: CommentData[];
    };
    expect(pings.comments.map((entry) => entry.author)).toContain('Ping 1 « What’s a tellyworth?');
  });
});
