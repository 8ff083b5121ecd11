/**
 * Comments files on this machine: the locked, atomic, validated read-modify-write that the local sink and
 * the moderation command (`npm run comments`) both use, and the local sink itself.
 *
 * One change at a time per file: in this process a queue, across processes a lock (`proper-lockfile`, a
 * `<file>.lock` folder beside the file). The new text is written to a temporary file, synced and renamed
 * over the old one (`write-file-atomic`), so a crash, a full disk or a refused write leaves the old file
 * whole. Nothing is written that the content check would refuse.
 */
import { access, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';

import type { CommentData, CommentInput } from '@/schemas/comments';

import {
  CommentsFileError,
  formatCommentsFile,
  parseCommentsFile,
  validateComments,
  validateThreading,
} from './comments-file';
import { SinkUnavailableError, type CommentSink } from './sink';

/** An article slug as the content check accepts it; anything else could name a file outside `comments/`. */
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A comment id as the schema accepts it. */
const COMMENT_ID = /^[A-Za-z0-9_-]+$/;

/** `<contentDir>/comments/<slug>.json`: the article's own comments file. */
export function commentsFilePath(contentDir: string, slug: string): string {
  if (!SLUG.test(slug)) throw new Error(`"${slug}" is not an article slug (lowercase letters, digits and hyphens).`);
  return join(contentDir, 'comments', `${slug}.json`);
}

/** `<contentDir>/comments/<slug>/<id>.json`: one submission's file, as a GitHub pull request adds it. */
export function submissionFilePath(contentDir: string, slug: string, id: string): string {
  if (!COMMENT_ID.test(id)) throw new Error(`"${id}" is not a comment id (letters, digits, "-" and "_").`);
  return join(dirname(commentsFilePath(contentDir, slug)), slug, `${id}.json`);
}

/** Every comments file of one article that exists: `<slug>.json` first, then `<slug>/*.json` by name. */
export async function articleCommentFiles(contentDir: string, slug: string): Promise<string[]> {
  const main = commentsFilePath(contentDir, slug);
  const files = (await exists(main)) ? [main] : [];
  const folder = join(dirname(main), slug);
  const entries = await readdir(folder, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return [];
    throw error;
  });
  const names = entries.filter((entry) => entry.isFile() && entry.name.endsWith('.json')).map((entry) => entry.name);
  return [...files, ...names.sort().map((name) => join(folder, name))];
}

export interface UpdateOptions {
  /**
   * Puts the new text in place of the file. Default: `write-file-atomic` (temporary file, fsync, rename).
   * Tests inject failures here.
   */
  writeFile?: (path: string, text: string) => Promise<void>;
  /** How old a lock must be to be taken over from a process that died holding it (ms; default 10 s, least 5 s). */
  staleLockMs?: number;
  /** Folder that file names in messages are relative to (default: the working folder). */
  root?: string;
}

/** The comments as written in the file; returns the comments to write instead. */
export type CommentsChange = (comments: CommentInput[]) => CommentInput[] | Promise<CommentInput[]>;

/**
 * Changes an article's comments file `comments/<slug>.json`, creating it when missing.
 * @returns the comments now in the file
 * @throws CommentsFileError when the file as it is, or as changed, would fail `npm run check:content`
 *   (the file is left untouched); SinkUnavailableError when another process holds the file too long;
 *   the write's own error (a full disk, no permission) after which the file is as it was
 */
export function updateCommentsFile(
  contentDir: string,
  slug: string,
  change: CommentsChange,
  options: UpdateOptions = {},
): Promise<CommentInput[]> {
  return updateCommentsFileAt(contentDir, slug, commentsFilePath(contentDir, slug), change, options);
}

/**
 * Changes one comments file of an article (its own, or a submission's `comments/<slug>/<id>.json`).
 * A submission's file left with no comment is removed. Threading is checked across all the article's files.
 */
export function updateCommentsFileAt(
  contentDir: string,
  slug: string,
  path: string,
  change: CommentsChange,
  options: UpdateOptions = {},
): Promise<CommentInput[]> {
  return oneAtATime(path, () => lockedUpdate(contentDir, slug, path, change, options));
}

const queues = new Map<string, Promise<unknown>>();

/** Runs changes to one file in this process one after another (the lock alone would make them poll). */
function oneAtATime<T>(path: string, task: () => Promise<T>): Promise<T> {
  const run = (queues.get(path) ?? Promise.resolve()).then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(path, settled);
  void settled.then(() => {
    if (queues.get(path) === settled) queues.delete(path);
  });
  return run;
}

async function lockedUpdate(
  contentDir: string,
  slug: string,
  path: string,
  change: CommentsChange,
  options: UpdateOptions,
): Promise<CommentInput[]> {
  const file = relative(options.root ?? process.cwd(), path) || path;
  await mkdir(dirname(path), { recursive: true });
  let compromised: Error | undefined;
  const release = await acquireLock(path, file, {
    realpath: false,
    stale: Math.max(options.staleLockMs ?? 10_000, 5_000),
    onCompromised: (error) => {
      compromised = error;
    },
  });
  try {
    const text = await readFile(path, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    const before = text === undefined ? [] : parseCommentsFile(text, file).written;
    const after = await change(structuredClone(before));
    const validated = validateComments({ comments: after }, file);
    validateThreading([...validated, ...(await otherFilesComments(contentDir, slug, path, options))], file);
    if (compromised) throw compromised;
    if (after.length === 0 && path !== commentsFilePath(contentDir, slug)) {
      await rm(path, { force: true });
    } else if (JSON.stringify(after) !== JSON.stringify(before)) {
      const write = options.writeFile ?? ((target: string, data: string) => writeFileAtomic(target, data));
      await write(path, formatCommentsFile(after));
    }
    return after;
  } finally {
    await release().catch(() => undefined);
  }
}

/** How long to wait for another process to finish with a file before giving up (ms). */
const LOCK_PATIENCE_MS = 20_000;

/**
 * Takes the file's lock, waiting while another process holds it (`proper-lockfile` would retry any error;
 * only a held lock is worth waiting for).
 * @throws SinkUnavailableError when the lock stays held; the lock's own error (no permission) at once
 */
async function acquireLock(path: string, file: string, options: lockfile.LockOptions): Promise<() => Promise<void>> {
  const giveUpAt = Date.now() + LOCK_PATIENCE_MS;
  for (let wait = 5; ; wait = Math.min(wait * 1.5, 250)) {
    try {
      return await lockfile.lock(path, options);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error;
      if (Date.now() > giveUpAt) {
        throw new SinkUnavailableError(`${file} is being changed by another process; try again in a moment.`, {
          retryAfterSeconds: 5,
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, wait * (0.5 + Math.random())));
    }
  }
}

/** The valid comments of the article's other files, which replies in this one may answer. */
async function otherFilesComments(
  contentDir: string,
  slug: string,
  path: string,
  options: UpdateOptions,
): Promise<CommentData[]> {
  const others = (await articleCommentFiles(contentDir, slug)).filter((other) => other !== path);
  const lists = await Promise.all(
    others.map(async (other) => {
      try {
        return parseCommentsFile(await readFile(other, 'utf8'), relative(options.root ?? process.cwd(), other))
          .validated;
      } catch (error) {
        // `npm run check:content` reports a broken file; it must not stop changes to the others.
        if (error instanceof CommentsFileError) return [];
        throw error;
      }
    }),
  );
  return lists.flat();
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Write errors that pass once the machine has room again: a full disk or quota, too many open files. */
const TEMPORARY_FAULTS = new Set(['ENOSPC', 'EDQUOT', 'EMFILE', 'ENFILE', 'EBUSY', 'EAGAIN']);

/**
 * The sink for one machine: each submission is appended to `comments/<slug>.json` with
 * `status: "pending"`, for `npm run comments approve` to publish.
 */
export function createLocalSink(contentDir: string, options: UpdateOptions = {}): CommentSink {
  return {
    name: 'local files',
    async submit({ article, comment }) {
      const path = commentsFilePath(contentDir, article);
      try {
        await updateCommentsFile(
          contentDir,
          article,
          (comments) => [...comments, { ...comment, status: 'pending' }],
          options,
        );
      } catch (error) {
        // The reader did nothing wrong: ask them to try later, with their text kept, while the owner
        // fixes the file (the message names it and the comments at fault) or frees the disk.
        if (error instanceof CommentsFileError) {
          throw new SinkUnavailableError(`cannot add to ${path}: ${error.message}`, { cause: error });
        }
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== undefined && TEMPORARY_FAULTS.has(code)) {
          throw new SinkUnavailableError(`cannot write ${path} (${code}); it is unchanged.`, { cause: error });
        }
        throw error;
      }
      return { location: relative(options.root ?? process.cwd(), path) || path };
    },
  };
}
