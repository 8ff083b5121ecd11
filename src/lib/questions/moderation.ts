/**
 * Moderation of reader comments from the command line (`npm run comments`): list what is waiting, approve,
 * mark as spam, delete, and add a staff answer. Every change goes through `updateCommentsFile`: locked,
 * atomic and checked as `npm run check:content` checks. The wording and the pure helpers (ages, safe
 * terminal text, close ids) are exported for tests; `runCommentsCommand` is the whole command.
 */
import { spawnSync } from 'node:child_process';
import { globSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';

import { COMMENT_ID, type CommentData, type CommentInput } from '@/schemas/comments';
import { SLUG } from '@/schemas/fields';
import { visible } from '@/lib/text/visible-text';
import { countOf, plural } from '@/lib/text/plural';

import { CommentsFileError, parseCommentsFile } from '@/lib/questions/comments-file';
import { newCommentId } from '@/lib/questions/ids';
import { articleCommentFiles, updateCommentsFile, updateCommentsFileAt } from '@/lib/questions/local-store';
import { SinkUnavailableError } from '@/lib/questions/sink';

/** A refusal or a mistake in the command: one line saying what and what to do. */
export class ModerationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ModerationError';
  }
}

export const USAGE = `Usage: npm run comments -- <command>

Commands:
  pending                                 list every comment waiting for review
  approve <article>/<id>                  publish a comment (on the next build)
  spam <article>/<id>                     mark a comment as spam: kept in its file, never shown
  delete <article>/<id> [--with-replies]  remove a comment from its file (and its replies, if asked)
  answer <article>/<id> --as <person>     add a staff answer by a person in content/people, its text from
         [--body "…" | --file <path> | --file -]   --body, a file, standard input, or else $EDITOR

Comments are read from CONTENT_DIR (default: content).`;

const COMMANDS = ['pending', 'approve', 'spam', 'delete', 'answer'] as const;

/** What the command said: lines for standard output and standard error, and the exit code. */
export interface CommandResult {
  out: string[];
  err: string[];
  code: number;
}

export interface CommandContext {
  contentDir: string;
  /** Folder that file names in messages are relative to. */
  root?: string;
  /** The moment ages are counted from. */
  now?: Date;
  /** `$EDITOR` and friends, for `answer` without `--body` or `--file`. */
  env?: Readonly<Record<string, string | undefined>>;
  /** Standard input, for `answer --file -`. */
  readStdin?: () => Promise<string>;
}

/**
 * Runs `npm run comments` with these arguments. Never throws: every failure is one line (one per problem
 * of a comments file) and exit code 1. Whatever it prints is safe for a terminal, even the check's
 * messages quoting a hostile value.
 */
export async function runCommentsCommand(argv: readonly string[], context: CommandContext): Promise<CommandResult> {
  const { out, err, code } = await run(argv, context);
  const safe = (lines: string[]) => lines.flatMap((line) => line.split('\n')).map(visible);
  return { out: safe(out), err: safe(err), code };
}

async function run(argv: readonly string[], context: CommandContext): Promise<CommandResult> {
  const out: string[] = [];
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        as: { type: 'string' },
        body: { type: 'string' },
        file: { type: 'string' },
        'with-replies': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    const [command, target, ...extra] = positionals;
    if (values.help || command === 'help') return { out: [USAGE], err: [], code: 0 };
    if (command === undefined) throw new ModerationError(`Name a command: ${COMMANDS.join(', ')} (or --help).`);
    if (!(COMMANDS as readonly string[]).includes(command)) {
      throw new ModerationError(
        `"${visible(command)}" is not a command. Commands: ${COMMANDS.join(', ')} (or --help).`,
      );
    }
    if (extra.length > 0) throw new ModerationError(`Unexpected "${visible(extra.join(' '))}": give one comment.`);
    if (command === 'pending') {
      if (target !== undefined) throw new ModerationError('pending takes no comment: run npm run comments -- pending.');
      return await listPending(context);
    }
    if (target === undefined)
      throw new ModerationError(`Name the comment: ${command} <article>/<id>, such as leg-cramps/q1.`);
    const { article, id } = parseTarget(target);
    if (command === 'answer') {
      const text = await answerText(values, context);
      out.push(await addAnswer(context, article, id, values.as, text));
    } else if (command === 'delete') {
      out.push(await deleteComment(context, article, id, values['with-replies'] ?? false));
    } else {
      out.push(await setStatus(context, article, id, command === 'approve' ? 'approved' : 'spam'));
    }
    return { out, err: [], code: 0 };
  } catch (error) {
    if (
      error instanceof ModerationError ||
      error instanceof CommentsFileError ||
      error instanceof SinkUnavailableError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      return { out, err: [(error as Error).message], code: 1 };
    }
    return { out, err: [`Could not finish: ${(error as Error).message}`], code: 1 };
  }
}

/** `<article>/<id>` → its parts. */
export function parseTarget(target: string): { article: string; id: string } {
  const [article, id, extra] = target.split('/');
  if (article === undefined || id === undefined || extra !== undefined || !SLUG.test(article) || !COMMENT_ID.test(id)) {
    throw new ModerationError(
      `"${visible(target)}" is not a comment: write <article>/<id>, such as leg-cramps/q1 (as npm run comments -- pending lists them).`,
    );
  }
  return { article, id };
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** One comment of an article with the file that holds it. */
interface Located {
  file: string;
  comment: CommentData;
}

/** Every comment of an article across its files. */
async function articleComments(contentDir: string, article: string, root: string): Promise<Located[]> {
  const located: Located[] = [];
  for (const file of await articleCommentFiles(contentDir, article)) {
    const { validated } = parseCommentsFile(await readFile(file), relative(root, file) || file);
    for (const comment of validated) located.push({ file, comment });
  }
  return located;
}

/** The article's comments and the one named, or a refusal saying what exists. */
async function findComment(context: CommandContext, article: string, id: string) {
  const root = context.root ?? process.cwd();
  const articles = globSync('articles/*.mdx', { cwd: context.contentDir }).map((path) => path.slice(9, -4));
  if (!articles.includes(article)) {
    const close = closeMatches(article, articles);
    throw new ModerationError(
      `There is no article "${article}" in ${relative(root, join(context.contentDir, 'articles')) || 'articles'}.` +
        (close.length > 0 ? ` Did you mean ${close.map((slug) => `"${slug}"`).join(' or ')}?` : ''),
    );
  }
  const comments = await articleComments(context.contentDir, article, root);
  const found = comments.find(({ comment }) => comment.id === id);
  if (!found) {
    const close = closeMatches(
      id,
      comments.map(({ comment }) => comment.id),
    );
    throw new ModerationError(
      `Article "${article}" has no comment "${id}".` +
        (close.length > 0
          ? ` Did you mean ${close.map((other) => `${article}/${other}`).join(' or ')}?`
          : ' Run npm run comments -- pending to list the comments waiting.'),
    );
  }
  return { comments, found };
}

// ---------------------------------------------------------------------------------------------------------
// Commands

/** A comment waiting for review, with its article. */
export interface PendingComment {
  /** `<article>/<id>`, as the commands take it. */
  target: string;
  article: string;
  comment: CommentData;
}

/**
 * Every comment waiting for review, oldest first (the reader who has waited longest), and one line per
 * problem of a comments file that could not be read.
 */
export async function pendingComments(context: Pick<CommandContext, 'contentDir' | 'root'>): Promise<{
  waiting: PendingComment[];
  problems: string[];
}> {
  const root = context.root ?? process.cwd();
  const problems: string[] = [];
  const waiting: PendingComment[] = [];
  const files = globSync(['comments/*.json', 'comments/*/*.json'], { cwd: context.contentDir }).sort();
  for (const path of files) {
    const file = join(context.contentDir, path);
    const article = path.slice('comments/'.length).replace(/(\/[^/]*)?\.json$/, '');
    try {
      const { validated } = parseCommentsFile(await readFile(file), relative(root, file) || file);
      for (const comment of validated) {
        if (comment.status === 'pending') waiting.push({ target: `${article}/${comment.id}`, article, comment });
      }
    } catch (error) {
      if (!(error instanceof CommentsFileError)) throw error;
      problems.push(...error.message.split('\n'));
    }
  }
  waiting.sort((a, b) => (a.comment.date?.getTime() ?? Infinity) - (b.comment.date?.getTime() ?? Infinity));
  return { waiting, problems };
}

async function listPending(context: CommandContext): Promise<CommandResult> {
  const now = context.now ?? new Date();
  const { waiting: found, problems: err } = await pendingComments(context);
  const waiting = found.map(({ target, comment }) => ({ target, date: comment.date, line: firstLine(comment) }));
  if (waiting.length === 0) {
    return { out: ['No comments are waiting.'], err, code: err.length > 0 ? 1 : 0 };
  }
  const width = Math.max(...waiting.map(({ target }) => target.length));
  const ages = waiting.map(({ date }) => (date ? describeAge(date, now) : 'undated'));
  const ageWidth = Math.max(...ages.map((age) => age.length));
  const out = waiting.map(
    ({ target, line }, index) => `${target.padEnd(width)}  ${ages[index]!.padEnd(ageWidth)}  ${line}`,
  );
  out.push(
    `${countOf(waiting.length, 'comment')} ${plural(waiting.length, 'is', 'are')} waiting. Publish one with: npm run comments -- approve <article>/<id>`,
  );
  return { out, err, code: err.length > 0 ? 1 : 0 };
}

async function setStatus(
  context: CommandContext,
  article: string,
  id: string,
  status: 'approved' | 'spam',
): Promise<string> {
  const { found } = await findComment(context, article, id);
  if (found.comment.status === status) return `${article}/${id} is already ${status === 'spam' ? 'spam' : 'approved'}.`;
  await updateCommentsFileAt(
    context.contentDir,
    article,
    found.file,
    (comments) =>
      comments.map((comment) => {
        if (String(comment.id) !== id) return comment;
        // Approved is the default: an approved comment reads like every other published one.
        const changed: CommentInput = { ...comment, status };
        if (status === 'approved') delete changed.status;
        return changed;
      }),
    { root: context.root },
  );
  return status === 'approved'
    ? `Approved ${article}/${id}: it is published on the next build.`
    : `Marked ${article}/${id} as spam: it stays in ${relative(context.root ?? process.cwd(), found.file)} and is never shown.`;
}

async function deleteComment(context: CommandContext, article: string, id: string, withReplies: boolean) {
  const { comments } = await findComment(context, article, id);
  const replies = descendants(
    id,
    comments.map(({ comment }) => comment),
  );
  if (replies.length > 0 && !withReplies) {
    throw new ModerationError(
      `${article}/${id} has ${plural(replies.length, 'a reply', `${replies.length} replies`)} (${replies.join(', ')}): ` +
        'delete with --with-replies to remove them too, or mark it as spam to hide it and keep them.',
    );
  }
  const doomed = new Set([id, ...replies]);
  const files = [...new Set(comments.filter(({ comment }) => doomed.has(comment.id)).map(({ file }) => file))];
  // Each file is checked against what the others will hold once all are written.
  const remaining = comments.filter(({ comment }) => !doomed.has(comment.id));
  for (const file of files) {
    await updateCommentsFileAt(
      context.contentDir,
      article,
      file,
      (list) => list.filter((comment) => !doomed.has(String(comment.id))),
      {
        root: context.root,
        otherComments: remaining.filter((other) => other.file !== file).map((other) => other.comment),
      },
    );
  }
  return replies.length === 0
    ? `Deleted ${article}/${id}.`
    : `Deleted ${article}/${id} and ${plural(replies.length, 'its reply', `its ${replies.length} replies`)} (${replies.join(', ')}).`;
}

async function addAnswer(
  context: CommandContext,
  article: string,
  parentId: string,
  person: string | undefined,
  text: string,
): Promise<string> {
  const people = globSync('people/*.yaml', { cwd: context.contentDir })
    .map((path) => path.slice(7, -5))
    .sort();
  if (person === undefined) {
    throw new ModerationError(
      `Say who answers with --as <person>: ${people.length > 0 ? `one of ${people.join(', ')}` : 'add them to content/people first'}.`,
    );
  }
  if (!people.includes(person)) {
    throw new ModerationError(
      `There is no person "${visible(person)}" in content/people. ` +
        (people.length > 0 ? `People: ${people.join(', ')}.` : 'Add content/people/<id>.yaml with their name first.'),
    );
  }
  const { found } = await findComment(context, article, parentId);
  if (found.comment.status !== 'approved') {
    throw new ModerationError(
      `${article}/${parentId} is ${found.comment.status}, not published: approve it first (npm run comments -- approve ${article}/${parentId}), then answer.`,
    );
  }
  if (text.trim() === '') throw new ModerationError('The answer is empty: nothing was added.');
  const answer: CommentInput = {
    id: newCommentId('a'),
    parent: parentId,
    person,
    date: (context.now ?? new Date()).toISOString(),
    body: text.replace(/\s+$/, ''),
  };
  await updateCommentsFile(context.contentDir, article, (comments) => [...comments, answer], { root: context.root });
  return `Added ${article}/${answer.id}, ${person}'s answer to ${parentId}: it is published on the next build.`;
}

/** The answer's text from `--body`, `--file <path>`, `--file -` (standard input), or the editor. */
async function answerText(values: { body?: string; file?: string }, context: CommandContext): Promise<string> {
  if (values.body !== undefined && values.file !== undefined) {
    throw new ModerationError('Give the answer with --body or with --file, not both.');
  }
  if (values.body !== undefined) return values.body;
  if (values.file === '-') {
    if (!context.readStdin) throw new ModerationError('There is no standard input to read the answer from.');
    return context.readStdin();
  }
  if (values.file !== undefined) {
    return readFile(values.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new ModerationError(`Cannot read the answer from ${values.file} (${error.code ?? error.message}).`);
    });
  }
  return textFromEditor(context.env ?? {});
}

const EDITOR_INSTRUCTIONS = `
# Write the answer above. Lines starting with # are left out.
# It is published under your name and credentials as the site's answer.
# An empty answer adds nothing.
`;

/** Opens `$VISUAL` or `$EDITOR` on a temporary file, like git commit, and returns what was written. */
async function textFromEditor(env: Readonly<Record<string, string | undefined>>): Promise<string> {
  const editor = env.VISUAL || env.EDITOR;
  if (!editor) throw new ModerationError('Give the answer with --body "…" or --file <path>, or set EDITOR.');
  const folder = await mkdtemp(join(tmpdir(), 'answer-'));
  const file = join(folder, 'ANSWER.md');
  try {
    await writeFile(file, EDITOR_INSTRUCTIONS);
    // Through a shell, as git does, so that EDITOR may carry arguments ("code --wait").
    const result = spawnSync(`${editor} "${file}"`, { shell: true, stdio: 'inherit', env: { ...env } });
    if (result.status !== 0) {
      throw new ModerationError(`The editor (${editor}) stopped with an error: nothing was added.`);
    }
    return (await readFile(file, 'utf8'))
      .split('\n')
      .filter((line) => !line.startsWith('#'))
      .join('\n');
  } finally {
    await rm(dirname(file), { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------------
// Pure helpers

/** Ids of every reply below a comment, at any depth, in file order. */
export function descendants(id: string, comments: readonly Pick<CommentData, 'id' | 'parent'>[]): string[] {
  const below = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const comment of comments) {
      if (comment.parent !== undefined && below.has(comment.parent) && !below.has(comment.id)) {
        below.add(comment.id);
        grew = true;
      }
    }
  }
  return comments.map((comment) => comment.id).filter((other) => other !== id && below.has(other));
}

const RELATIVE_TIME = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

/** "3 days ago", "yesterday", "5 minutes ago", "just now". */
export function describeAge(date: Date, now: Date): string {
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return RELATIVE_TIME.format(-Math.floor(seconds / size), unit);
  }
  return 'just now';
}

/** The question line, or the first line of the body, on one safe line of at most `limit` characters. */
export function firstLine(comment: Pick<CommentData, 'title' | 'body'>, limit = 72): string {
  const line =
    (comment.title ?? comment.body)
      .split(/\r\n|\r|\n/)
      .map((part) => part.trim())
      .find((part) => part !== '') ?? '';
  const cut = [...line].length > limit ? `${[...line].slice(0, limit - 1).join('')}…` : line;
  return visible(cut);
}

/** The candidates closest to a mistyped name (edit distance at most 2, or one containing the other). */
export function closeMatches(wanted: string, candidates: readonly string[]): string[] {
  return candidates
    .map((candidate) => ({ candidate, distance: editDistance(wanted.toLowerCase(), candidate.toLowerCase()) }))
    .filter(
      ({ candidate, distance }) =>
        distance <= 2 || (wanted.length >= 3 && (candidate.includes(wanted) || wanted.includes(candidate))),
    )
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
    .slice(0, 3)
    .map(({ candidate }) => candidate);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
