import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { createLocalBackend, tidy } from '@/lib/editor/local-backend';
import { withoutEmptyValues } from '@/lib/editor/empty-values';

import { folderWithFiles } from '../../../helpers/folder-with-files';

const ARTICLE =
  '---\ntitle: Leg cramps\ndescription: Why they happen.\npublished: 2026-11-20\nauthor: sam-writer\n---\n\nText.\n';
const COMMENTS = { comments: [{ id: 'q1', title: 'Do they last?', body: 'Mine do.' }] };

function backend() {
  const folder = folderWithFiles('editor-backend-', {
    'content/articles/leg-cramps.mdx': ARTICLE,
    'content/people/sam-writer.yaml': 'name: Sam Writer\n',
    'content/comments/leg-cramps.json': `${JSON.stringify(COMMENTS, null, 2)}\n`,
  });
  const content = join(folder, 'content');
  return { content, backend: createLocalBackend({ contentDir: content }) };
}

const persist = (path: string, raw: string) => ({
  action: 'persistEntry',
  params: { entry: { path, raw }, assets: [] },
});

describe('reading', () => {
  test('lists a collection’s entries with their text, as decap-server does', async () => {
    const { backend: local } = backend();
    const answer = await local.answer({
      action: 'entriesByFolder',
      params: { folder: 'content/articles', extension: 'mdx', depth: 1 },
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual([
      { data: ARTICLE, file: { path: 'content/articles/leg-cramps.mdx', id: expect.stringMatching(/^[0-9a-f]{64}$/) } },
    ]);
  });

  test.each([
    '../secrets.txt',
    'content/../../etc/passwd',
    '/etc/passwd',
    'content/articles/../../package.json',
    'content/articles/x.js',
    'src/pages/index.astro',
  ])('refuses a path outside what the editor keeps: %s', async (path) => {
    const { backend: local } = backend();
    const answer = await local.answer({ action: 'getEntry', params: { path } });
    expect(answer.status).toBe(422);
    expect((answer.body as { error: string }).error).toMatch(
      /may change files in content\/ only|is not a file the editor keeps/,
    );
  });
});

describe('saving', () => {
  test('writes an article the content check accepts, leaving out the fields the editor emptied', async () => {
    const { content, backend: local } = backend();
    const raw =
      '---\ntitle: Night cramps\ndescription: What helps.\npublished: 2026-12-01\nupdated: ""\nmedicalReview:\n  reviewer: ""\n  date: ""\ntags: []\n---\nStretch.\n';
    const answer = await local.answer(persist('content/articles/night-cramps.mdx', raw));
    expect(answer).toEqual({ status: 200, body: { message: 'entry persisted' } });
    expect(readFileSync(join(content, 'articles/night-cramps.mdx'), 'utf8')).toBe(
      '---\ntitle: Night cramps\ndescription: What helps.\npublished: 2026-12-01\ntags: []\n---\nStretch.\n',
    );
  });

  test('refuses what the check would refuse, with its own lines, and writes nothing', async () => {
    const { content, backend: local } = backend();
    const raw =
      '---\ntitle: Night cramps\ndescription: What helps.\npublished: 2026-12-01\nauthor: nobody-here\n---\n\n<CareCard urgency="soon" heading="Call">x</CareCard>\n';
    const answer = await local.answer(persist('content/articles/night-cramps.mdx', raw));
    expect(answer.status).toBe(422);
    const error = (answer.body as { error: string }).error;
    expect(error).toMatch(/^Not saved, because npm run check:content would refuse it:\n/);
    expect(error).toContain('content/articles/night-cramps.mdx');
    expect(error).toContain('nobody-here');
    expect(error).toContain('urgency');
    expect(existsSync(join(content, 'articles/night-cramps.mdx'))).toBe(false);
  });

  test('a problem the content already had does not stop an unrelated save', async () => {
    const { content, backend: local } = backend();
    writeFileSync(join(content, 'articles/broken.mdx'), '---\ntitle: Broken\n---\n');
    const answer = await local.answer(persist('content/people/jo-reviewer.yaml', 'name: Dr Jo Reviewer\n'));
    expect(answer.status).toBe(200);
  });

  test('refuses to delete a person an article names', async () => {
    const { content, backend: local } = backend();
    const answer = await local.answer({ action: 'deleteFile', params: { path: 'content/people/sam-writer.yaml' } });
    expect(answer.status).toBe(422);
    expect((answer.body as { error: string }).error).toContain('sam-writer');
    expect(existsSync(join(content, 'people/sam-writer.yaml'))).toBe(true);
  });

  const COMMENTS_PATH = 'content/comments/leg-cramps.json';
  type Comment = { id: string; title?: string; body: string; status?: string };
  const opened = async (local: ReturnType<typeof backend>['backend']) => {
    const entry = (await local.answer({ action: 'getEntry', params: { path: COMMENTS_PATH } })).body as {
      data: string;
    };
    return JSON.parse(entry.data) as { comments: Comment[] };
  };
  const onDisk = (content: string) =>
    (JSON.parse(readFileSync(join(content, 'comments/leg-cramps.json'), 'utf8')) as { comments: Comment[] }).comments;

  test('shows every comment’s status, approved included, and writes approved as the default again', async () => {
    const { content, backend: local } = backend();
    const file = await opened(local);
    expect(file.comments[0]!.status).toBe('approved');
    file.comments[0]!.title = 'Do they last long?';
    expect((await local.answer(persist(COMMENTS_PATH, JSON.stringify(file)))).status).toBe(200);
    expect(onDisk(content)).toEqual([{ id: 'q1', title: 'Do they last long?', body: 'Mine do.' }]);
  });

  test('keeps a question that arrived after the editor opened the comments file', async () => {
    const { content, backend: local } = backend();
    const file = await opened(local);
    // A reader's question arrives through the form while the moderator edits.
    const arrived = { id: 'q2', body: 'Are they normal?', status: 'pending' };
    writeFileSync(
      join(content, 'comments/leg-cramps.json'),
      JSON.stringify({ comments: [...COMMENTS.comments, arrived] }),
    );
    file.comments[0]!.status = 'spam';
    expect((await local.answer(persist(COMMENTS_PATH, JSON.stringify(file)))).status).toBe(200);
    expect(onDisk(content)).toEqual([{ ...COMMENTS.comments[0], status: 'spam' }, arrived]);
  });

  test('refuses to undo a change made elsewhere since the editor opened the file', async () => {
    const { content, backend: local } = backend();
    const file = await opened(local);
    // Meanwhile a moderator marks q1 as spam from the questions page.
    const spam = { comments: [{ ...COMMENTS.comments[0], status: 'spam' }] };
    writeFileSync(join(content, 'comments/leg-cramps.json'), JSON.stringify(spam));
    file.comments[0]!.body = 'Mine do, for a minute.';
    const answer = await local.answer(persist(COMMENTS_PATH, JSON.stringify(file)));
    expect(answer.status).toBe(422);
    expect((answer.body as { error: string }).error).toMatch(
      /comment "q1" was changed since you opened this file.*Reload/,
    );
    expect(onDisk(content)).toEqual(spam.comments);
  });

  test('removes no comment: deleting goes through the moderation command', async () => {
    const { content, backend: local } = backend();
    await opened(local);
    const answer = await local.answer(persist(COMMENTS_PATH, JSON.stringify({ comments: [] })));
    expect(answer.status).toBe(422);
    expect((answer.body as { error: string }).error).toContain('a save here removes no comment (q1)');
    expect(onDisk(content)).toHaveLength(1);
  });

  test('a file opened before the dev server restarted is saved without doubling its comments', async () => {
    const { content, backend: local } = backend();
    const fresh = createLocalBackend({ contentDir: content }); // nothing read through it
    void local;
    const unchanged = { comments: [{ ...COMMENTS.comments[0], status: 'approved' }] };
    expect((await fresh.answer(persist(COMMENTS_PATH, JSON.stringify(unchanged)))).status).toBe(200);
    expect(onDisk(content)).toEqual(COMMENTS.comments);
  });

  test('refuses media larger than 25 MB', async () => {
    const { content, backend: local } = backend();
    mkdirSync(join(content, 'media'), { recursive: true });
    const asset = {
      path: 'content/media/big.jpg',
      content: Buffer.alloc(26 * 1024 * 1024).toString('base64'),
      encoding: 'base64',
    };
    const answer = await local.answer({ action: 'persistMedia', params: { asset } });
    expect(answer.status).toBe(422);
    expect(existsSync(join(content, 'media/big.jpg'))).toBe(false);
  });

  test('writes an image only when the save is accepted, and never over another image', async () => {
    const { content, backend: local } = backend();
    mkdirSync(join(content, 'media'), { recursive: true });
    writeFileSync(join(content, 'media/calf.jpg'), 'old image');
    const image = (name: string, bytes: string) => ({
      path: `content/media/${name}`,
      content: Buffer.from(bytes).toString('base64'),
      encoding: 'base64',
    });
    const refused = await local.answer({
      action: 'persistEntry',
      params: {
        entry: { path: 'content/articles/x.mdx', raw: '---\ntitle: X\n---\n' },
        assets: [image('new.jpg', 'new')],
      },
    });
    expect(refused.status).toBe(422);
    expect(existsSync(join(content, 'media/new.jpg'))).toBe(false);
    const clash = await local.answer({ action: 'persistMedia', params: { asset: image('calf.jpg', 'another image') } });
    expect((clash.body as { error: string }).error).toBe(
      'content/media/calf.jpg already exists: rename the image before uploading it.',
    );
    expect(readFileSync(join(content, 'media/calf.jpg'), 'utf8')).toBe('old image');
  });

  test('refuses to delete an image an article shows', async () => {
    const { content, backend: local } = backend();
    mkdirSync(join(content, 'media'), { recursive: true });
    writeFileSync(join(content, 'media/calf.jpg'), 'image');
    writeFileSync(join(content, 'articles/leg-cramps.mdx'), `${ARTICLE}\n![A calf stretch](../media/calf.jpg)\n`);
    const answer = await local.answer({ action: 'deleteFile', params: { path: 'content/media/calf.jpg' } });
    expect((answer.body as { error: string }).error).toBe(
      'Not deleted: content/articles/leg-cramps.mdx shows media/calf.jpg. Remove it from the text first.',
    );
    expect(existsSync(join(content, 'media/calf.jpg'))).toBe(true);
  });

  test('refuses to rename an entry onto another', async () => {
    const { content, backend: local } = backend();
    writeFileSync(join(content, 'articles/other.mdx'), ARTICLE.replace('Leg cramps', 'Other'));
    const answer = await local.answer({
      action: 'persistEntry',
      params: {
        entry: { path: 'content/articles/other.mdx', raw: ARTICLE, newPath: 'content/articles/leg-cramps.mdx' },
        assets: [],
      },
    });
    expect((answer.body as { error: string }).error).toMatch(/already exists/);
    expect(readFileSync(join(content, 'articles/other.mdx'), 'utf8')).toContain('title: Other');
  });

  test('does not follow a link out of the content folder', async () => {
    const { content, backend: local } = backend();
    const outside = folderWithFiles('editor-outside-', { 'secret.yaml': 'name: Not content\n' });
    symlinkSync(outside, join(content, 'people/elsewhere'));
    const answer = await local.answer({ action: 'getEntry', params: { path: 'content/people/elsewhere/secret.yaml' } });
    expect(answer.status).toBe(422);
    expect((answer.body as { error: string }).error).toMatch(/is not a file the editor keeps|leads outside/);
    symlinkSync(join(outside, 'secret.yaml'), join(content, 'people/linked.yaml'));
    const linked = await local.answer(persist('content/people/linked.yaml', 'name: Changed\n'));
    expect((linked.body as { error: string }).error).toMatch(/is a link/);
    expect(readFileSync(join(outside, 'secret.yaml'), 'utf8')).toBe('name: Not content\n');
  });

  test('answers an unknown action with an error, not a crash', async () => {
    const { backend: local } = backend();
    expect(await local.answer({ action: 'unpublishedEntries' })).toEqual({
      status: 422,
      body: { error: 'Unknown action unpublishedEntries' },
    });
    expect((await local.answer(null)).status).toBe(422);
  });
});

describe('empty values', () => {
  test('are left out at every depth; other values stay', () => {
    expect(
      withoutEmptyValues({
        a: '',
        b: null,
        c: { d: '' },
        e: ['x', '', 'y'],
        f: 0,
        g: false,
        h: [],
        i: { j: 'k', l: '' },
      }),
    ).toEqual({ e: ['x', 'y'], f: 0, g: false, h: [], i: { j: 'k' } });
  });

  test('a comments file is written as the site writes it', () => {
    expect(tidy('comments', '{"comments":[{"id":"q1","body":"Hi","author":""}]}')).toBe(
      '{\n  "comments": [\n    {\n      "id": "q1",\n      "body": "Hi"\n    }\n  ]\n}\n',
    );
  });

  test('text that is not what it should be is left for the check to name', () => {
    expect(tidy('articles', 'no frontmatter')).toBe('no frontmatter');
    expect(tidy('people', 'name: [unclosed')).toBe('name: [unclosed');
  });
});
