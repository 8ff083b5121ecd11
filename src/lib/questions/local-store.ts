/**
 * Comments files on this machine: the locked, atomic, validated read-modify-write that the local sink and
 * the moderation command (`npm run comments`) both use, and the local sink itself.
 *
 * One change at a time per file: in this process a queue, across processes a lock (`proper-lockfile`, a
 * `<file>.lock` folder beside the file). The new text is written to a temporary file, synced and renamed
 * over the old one (`write-file-atomic`), so a crash, a full disk or a refused write leaves the old file
 * whole. Nothing is written that the content check would refuse.
 */
import { access, mkdir, readdir, readFile, rm, rmdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';

import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';

import { COMMENT_ID, type CommentData, type CommentInput } from '@/schemas/comments';
import { SLUG } from '@/schemas/fields';

import {
  CommentsFileError,
  formatCommentsFile,
  parseCommentsFile,
  validateComments,
  validateThreading,
} from '@/lib/questions/comments-file';
import { SinkUnavailableError, type CommentSink } from '@/lib/questions/sink';

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
  root?: string | undefined;
  /**
   * The comments of the article's other files to check threading against, when a change spans several
   * files and each must be checked against what the others will hold (default: as they are on disk).
   */
  otherComments?: readonly CommentData[] | undefined;
}

/**
 * Gets the comments as written in the file, and returns the comments to write instead. The comments it
 * gets are frozen: return a new object for a comment that changes (`{ ...comment, status }`).
 */
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
 *
 * Changes that arrive while the file is being written are applied together under the next lock, each
 * checked on its own (one refused change does not stop the others) and written once: 50 submissions at
 * once cost a few writes, not 50 reads, checks and writes of the whole file. A batch is written with the
 * `writeFile` and `staleLockMs` of its first change.
 */
export function updateCommentsFileAt(
  contentDir: string,
  slug: string,
  path: string,
  change: CommentsChange,
  options: UpdateOptions = {},
): Promise<CommentInput[]> {
  return new Promise((resolve, reject) => {
    let queue = queues.get(path);
    if (!queue) {
      queue = { waiting: [], running: false };
      queues.set(path, queue);
    }
    queue.waiting.push({ contentDir, slug, change, options, resolve, reject });
    if (!queue.running) void drain(path, queue);
  });
}

interface PendingChange {
  contentDir: string;
  slug: string;
  change: CommentsChange;
  options: UpdateOptions;
  resolve: (comments: CommentInput[]) => void;
  reject: (error: unknown) => void;
}

/** Changes waiting for one file in this process (the lock alone would make them poll each other). */
const queues = new Map<string, { waiting: PendingChange[]; running: boolean }>();

async function drain(path: string, queue: { waiting: PendingChange[]; running: boolean }): Promise<void> {
  queue.running = true;
  while (queue.waiting.length > 0) {
    const batch = queue.waiting.splice(0);
    try {
      await applyBatch(path, batch);
    } catch (error) {
      for (const pending of batch) pending.reject(error); // those already settled ignore it
    }
  }
  queue.running = false;
  queues.delete(path);
}

async function applyBatch(path: string, batch: readonly PendingChange[]): Promise<void> {
  const { contentDir, slug, options } = batch[0]!;
  const fileName = (change: PendingChange) => relative(change.options.root ?? process.cwd(), path) || path;
  const file = fileName(batch[0]!);
  await mkdir(dirname(path), { recursive: true });
  let compromised: Error | undefined;
  const release = await acquireLock(path, file, {
    realpath: false,
    stale: Math.max(options.staleLockMs ?? 10_000, 5_000),
    onCompromised: (error) => {
      compromised = error;
    },
  });
  let removed = false;
  const applied: { pending: PendingChange; comments: CommentInput[] }[] = [];
  try {
    const text = await readFile(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    const parsed = text === undefined ? { written: [], validated: [] } : parseCommentsFile(text, file);
    // Each change gets frozen comments: one it keeps is the very object it was given, unchanged, and its
    // validation is not repeated (on a file of 10,000 comments that is most of the work).
    const original = parsed.written.map((comment) => Object.freeze({ ...comment }));
    const validatedOf = new Map(original.map((comment, index) => [comment, parsed.validated[index]!]));
    let onDisk: Promise<CommentData[]> | undefined;
    let current: CommentInput[] = original;
    for (const pending of batch) {
      try {
        const after = await pending.change([...current]);
        const fresh = after.filter((comment) => !validatedOf.has(comment));
        const checked = validateComments({ comments: fresh }, fileName(pending));
        const freshValidated = new Map(fresh.map((comment, index) => [comment, checked[index]!]));
        const validated = after.map((comment) => validatedOf.get(comment) ?? freshValidated.get(comment)!);
        onDisk ??= otherFilesComments(contentDir, slug, path, options);
        validateThreading([...validated, ...(pending.options.otherComments ?? (await onDisk))], fileName(pending));
        for (const [comment, data] of freshValidated) validatedOf.set(Object.freeze(comment), data);
        current = after;
        applied.push({ pending, comments: after });
      } catch (error) {
        pending.reject(error);
      }
    }
    if (compromised) throw compromised;
    if (current.length === 0 && path !== commentsFilePath(contentDir, slug)) {
      await rm(path, { force: true });
      removed = true;
    } else if (current.length !== original.length || current.some((comment, i) => comment !== original[i])) {
      const write = options.writeFile ?? ((target: string, data: string) => writeFileAtomic(target, data));
      await write(path, formatCommentsFile(current));
    }
  } finally {
    await release().catch(() => undefined);
    // The article's submissions folder goes with its last file (its lock was inside it until now).
    if (removed) await rmdir(dirname(path)).catch(() => undefined);
  }
  // Only now is the change complete: written, the lock released and an emptied folder gone.
  for (const { pending, comments } of applied) pending.resolve(comments);
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
        return parseCommentsFile(await readFile(other), relative(options.root ?? process.cwd(), other)).validated;
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
          throw new SinkUnavailableError(`cannot store the submission: ${error.message}`, { cause: error });
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
