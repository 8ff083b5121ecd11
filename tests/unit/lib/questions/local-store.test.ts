/**
 * The local store: a reader's submission reaches `content/comments/<slug>.json` whatever happens at the
 * same time, and the file is never left broken or half-written.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { CommentsFileError } from '@/lib/questions/comments-file';
import { createLocalSink, updateCommentsFile, updateCommentsFileAt } from '@/lib/questions/local-store';
import { SinkUnavailableError, type Submission } from '@/lib/questions/sink';

const WORKER = fileURLToPath(new URL('../../../helpers/local-store-worker.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../../tsconfig.json', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');

let contentDir: string;
let file: string;
beforeEach(() => {
  contentDir = mkdtempSync(join(tmpdir(), 'local-store-'));
  mkdirSync(join(contentDir, 'comments'));
  file = join(contentDir, 'comments', 'leg-cramps.json');
});
afterEach(() => rmSync(contentDir, { recursive: true, force: true }));

const submission = (id: string, extra: Partial<Submission['comment']> = {}): Submission => ({
  article: 'leg-cramps',
  comment: { id, date: '2026-12-05T03:00:00.000Z', body: `Question ${id}`, ...extra },
});

const idsInFile = () =>
  (JSON.parse(readFileSync(file, 'utf8')) as { comments: { id: string }[] }).comments.map((c) => c.id);

const EXISTING = `{
  "comments": [
    {
      "id": "q1",
      "title": "Cramps at night?",
      "body": "Every night."
    }
  ]
}
`;

describe('the local sink', () => {
  test('creates a missing comments file holding the submission as pending, in the files’ format', async () => {
    const receipt = await createLocalSink(contentDir, { root: contentDir }).submit(
      submission('q-abc', { author: 'Sam', title: 'Why?', parent: undefined }),
    );
    expect(receipt.location).toBe(join('comments', 'leg-cramps.json'));
    expect(readFileSync(file, 'utf8')).toBe(`{
  "comments": [
    {
      "id": "q-abc",
      "author": "Sam",
      "date": "2026-12-05T03:00:00.000Z",
      "title": "Why?",
      "body": "Question q-abc",
      "status": "pending"
    }
  ]
}
`);
  });

  test('appends to an existing file and leaves its comments exactly as they were written', async () => {
    writeFileSync(file, EXISTING);
    await createLocalSink(contentDir).submit(submission('r-1', { parent: 'q1' }));
    const text = readFileSync(file, 'utf8');
    expect(text.startsWith(EXISTING.slice(0, EXISTING.indexOf('    }')))).toBe(true);
    expect(JSON.parse(text).comments[1]).toEqual({
      id: 'r-1',
      parent: 'q1',
      date: '2026-12-05T03:00:00.000Z',
      body: 'Question r-1',
      status: 'pending',
    });
  });

  test('loses none of 50 submissions sent at once', async () => {
    const sink = createLocalSink(contentDir);
    const ids = Array.from({ length: 50 }, (_, n) => `q-${n}`);
    await Promise.all(ids.map((id) => sink.submit(submission(id))));
    expect(idsInFile().sort()).toEqual([...ids].sort());
  });

  test('refuses only the faulty one of submissions sent together, and stores the others', async () => {
    writeFileSync(file, EXISTING);
    const sink = createLocalSink(contentDir);
    const results = await Promise.allSettled([
      ...Array.from({ length: 10 }, (_, n) => sink.submit(submission(`r-${n}`, { parent: 'q1' }))),
      sink.submit(submission('r-bad', { parent: 'q-missing' })),
      ...Array.from({ length: 10 }, (_, n) => sink.submit(submission(`q-${n}`))),
    ]);
    expect(results.map(({ status }) => status)).toEqual([
      ...Array<string>(10).fill('fulfilled'),
      'rejected',
      ...Array<string>(10).fill('fulfilled'),
    ]);
    expect(idsInFile()).toEqual([
      'q1',
      ...Array.from({ length: 10 }, (_, n) => `r-${n}`),
      ...Array.from({ length: 10 }, (_, n) => `q-${n}`),
    ]);
  });

  test('loses nothing when two other processes submit to the same file at the same time as this one', async () => {
    const runWorker = (prefix: string) =>
      new Promise<number | null>((resolve) => {
        const child = spawn(
          process.execPath,
          [TSX, '--tsconfig', TSCONFIG, WORKER, 'submit', contentDir, 'leg-cramps', '25', prefix],
          { stdio: 'inherit' },
        );
        child.on('exit', resolve);
      });
    const sink = createLocalSink(contentDir);
    const [a, b] = await Promise.all([
      runWorker('a'),
      runWorker('b'),
      ...Array.from({ length: 10 }, (_, n) => sink.submit(submission(`here-${n}`))),
    ]);
    expect([a, b]).toEqual([0, 0]);
    const ids = idsInFile();
    expect(ids).toHaveLength(60);
    expect(new Set(ids).size).toBe(60);
  }, 60_000);

  test('says the store is unavailable, and leaves the file whole, when the disk is full', async () => {
    writeFileSync(file, EXISTING);
    const diskFull = async (path: string, text: string) => {
      writeFileSync(`${path}.partial`, text.slice(0, 10)); // what a write cut short leaves behind
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    const error = await createLocalSink(contentDir, { writeFile: diskFull })
      .submit(submission('q-2'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SinkUnavailableError);
    expect(readFileSync(file, 'utf8')).toBe(EXISTING);
    // The lock was released: the next submission goes through.
    await createLocalSink(contentDir).submit(submission('q-3'));
    expect(idsInFile()).toEqual(['q1', 'q-3']);
  });

  test('refuses to add to a file that is not valid JSON, with the check’s message, and leaves it untouched', async () => {
    const broken = '{ "comments": [ { "id": "q1", "body": "x" } ';
    writeFileSync(file, broken);
    const error = await createLocalSink(contentDir, { root: contentDir })
      .submit(submission('q-2'))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SinkUnavailableError);
    expect((error as Error).message).toMatch(/comments\/leg-cramps\.json: is not valid JSON at line 1, column \d+/);
    expect(readFileSync(file, 'utf8')).toBe(broken);
  });

  test('refuses to add to a file that fails the schema, naming the comment and field', async () => {
    const invalid = JSON.stringify({ comments: [{ id: 'q1', body: 'x', status: 'hidden' }] });
    writeFileSync(file, invalid);
    const error = await updateCommentsFile(contentDir, 'leg-cramps', (comments) => comments, {
      root: contentDir,
    }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CommentsFileError);
    expect((error as Error).message).toMatch(/^comments\/leg-cramps\.json:1:36: comment "q1", field "status": /);
    expect(readFileSync(file, 'utf8')).toBe(invalid);
  });

  test('refuses to store a reply to a comment the article does not have', async () => {
    writeFileSync(file, EXISTING);
    const error = await createLocalSink(contentDir)
      .submit(submission('r-1', { parent: 'q9' }))
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(
      /comment "r-1", field "parent": replies to "q9", which is not a comment on this article/,
    );
    expect(readFileSync(file, 'utf8')).toBe(EXISTING);
  });

  test('accepts a reply to a comment published from a submission’s own file', async () => {
    mkdirSync(join(contentDir, 'comments', 'leg-cramps'));
    writeFileSync(
      join(contentDir, 'comments', 'leg-cramps', 'q-merged.json'),
      JSON.stringify({ comments: [{ id: 'q-merged', body: 'Merged from a pull request.' }] }),
    );
    await createLocalSink(contentDir).submit(submission('r-1', { parent: 'q-merged' }));
    expect(idsInFile()).toEqual(['r-1']);
  });

  test('refuses an article slug that could name a file outside the comments folder', async () => {
    await expect(
      createLocalSink(contentDir).submit({ ...submission('q-1'), article: '../articles/leg-cramps' }),
    ).rejects.toThrow(/is not an article slug/);
  });
});

describe('updateCommentsFile', () => {
  test('writes nothing when the change leaves the comments as they were', async () => {
    const unformatted = JSON.stringify({ comments: [{ body: 'x', id: 'q1' }] });
    writeFileSync(file, unformatted);
    await updateCommentsFile(contentDir, 'leg-cramps', (comments) => comments);
    expect(readFileSync(file, 'utf8')).toBe(unformatted);
  });

  test('writes the fields of every comment in the files’ order', async () => {
    writeFileSync(file, JSON.stringify({ comments: [{ body: 'x', status: 'pending', id: 'q1', title: 'T' }] }));
    await updateCommentsFile(contentDir, 'leg-cramps', (comments) =>
      comments.map((comment) => ({ ...comment, status: 'approved' })),
    );
    expect(readFileSync(file, 'utf8')).toBe(
      '{\n  "comments": [\n    {\n      "id": "q1",\n      "title": "T",\n      "body": "x",\n      "status": "approved"\n    }\n  ]\n}\n',
    );
  });

  test('has removed an emptied submission’s file, its lock and its folder by the time it returns', async () => {
    const folder = join(contentDir, 'comments', 'leg-cramps');
    mkdirSync(folder);
    writeFileSync(file, EXISTING);
    writeFileSync(join(folder, 'r-1.json'), JSON.stringify({ comments: [{ id: 'r-1', parent: 'q1', body: 'x' }] }));
    await updateCommentsFileAt(contentDir, 'leg-cramps', join(folder, 'r-1.json'), () => []);
    expect(existsSync(folder)).toBe(false);
  });

  test.skipIf(process.platform === 'win32')(
    'leaves the file whole when its folder is read-only',
    () => {
      // Root writes through any permission, so the write is tried by an unprivileged user when run as root.
      writeFileSync(file, EXISTING);
      chmodSync(contentDir, 0o755);
      chmodSync(join(contentDir, 'comments'), 0o555);
      chmodSync(file, 0o644);
      const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
      const result = spawnSync(
        process.execPath,
        [TSX, '--tsconfig', TSCONFIG, WORKER, 'submit', contentDir, 'leg-cramps', '1', 'ro'],
        { encoding: 'utf8', env: { ...process.env, HOME: contentDir, TMPDIR: tmpdir() }, ...asNobody },
      );
      chmodSync(join(contentDir, 'comments'), 0o755);
      expect(result.status).not.toBe(0);
      expect(result.stderr).toMatch(/EACCES|EPERM/);
      expect(readFileSync(file, 'utf8')).toBe(EXISTING);
    },
    30_000,
  );

  test('leaves a whole file, old or new, when the writing process is killed part-way, and takes over its lock', async () => {
    writeFileSync(file, EXISTING);
    for (let attempt = 0; attempt < 3; attempt++) {
      const child = spawn(
        process.execPath,
        [TSX, '--tsconfig', TSCONFIG, WORKER, 'rewrite', contentDir, 'leg-cramps'],
        {
          stdio: ['ignore', 'pipe', 'inherit'],
        },
      );
      const exited = new Promise((resolve) => child.on('exit', resolve));
      // Wait for a first write (after taking over the lock the last one left), then kill the process at a
      // moment that falls in or between writes.
      // The writing process says its id first: tsx runs the script in a process of its own.
      const writer = await Promise.race([
        new Promise<number>((resolve) =>
          child.stdout.on('data', (data: Buffer) => {
            const pid = /^pid (\d+)\nwrote\n/.exec(data.toString())?.[1];
            if (pid) resolve(Number(pid));
          }),
        ),
        exited.then(() => 0),
      ]);
      expect(writer).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 5 + attempt * 7));
      process.kill(writer, 'SIGKILL');
      await exited;
      const comments = JSON.parse(readFileSync(file, 'utf8')).comments as { id: string; body: string }[];
      expect(comments[0]!.id).toBe('q1');
      // The file is one whole write: all fifty parts of the same round, each whole.
      const round = /^Round (\d+),/.exec(comments[1]!.body)?.[1];
      expect(comments.slice(1)).toHaveLength(50);
      for (const [part, comment] of comments.slice(1).entries()) {
        expect(comment.body).toMatch(new RegExp(`^Round ${round}, part ${part}\\. (A long answer\\. ){4000}$`));
      }
    }
    // The killed process still holds the lock; it is taken over once stale.
    await updateCommentsFile(contentDir, 'leg-cramps', (comments) => comments.slice(0, 1), { staleLockMs: 5_000 });
    expect(idsInFile()).toEqual(['q1']);
  }, 60_000);
});
