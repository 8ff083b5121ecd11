/**
 * The seed page, exported from WordPress by hand, imports to the content that was made by hand from it.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { buildThread, type ThreadNode } from '@/lib/comments/thread';
import type { ImportReport } from '@/lib/import/wordpress';
import { commentsFileSchema, type CommentData } from '@/schemas/comments';

import { readSeed } from '../../../../helpers/seed';
import {
  bodyOf,
  importExport,
  loadMdx,
  parseFrontmatter,
  removeTemporaryFolders,
  SEED_EXPORT,
  writeToTemporaryFolder,
} from './helpers';

afterAll(removeTemporaryFolders);

const SLUG = 'leg-cramps-sign-of-pregnancy';
const handMadeArticle = fileURLToPath(new URL(`../../../../../content/articles/${SLUG}.mdx`, import.meta.url));
const handMadeComments = fileURLToPath(new URL(`../../../../../content/comments/${SLUG}.json`, import.meta.url));

const paragraphsOf = (markdown: string) =>
  bodyOf(markdown)
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter(Boolean);

/** A thread as questions and answers, ids left out: the importer keeps WordPress's numeric ids. */
function questionsAndAnswers(comments: CommentData[]) {
  const shape = (node: ThreadNode<CommentData>): unknown => ({
    title: node.comment.title,
    body: node.comment.body,
    replies: node.replies.map(shape),
  });
  return buildThread(comments, 'comments.json').roots.map(shape);
}

let report: ImportReport;
let files: Map<string, string>;

beforeAll(async () => {
  ({ report, files } = await importExport({ path: SEED_EXPORT }));
});

describe('importing the seed page’s WordPress export', () => {
  test('writes the article and its comments under the post’s slug, and its writer’s person file', () => {
    expect([...files.keys()].sort()).toEqual([
      `articles/${SLUG}.mdx`,
      `comments/${SLUG}.json`,
      'people/health-questions-editor.yaml',
      'redirects.yaml',
    ]);
  });

  test('gives the article the hand-made title, description, publication date and tags', async () => {
    const folder = await writeToTemporaryFolder(files);
    const imported = parseFrontmatter((await loadMdx(join(folder, `articles/${SLUG}.mdx`))).frontmatter);
    const handMade = parseFrontmatter((await loadMdx(handMadeArticle)).frontmatter);
    const { title, description, published, tags, draft } = imported;
    expect({ title, description, published, tags, draft }).toEqual({
      title: handMade.title,
      description: handMade.description,
      published: handMade.published,
      tags: handMade.tags,
      draft: handMade.draft,
    });
    expect(imported.author).toBe('health-questions-editor');
    expect(files.get('people/health-questions-editor.yaml')).toContain('name: "Health Questions Editor"');
  });

  test('keeps every paragraph of the article word for word, straight quotes included', async () => {
    const imported = paragraphsOf(files.get(`articles/${SLUG}.mdx`)!);
    expect(imported).toEqual(paragraphsOf(await readFile(handMadeArticle, 'utf8')));
    expect(imported).toEqual(readSeed().paragraphs);
  });

  test('has the hand-made questions, with the same titles and bodies, in the same order', async () => {
    const imported = commentsFileSchema().parse(JSON.parse(files.get(`comments/${SLUG}.json`)!)).comments;
    const handMade = commentsFileSchema().parse(JSON.parse(await readFile(handMadeComments, 'utf8'))).comments;
    const titlesAndBodies = (thread: ReturnType<typeof questionsAndAnswers>) =>
      thread.map((question) => {
        const { title, body } = question as { title?: string; body: string };
        return { title, body };
      });
    expect(titlesAndBodies(questionsAndAnswers(imported))).toEqual(titlesAndBodies(questionsAndAnswers(handMade)));
  });

  test('hangs each answer under the same question as the hand-made content', async () => {
    const imported = commentsFileSchema().parse(JSON.parse(files.get(`comments/${SLUG}.json`)!)).comments;
    const handMade = commentsFileSchema().parse(JSON.parse(await readFile(handMadeComments, 'utf8'))).comments;
    expect(questionsAndAnswers(imported)).toEqual(questionsAndAnswers(handMade));
  });

  test('counts 13 comments and skips the pingback that made the page’s “14 thoughts”', () => {
    expect(report.comments).toBe(readSeed().commentCount);
    expect(report.skippedComments).toEqual({ pingback: 1 });
  });
});
