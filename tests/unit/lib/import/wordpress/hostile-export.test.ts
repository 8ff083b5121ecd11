/**
 * End to end: an export holding every kind of input that once produced files the content check
 * refuses is imported by the command into a new folder, and the content check finds nothing wrong.
 */
import { spawnSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { renderCommentBody } from '@/lib/comments/render-body';
import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { commentSchema, COMMENT_LIMITS } from '@/schemas/comments';

import { removeTemporaryFolders, temporaryFolder, wxr } from './helpers';

afterAll(removeTemporaryFolders);

const SCRIPT = fileURLToPath(new URL('../../../../../scripts/import-wordpress.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const TSCONFIG = fileURLToPath(new URL('../../../../../tsconfig.json', import.meta.url));

const LONG_BODY = 'a'.repeat(COMMENT_LIMITS.bodyCharacters + 1);

/** Every hostile case in one export, written in ISO-8859-1 as old blogs' exports are. */
function hostileExport(): Buffer {
  const xml = wxr(
    {
      id: 1,
      title: 'Café crème',
      slug: 'threads',
      comments: [
        { id: 1 },
        { id: 2, parent: 3 },
        { id: 3, parent: 2 },
        { id: 4, parent: 4 },
        { id: 5, dateGmt: '2024-02-30 10:00:00' },
        { id: 6, dateGmt: '2024-03-01 24:00:00' },
        { id: 7, content: `${'<b>'.repeat(2500)}bold${'</b>'.repeat(2500)}` },
        { id: 8, content: LONG_BODY },
      ],
    },
    { id: 2, slug: 'leap', dateGmt: '2023-02-29 10:00:00' },
    { id: 3, slug: 'deep', content: `${'<div>'.repeat(2000)}deep words${'</div>'.repeat(2000)}` },
    { id: 4, slug: 'con' },
    { id: 5, slug: 'nul' },
    { id: 6, slug: 'aux.txt' },
    { id: 7, slug: encodeURIComponent('straße-ışık') },
    { id: 8, slug: 'tags', terms: [{ domain: 'post_tag', slug: 'x', name: '???' }] },
  );
  return Buffer.from(xml.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
}

let content: string;
let stdout: string;

beforeAll(async () => {
  const folder = await temporaryFolder('wordpress-hostile-');
  const exportPath = join(folder, 'hostile.wordpress.xml');
  await writeFile(exportPath, hostileExport());
  content = join(folder, 'content');
  const run = spawnSync(process.execPath, [TSX, '--tsconfig', TSCONFIG, SCRIPT, exportPath, '--out', content], {
    encoding: 'utf8',
  });
  expect(run.stderr).not.toMatch(/^\s+at /m);
  expect(run.status).toBe(0);
  stdout = run.stdout;
}, 60_000);

describe('a hostile export, imported', () => {
  test('passes the content check with no problem at all', () => {
    const report = checkContent(content, content);
    expect(report.problems.map(formatProblem)).toEqual([]);
    expect(report.articles.map((article) => article.slug).sort()).toEqual([
      'aux-txt-post',
      'con-post',
      'deep',
      'nul-post',
      'strasse-isik',
      'tags',
      'threads',
    ]);
  });

  test('names each repair in the report', () => {
    for (const repair of [
      'comment 2: replies go round in a circle: "2" → "3" → "2"; now a top-level comment',
      'comment 4: the comment replies to itself; now a top-level comment',
      'comment 5\'s UTC date "2024-02-30 10:00:00" is not a real date; not used',
      'comment 6\'s UTC date "2024-03-01 24:00:00" (24:00, the end of the day) read as 2024-03-02 00:00:00',
      'post 2\'s publication date (UTC) "2023-02-29 10:00:00" is not a real date; not used',
      'impossible publication date      1',
      'deep: elements nested 2000 deep; those below level 100 were flattened, their text kept',
      'comment 7: tags nested 2500 deep; those below level 100 were removed, their text kept',
      'post 4\'s slug "con" is a device name on Windows, where no file can have it; written as "con-post"',
      'post 5\'s slug "nul" is a device name on Windows',
      'post 6\'s slug "aux-txt" is a device name on Windows',
      'post 8: tag "???" must contain a letter or a digit',
    ]) {
      expect(stdout).toContain(repair);
    }
  });

  test('reads the ISO-8859-1 export in its own encoding', async () => {
    expect(await readFile(join(content, 'articles/threads.mdx'), 'utf8')).toContain('title: "Café crème"');
  });

  test('keeps the text of deeply nested markup, in a form the site renders without overflowing', async () => {
    expect(await readFile(join(content, 'articles/deep.mdx'), 'utf8')).toContain('deep words');
    const { comments } = JSON.parse(await readFile(join(content, 'comments/threads.json'), 'utf8')) as {
      comments: { id: string; body: string }[];
    };
    const bold = comments.find((comment) => comment.id === '7')!;
    expect(renderCommentBody(bold.body)).toContain('bold');
  });

  test('writes a body longer than the comment limit only if the comment schema accepts it, else reports it', async () => {
    const { comments } = JSON.parse(await readFile(join(content, 'comments/threads.json'), 'utf8')) as {
      comments: { id: string }[];
    };
    const accepted = commentSchema().safeParse({ id: '8', body: LONG_BODY }).success;
    expect(comments.some((comment) => comment.id === '8')).toBe(accepted);
    if (!accepted) expect(stdout).toMatch(/comment 8: body "a{40,}.*; not written/);
  });
});
