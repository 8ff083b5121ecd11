/**
 * `npm run comments`, run as a moderator runs it, on a copy of a fixture content folder: two articles, two
 * people, a thread with replies, a pending question with a hostile title, a spam comment, a pending reply in
 * a submission's own file (`comments/leg-cramps/r-merged.json`) and a pending question on another article.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, globSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { CommentsFileError, parseCommentsFile, validateThreading } from '@/lib/questions/comments-file';
import { closeMatches, descendants, describeAge, firstLine, runCommentsCommand } from '@/lib/questions/moderation';
import { visible } from '@/lib/text/visible-text';

const SCRIPT = fileURLToPath(new URL('../../../scripts/comments.ts', import.meta.url));
const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../../fixtures/moderation', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');

let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'comments-cli-'));
  cpSync(FIXTURE, folder, { recursive: true });
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

interface RunOptions {
  /** Standard input, for `--file -`. */
  input?: string;
  env?: Record<string, string>;
  /** The moment ages are counted from (the entry's own clock unless given). */
  now?: Date;
}

/** Each spawned run starts Node and tsx: seconds, or tens of them on a busy machine. */
const SPAWNED_TIMEOUT_MS = 30_000;

const lines = (text: string) => (text.trimEnd() === '' ? [] : text.trimEnd().split('\n'));

/**
 * Runs the command as `npm run comments` does, in the folder on its `content/`: `scripts/comments.ts` in its
 * own Node and tsx. Seconds on a busy machine, so only the tests of the script's own wiring (arguments,
 * standard input, output and exit code) run it this way.
 */
function commentsScript(args: string[], options: RunOptions = {}) {
  const result = spawnSync(process.execPath, [TSX, '--tsconfig', TSCONFIG, SCRIPT, ...args], {
    cwd: folder,
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, CONTENT_DIR: 'content', EDITOR: '', VISUAL: '', ...options.env },
  });
  return { status: result.status, out: lines(result.stdout), err: lines(result.stderr) };
}

/**
 * Runs the command's entry in this process, with what the script gives it: the folder's `content/`, file
 * names relative to the folder, the environment and standard input. Every other test runs it this way.
 */
async function comments(args: string[], options: RunOptions = {}) {
  const result = await runCommentsCommand(args, {
    contentDir: join(folder, 'content'),
    root: folder,
    env: { EDITOR: '', VISUAL: '', ...options.env },
    readStdin: () => Promise.resolve(options.input ?? ''),
    ...(options.now && { now: options.now }),
  });
  return { status: result.code, out: lines(result.out.join('\n')), err: lines(result.err.join('\n')) };
}

const MAIN = 'content/comments/leg-cramps.json';
const SUBMISSION = 'content/comments/leg-cramps/r-merged.json';
const read = (path: string) => readFileSync(join(folder, path), 'utf8');
const commentsIn = (path: string) => (JSON.parse(read(path)) as { comments: Record<string, string>[] }).comments;
const byId = (path: string, id: string) => commentsIn(path).find((comment) => comment.id === id);
/**
 * What the content check says about the folder after every change the command makes: nothing. Comments
 * files are checked with the check's own parser, and threads across each article's files (its own and
 * its submissions' files) as the site shows them; `checkContent` checks everything else.
 */
const checkProblems = () => {
  const problems = checkContent(join(folder, 'content'), folder).problems.filter(
    ({ file }) => !file.startsWith('content/comments/'),
  );
  for (const article of ['leg-cramps', 'sleep']) {
    const files = globSync([`content/comments/${article}.json`, `content/comments/${article}/*.json`], { cwd: folder });
    try {
      const all = files.flatMap((file) => parseCommentsFile(readFileSync(join(folder, file)), file).validated);
      validateThreading(all, `content/comments/${article}`);
    } catch (error) {
      problems.push(...(error as CommentsFileError).problems);
    }
  }
  return problems;
};

describe('npm run comments', () => {
  test('--help shows every command', async () => {
    const { status, out } = await comments(['--help']);
    expect(status).toBe(0);
    for (const command of ['pending', 'approve', 'spam', 'delete', 'answer']) {
      expect(out.join('\n')).toMatch(new RegExp(`^  ${command} `, 'm'));
    }
  });

  test(
    'an unknown command is refused in one line listing the commands, on standard error with exit code 1',
    () => {
      expect(commentsScript(['publish', 'leg-cramps/q1'])).toEqual({
        status: 1,
        out: [],
        err: ['"publish" is not a command. Commands: pending, approve, spam, delete, answer (or --help).'],
      });
    },
    SPAWNED_TIMEOUT_MS,
  );

  test('no command at all is refused in one line listing the commands', async () => {
    expect(await comments([])).toMatchObject({
      status: 1,
      err: [expect.stringMatching(/^Name a command: pending, approve/)],
    });
  });

  test('an unknown option is refused in one line', async () => {
    expect(await comments(['approve', 'leg-cramps/q1', '--force'])).toMatchObject({
      status: 1,
      err: [expect.stringMatching(/Unknown option '--force'/)],
    });
  });
});

describe('pending', () => {
  test('lists every waiting comment of every article and file, oldest first, with its age and first line', async () => {
    // The fixture's dates are fixed, so its ages are counted from a fixed moment: the newest comment
    // (sleep/s1, 4 December 09:00 UTC) is "18 hours ago" here, where the clock would have it "yesterday".
    const { status, out } = await comments(['pending'], { now: new Date('2026-12-05T03:00:00Z') });
    expect(status).toBe(0);
    expect(out).toHaveLength(4);
    expect(out[0]).toMatch(
      /^leg-cramps\/q-waiting {2}\S.* ago {2,}Cramps<U\+202E>gnippots<U\+202C> and <U\+001B>\[31mred/,
    );
    expect(out[1]).toMatch(/^leg-cramps\/r-merged {3}(yesterday|\d+ \w+ ago) +A reply that came in a pull request\.$/);
    expect(out[2]).toMatch(/^sleep\/s1 {14}\S.* ago {2,}How many hours is too many\? word word .*…$/);
    expect(out[3]).toBe('3 comments are waiting. Publish one with: npm run comments -- approve <article>/<id>');
  });

  test('never prints a control or direction-changing character a reader wrote', async () => {
    const { out } = await comments(['pending']);
    // eslint-disable-next-line no-control-regex
    expect(out.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
  });

  test('shows a hostile value quoted in a check message as code points, not as terminal commands', async () => {
    writeFileSync(
      join(folder, 'content/comments/sleep.json'),
      JSON.stringify({ comments: [{ id: 's1', body: 'x', '\u001b]0;owned\u0007\u001b[2J': 'x' }] }),
    );
    const { status, err } = await comments(['pending']);
    expect(status).toBe(1);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /^content\/comments\/sleep\.json:1:36: comment "s1": unknown field "<U\+001B>\]0;owned<U\+0007>/,
    );
    expect(err[0]).toContain('<U+001B>');
    // eslint-disable-next-line no-control-regex
    expect(err[0]).not.toMatch(/[\u0000-\u001f]/);
  });

  test('says so when nothing is waiting', async () => {
    rmSync(join(folder, 'content/comments'), { recursive: true });
    expect(await comments(['pending'])).toEqual({ status: 0, out: ['No comments are waiting.'], err: [] });
  });

  test('reports a comments file it cannot read with the check’s message, and lists the rest', async () => {
    writeFileSync(join(folder, 'content/comments/sleep.json'), '{ "comments": [ ');
    const { status, out, err } = await comments(['pending']);
    expect(status).toBe(1);
    expect(err).toEqual([expect.stringMatching(/^content\/comments\/sleep\.json: is not valid JSON at line 1/)]);
    expect(out.at(-1)).toMatch(/^2 comments are waiting/);
  });
});

describe('approve and spam', () => {
  test('approve publishes a pending comment by removing its status, and changes nothing else', async () => {
    const before = read(MAIN);
    const { status, out } = await comments(['approve', 'leg-cramps/q-waiting']);
    expect({ status, out }).toEqual({
      status: 0,
      out: ['Approved leg-cramps/q-waiting: it is published on the next build.'],
    });
    expect(byId(MAIN, 'q-waiting')).not.toHaveProperty('status');
    expect(read(MAIN)).toBe(before.replace(',\n      "status": "pending"\n', '\n'));
    expect(checkProblems()).toEqual([]);
  });

  test('approve works on a comment in a submission’s own file', async () => {
    expect((await comments(['approve', 'leg-cramps/r-merged'])).status).toBe(0);
    expect(byId(SUBMISSION, 'r-merged')).not.toHaveProperty('status');
  });

  test('approving an approved comment says so and writes nothing', async () => {
    const before = read(MAIN);
    expect(await comments(['approve', 'leg-cramps/q1'])).toEqual({
      status: 0,
      out: ['leg-cramps/q1 is already approved.'],
      err: [],
    });
    expect(read(MAIN)).toBe(before);
  });

  test('spam keeps the comment in its file, marked spam', async () => {
    const { status, out } = await comments(['spam', 'sleep/s1']);
    expect({ status, out }).toEqual({
      status: 0,
      out: ['Marked sleep/s1 as spam: it stays in content/comments/sleep.json and is never shown.'],
    });
    expect(byId('content/comments/sleep.json', 's1')).toMatchObject({ status: 'spam' });
  });

  test('a comment in an article that does not exist is refused, with the closest article suggested', async () => {
    expect(await comments(['approve', 'leg-cramp/q1'])).toEqual({
      status: 1,
      out: [],
      err: ['There is no article "leg-cramp" in content/articles. Did you mean "leg-cramps"?'],
    });
  });

  test('an id the article does not have is refused, with close ids suggested', async () => {
    expect(await comments(['approve', 'leg-cramps/q-wating'])).toEqual({
      status: 1,
      out: [],
      err: ['Article "leg-cramps" has no comment "q-wating". Did you mean leg-cramps/q-waiting?'],
    });
  });

  test('a comment named without its article is refused with the form to use', async () => {
    expect(await comments(['approve', 'q1'])).toMatchObject({
      status: 1,
      err: [expect.stringMatching(/^"q1" is not a comment: write <article>\/<id>, such as leg-cramps\/q1/)],
    });
  });

  test('a comments file that fails the check is refused with the check’s message and left as it is', async () => {
    const broken = read(MAIN).replace('"date": "2026-11-29"', '"date": "2026-02-30"');
    writeFileSync(join(folder, MAIN), broken);
    const { status, err } = await comments(['approve', 'leg-cramps/q-waiting']);
    expect(status).toBe(1);
    expect(err).toEqual([
      expect.stringMatching(/^content\/comments\/leg-cramps\.json:13:7: comment "q1-a1", field "date": /),
    ]);
    expect(read(MAIN)).toBe(broken);
  });
});

describe('delete', () => {
  test('removes a comment without replies', async () => {
    expect(await comments(['delete', 'leg-cramps/q-spam'])).toMatchObject({
      status: 0,
      out: ['Deleted leg-cramps/q-spam.'],
    });
    expect(byId(MAIN, 'q-spam')).toBeUndefined();
    expect(checkProblems()).toEqual([]);
  });

  test('refuses a comment with replies, listing them, and changes nothing', async () => {
    const before = read(MAIN);
    expect(await comments(['delete', 'leg-cramps/q1'])).toEqual({
      status: 1,
      out: [],
      err: [
        'leg-cramps/q1 has 3 replies (q1-a1, q1-a1-r1, r-merged): delete with --with-replies to remove them too, or mark it as spam to hide it and keep them.',
      ],
    });
    expect(read(MAIN)).toBe(before);
    expect(existsSync(join(folder, SUBMISSION))).toBe(true);
  });

  test('--with-replies removes the comment and every reply below it, in every file of the article', async () => {
    expect(await comments(['delete', 'leg-cramps/q1', '--with-replies'])).toMatchObject({
      status: 0,
      out: ['Deleted leg-cramps/q1 and its 3 replies (q1-a1, q1-a1-r1, r-merged).'],
    });
    expect(commentsIn(MAIN).map((comment) => comment.id)).toEqual(['q-waiting', 'q-spam']);
    expect(existsSync(join(folder, 'content/comments/leg-cramps'))).toBe(false);
    expect(checkProblems()).toEqual([]);
  });
});

describe('answer', () => {
  const newAnswers = () => commentsIn(MAIN).filter((comment) => comment.person !== undefined);

  test('adds an approved staff answer with the text from --body', async () => {
    const { status, out } = await comments([
      'answer',
      'leg-cramps/q1',
      '--as',
      'jo-reviewer',
      '--body',
      'See a GP if it persists.',
    ]);
    expect(status).toBe(0);
    const [answer] = newAnswers();
    expect(out).toEqual([
      `Added leg-cramps/${answer!.id}, jo-reviewer's answer to q1: it is published on the next build.`,
    ]);
    expect(Object.keys(answer!)).toEqual(['id', 'parent', 'person', 'date', 'body']);
    expect(answer).toMatchObject({
      id: expect.stringMatching(/^a-[a-z2-9]{10}$/),
      parent: 'q1',
      person: 'jo-reviewer',
    });
    expect(answer!.body).toBe('See a GP if it persists.');
    expect(Math.abs(Date.parse(answer!.date!) - Date.now())).toBeLessThan(60_000);
    expect(checkProblems()).toEqual([]);
  });

  test('answers a comment published from a submission’s own file', async () => {
    await comments(['approve', 'leg-cramps/r-merged']);
    expect((await comments(['answer', 'leg-cramps/r-merged', '--as', 'sam-writer', '--body', 'Thanks.'])).status).toBe(
      0,
    );
    expect(newAnswers()).toMatchObject([{ parent: 'r-merged', person: 'sam-writer' }]);
    expect(checkProblems()).toEqual([]);
  });

  test('takes the text from a file', async () => {
    writeFileSync(join(folder, 'answer.md'), 'First paragraph.\n\nSecond paragraph.\n');
    expect(
      (await comments(['answer', 'leg-cramps/q1', '--as', 'jo-reviewer', '--file', join(folder, 'answer.md')])).status,
    ).toBe(0);
    expect(newAnswers()[0]!.body).toBe('First paragraph.\n\nSecond paragraph.');
  });

  test(
    'takes the text from standard input with --file -',
    () => {
      const run = commentsScript(['answer', 'leg-cramps/q1', '--as', 'jo-reviewer', '--file', '-'], {
        input: 'From stdin.\n',
      });
      expect(run).toMatchObject({ status: 0, err: [] });
      expect(run.out).toEqual([expect.stringMatching(/^Added leg-cramps\/a-[a-z2-9]{10}, jo-reviewer's answer to q1/)]);
      expect(newAnswers()[0]!.body).toBe('From stdin.');
    },
    SPAWNED_TIMEOUT_MS,
  );

  test('takes the text from $EDITOR, leaving out the instruction lines', async () => {
    const editor = join(folder, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "Written in the editor.\\n%s" "$(cat "$1")" > "$1"\n');
    chmodSync(editor, 0o755);
    expect(
      (await comments(['answer', 'leg-cramps/q1', '--as', 'jo-reviewer'], { env: { EDITOR: editor } })).status,
    ).toBe(0);
    expect(newAnswers()[0]!.body).toBe('Written in the editor.');
  });

  test('refuses an answer left empty in the editor', async () => {
    const before = read(MAIN);
    expect(await comments(['answer', 'leg-cramps/q1', '--as', 'jo-reviewer'], { env: { EDITOR: 'true' } })).toEqual({
      status: 1,
      out: [],
      err: ['The answer is empty: nothing was added.'],
    });
    expect(read(MAIN)).toBe(before);
  });

  test('refuses an empty --body', async () => {
    expect(await comments(['answer', 'leg-cramps/q1', '--as', 'jo-reviewer', '--body', '  \n '])).toMatchObject({
      status: 1,
      err: ['The answer is empty: nothing was added.'],
    });
  });

  test('refuses a person who is not in content/people, listing the people', async () => {
    expect(await comments(['answer', 'leg-cramps/q1', '--as', 'dr-who', '--body', 'Hello.'])).toEqual({
      status: 1,
      out: [],
      err: ['There is no person "dr-who" in content/people. People: jo-reviewer, sam-writer.'],
    });
  });

  test('refuses to answer without --as, listing the people', async () => {
    expect(await comments(['answer', 'leg-cramps/q1', '--body', 'Hello.'])).toMatchObject({
      status: 1,
      err: ['Say who answers with --as <person>: one of jo-reviewer, sam-writer.'],
    });
  });

  test('refuses to answer a comment that is not published', async () => {
    expect(await comments(['answer', 'leg-cramps/q-waiting', '--as', 'jo-reviewer', '--body', 'Hello.'])).toEqual({
      status: 1,
      out: [],
      err: [
        'leg-cramps/q-waiting is pending, not published: approve it first (npm run comments -- approve leg-cramps/q-waiting), then answer.',
      ],
    });
  });

  test('refuses an unknown comment id with close ids suggested', async () => {
    expect(await comments(['answer', 'leg-cramps/q1-a', '--as', 'jo-reviewer', '--body', 'Hello.'])).toMatchObject({
      status: 1,
      err: [
        'Article "leg-cramps" has no comment "q1-a". Did you mean leg-cramps/q1-a1 or leg-cramps/q1 or leg-cramps/q1-a1-r1?',
      ],
    });
  });
});

describe('the wording helpers', () => {
  const now = new Date('2026-12-05T12:00:00Z');

  test('ages read as a person says them', () => {
    expect(describeAge(new Date('2026-12-05T11:59:30Z'), now)).toBe('just now');
    expect(describeAge(new Date('2026-12-05T11:55:00Z'), now)).toBe('5 minutes ago');
    expect(describeAge(new Date('2026-12-05T09:00:00Z'), now)).toBe('3 hours ago');
    expect(describeAge(new Date('2026-12-04T09:00:00Z'), now)).toBe('yesterday');
    expect(describeAge(new Date('2026-12-02T12:00:00Z'), now)).toBe('3 days ago');
    expect(describeAge(new Date('2026-11-20T12:00:00Z'), now)).toBe('2 weeks ago');
    expect(describeAge(new Date('2025-11-20T12:00:00Z'), now)).toBe('last year');
  });

  test('control, escape, bidirectional and zero-width characters are shown as code points', () => {
    expect(visible('a\u001b[2Jb\u202ec\u200bd\re')).toBe('a<U+001B>[2Jb<U+202E>c<U+200B>d<U+000D>e');
    expect(visible('Crampes — 足がつる 😣')).toBe('Crampes — 足がつる 😣');
  });

  test('the first line is the title, or the body’s first non-blank line, cut to the limit', () => {
    expect(firstLine({ title: 'Why?', body: 'Because.' })).toBe('Why?');
    expect(firstLine({ body: '\n  \nSecond line first.\nThird.' })).toBe('Second line first.');
    expect(firstLine({ body: '😣'.repeat(100) }, 10)).toBe(`${'😣'.repeat(9)}…`);
  });

  test('close matches are the ids a typo away', () => {
    expect(closeMatches('q12', ['q1', 'q2', 'q12-a1', 'z99'])).toEqual(['q1', 'q2', 'q12-a1']);
    expect(closeMatches('zzz', ['q1', 'q2'])).toEqual([]);
  });

  test('descendants are every reply below a comment, at any depth', () => {
    const thread = [
      { id: 'q1' },
      { id: 'a', parent: 'q1' },
      { id: 'b', parent: 'a' },
      { id: 'q2' },
      { id: 'c', parent: 'q2' },
    ];
    expect(descendants('q1', thread)).toEqual(['a', 'b']);
    expect(descendants('b', thread)).toEqual([]);
  });
});
