/**
 * The browser editor's local backend: Decap CMS's proxy protocol (the one `decap-server` speaks, one JSON
 * POST per action) over this machine's content folder, served by `npm run dev`. Unlike `decap-server`,
 * nothing is written that `npm run check:content` would refuse: each save is checked on a copy of the
 * content with the change applied, and refused with the check's own lines. It reads and writes only the
 * collections' folders and the media folder, and a comments file is changed under the same lock as the
 * question form's, keeping any question that arrived after the editor opened the file.
 */
import {
  cpSync,
  existsSync,
  globSync,
  lstatSync,
  realpathSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { basename, dirname, join, posix, relative, resolve, sep } from 'node:path';

import writeFileAtomic from 'write-file-atomic';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { withoutEmptyValues } from '@/lib/editor/empty-values';
import { CommentsFileError, formatCommentsFile, orderFields } from '@/lib/questions/comments-file';
import { updateCommentsFileAt } from '@/lib/questions/local-store';
import type { CommentInput } from '@/schemas/comments';

export interface LocalBackendOptions {
  /**
   * The content folder. Paths in requests start with its name (`content/articles/x.mdx`), as in the
   * repository, and so do the check's messages.
   */
  contentDir: string;
}

/** An answer to one request: its status and JSON body. Errors are `{ error }`, which Decap shows. */
export interface BackendAnswer {
  status: number;
  body: unknown;
}

/** A save or a deletion the content check refused, or a request outside what the editor may touch. */
export class EditorRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditorRefusal';
  }
}

/** What each folder of the content may hold, and whether it holds entries (checked) or media. */
const FOLDERS: Record<string, RegExp> = {
  articles: /^[^/]+\.mdx$/,
  pages: /^[^/]+\.mdx$/,
  people: /^[^/]+\.yaml$/,
  comments: /^[^/]+(\/[^/]+)?\.json$/,
  media: /^[^\0]+$/,
};

/** The largest media file the editor takes: the importer's limit for one download. */
const MEDIA_MAX_BYTES = 25 * 1024 * 1024;

interface DataFile {
  path: string;
  raw: string;
  newPath?: string;
}
interface Asset {
  path: string;
  content: string;
  encoding: BufferEncoding;
}

/** The local backend for one content folder; `answer` takes a request's parsed JSON body. */
export function createLocalBackend(options: LocalBackendOptions) {
  const contentDir = resolve(options.contentDir);
  const root = dirname(contentDir);
  const contentFolder = basename(contentDir);
  /**
   * Each comments file's comments as the editor last read them (by id, as JSON): a save keeps what
   * arrived since, and refuses to undo what changed since (`saveCommentsFile`).
   */
  const served = new Map<string, Map<string, string>>();
  /** One save or deletion at a time: each is checked against the content the one before left. */
  let queue: Promise<unknown> = Promise.resolve();
  const oneAtATime = <T>(work: () => Promise<T>): Promise<T> => {
    const run = queue.then(work, work);
    queue = run.catch(() => undefined);
    return run;
  };

  /** A path in a request, checked: inside one of the content's folders, of the kind that folder holds. */
  function place(path: unknown, kind: 'entry' | 'media' | 'folder'): { file: string; folder: string; rest: string } {
    if (typeof path !== 'string' || path.includes('\0') || path.includes('\\')) {
      throw new EditorRefusal('The editor sent no usable path.');
    }
    const normal = posix.normalize(path).replace(/\/$/, '');
    const prefix = `${contentFolder}/`;
    if (normal.startsWith('/') || normal.split('/').includes('..') || !normal.startsWith(prefix)) {
      throw new EditorRefusal(`The editor may change files in ${contentFolder}/ only, not "${path}".`);
    }
    const [folder = '', ...parts] = normal.slice(prefix.length).split('/');
    const rest = parts.join('/');
    const pattern = FOLDERS[folder];
    const wanted = kind === 'media' ? folder === 'media' : kind === 'entry' ? folder !== 'media' : true;
    if (!pattern || !wanted || (kind !== 'folder' && !pattern.test(rest))) {
      throw new EditorRefusal(`"${path}" is not a file the editor keeps in ${contentFolder}/.`);
    }
    const file = join(root, normal);
    insideContent(file, path);
    return { file, folder, rest };
  }

  /**
   * Refuses a path whose nearest existing folder, links followed, is not inside the content folder: a
   * link in the content must not lead the editor to read or write elsewhere.
   */
  function insideContent(file: string, path: string): void {
    let existing = dirname(file);
    while (!existsSync(existing) && existing !== root) existing = dirname(existing);
    const real = realpathSync(existing);
    const realContent = realpathSync(contentDir);
    if (real !== realContent && !real.startsWith(`${realContent}${sep}`)) {
      throw new EditorRefusal(
        `"${path}" leads outside ${contentFolder}/ through a link: the editor does not follow it.`,
      );
    }
    if (existsSync(file) && lstatSync(file).isSymbolicLink()) {
      throw new EditorRefusal(`"${path}" is a link: the editor does not follow it.`);
    }
  }

  function readEntry(path: string, label?: string) {
    const { file, folder } = place(path, 'entry');
    if (!existsSync(file)) return { data: null, file: { path, label, id: null } };
    const content = readFileSync(file);
    if (folder !== 'comments') return { data: content.toString('utf8'), file: { path, label, id: sha256(content) } };
    // A comment's status is shown, approved included, so that the editor's required select holds it.
    const text = withStatuses(content.toString('utf8'));
    served.set(file, commentsById(text));
    return { data: text, file: { path, label, id: sha256(content) } };
  }

  function listFolder(folder: string, extension: string, depth: number): string[] {
    const { file: start } = place(folder, 'folder');
    const found: string[] = [];
    const walk = (dir: string, level: number) => {
      if (!existsSync(dir)) return;
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory() && level < depth) walk(path, level + 1);
        else if (entry.isFile() && (!extension || entry.name.endsWith(`.${extension}`))) {
          found.push(relative(root, path).split('\\').join('/'));
        }
      }
    };
    walk(start, 1);
    return found.sort();
  }

  function mediaFile(path: string) {
    const { file } = place(path, 'media');
    const content = readFileSync(file);
    return { id: sha256(content), content: content.toString('base64'), encoding: 'base64', path, name: basename(path) };
  }

  /**
   * The problems the content would have after the change that it does not have now, as the content
   * check words them (its file names included).
   */
  function problemsOfChange(writes: ReadonlyMap<string, string>, deletes: readonly string[]): string[] {
    const before = new Set(checkContent(contentDir, root).problems.map(formatProblem));
    const copyRoot = mkdtempSync(join(tmpdir(), 'editor-check-'));
    try {
      const copy = join(copyRoot, contentFolder);
      // The media are not checked as text: the copy links to them.
      cpSync(contentDir, copy, {
        recursive: true,
        dereference: true,
        filter: (source) => source !== join(contentDir, 'media'),
      });
      if (existsSync(join(contentDir, 'media'))) symlinkSync(join(contentDir, 'media'), join(copy, 'media'));
      for (const path of deletes) rmSync(join(copyRoot, relative(root, path)), { force: true });
      for (const [path, text] of writes) {
        const target = join(copyRoot, relative(root, path));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, text);
      }
      return checkContent(copy, copyRoot)
        .problems.map(formatProblem)
        .filter((line) => !before.has(line));
    } finally {
      rmSync(copyRoot, { recursive: true, force: true });
    }
  }

  function refuseProblems(problems: string[], what: string): void {
    if (problems.length === 0) return;
    throw new EditorRefusal(`${what}, because npm run check:content would refuse it:\n${problems.join('\n')}`);
  }

  async function persistEntry(dataFiles: DataFile[], assets: Asset[]) {
    const writes = new Map<string, string>();
    const deletes: string[] = [];
    for (const dataFile of dataFiles) {
      const { file, folder } = place(dataFile.path, 'entry');
      if (typeof dataFile.raw !== 'string') throw new EditorRefusal('The editor sent no text to save.');
      const target = dataFile.newPath ? place(dataFile.newPath, 'entry').file : file;
      if (target !== file) {
        if (existsSync(target)) {
          throw new EditorRefusal(`Not saved: ${dataFile.newPath} already exists. Choose another title or name.`);
        }
        deletes.push(file);
      }
      writes.set(target, tidy(folder, dataFile.raw));
    }
    const media = assets.map((asset) => mediaToWrite(asset));
    refuseProblems(problemsOfChange(writes, deletes), 'Not saved');
    for (const { file, bytes } of media) await writeMedia(file, bytes);
    for (const [file, text] of writes) {
      const { folder, rest } = place(relative(root, file).split('\\').join('/'), 'entry');
      if (folder === 'comments') {
        await saveCommentsFile(file, rest.replace(/(\/[^/]*)?\.json$/, ''), text);
      } else {
        await mkdir(dirname(file), { recursive: true });
        await writeFileAtomic(file, text);
      }
    }
    for (const file of deletes) await rm(file, { force: true });
  }

  /**
   * Saves a comments file under the question form's lock. The editor saves the whole file as it read it,
   * so the save keeps every comment that arrived since (a reader's question), and refuses when a comment
   * it read was changed or removed since (by the questions page, `npm run comments` or another tab):
   * saving would undo that. A save never removes a comment: deleting goes through the moderation command.
   */
  async function saveCommentsFile(file: string, article: string, text: string) {
    const saved = (JSON.parse(text) as { comments: CommentInput[] }).comments;
    const read = served.get(file);
    const savedIds = new Set(saved.map((comment) => String(comment.id)));
    try {
      await updateCommentsFileAt(
        contentDir,
        article,
        file,
        (onDisk) => {
          const disk = new Map(onDisk.map((comment) => [String(comment.id), comment]));
          for (const comment of saved) {
            const id = String(comment.id);
            const now = disk.get(id);
            const then = read?.get(id);
            if (now === undefined && then !== undefined) throw new EditorRefusal(changedSince(id, 'removed'));
            if (now !== undefined && sameComment(now, comment)) continue;
            if (now !== undefined && (then === undefined || !sameComment(now, JSON.parse(then) as CommentInput))) {
              throw new EditorRefusal(changedSince(id, 'changed'));
            }
          }
          const dropped = onDisk.filter(
            (comment) => !savedIds.has(String(comment.id)) && read?.has(String(comment.id)),
          );
          if (dropped.length > 0) {
            throw new EditorRefusal(
              `Not saved: a save here removes no comment (${dropped.map((comment) => String(comment.id)).join(', ')}). Delete one from Reader questions (/admin/questions/) or with npm run comments -- delete <article>/<id>, or mark it as spam.`,
            );
          }
          return [...saved, ...onDisk.filter((comment) => !savedIds.has(String(comment.id)))];
        },
        { root },
      );
    } catch (error) {
      if (error instanceof CommentsFileError) throw new EditorRefusal(`Not saved:\n${error.message}`);
      throw error;
    }
    served.set(file, commentsById(withStatuses(readFileSync(file, 'utf8'))));
  }

  async function deleteFiles(paths: unknown[]) {
    const files = paths.map((path) => place(path, typeof path === 'string' && isMediaPath(path) ? 'media' : 'entry'));
    const entries = files.filter(({ folder }) => folder !== 'media').map(({ file }) => file);
    for (const { folder, rest } of files) {
      if (folder !== 'media') continue;
      const users = textsNaming(`media/${rest}`).filter((user) => !entries.includes(user));
      if (users.length > 0) {
        throw new EditorRefusal(
          `Not deleted: ${users.map((user) => relative(root, user)).join(', ')} ${users.length === 1 ? 'shows' : 'show'} media/${rest}. Remove it from the text first.`,
        );
      }
    }
    refuseProblems(problemsOfChange(new Map(), entries), 'Not deleted');
    for (const { file } of files) await rm(file, { force: true });
  }

  const isMediaPath = (path: string) => path.startsWith(`${contentFolder}/media/`);

  /** The articles and site pages whose text names a media file (`../media/2024/05/x.jpg`). */
  function textsNaming(media: string): string[] {
    return globSync(['articles/**/*.mdx', 'pages/**/*.mdx'], { cwd: contentDir })
      .map((path) => join(contentDir, path))
      .filter((file) => readFileSync(file, 'utf8').includes(media));
  }

  /** A media file to write, refused when too large or when another file of that name is there. */
  function mediaToWrite(asset: Asset): { file: string; bytes: Buffer } {
    const { file } = place(asset.path, 'media');
    const bytes = Buffer.from(asset.content, asset.encoding);
    if (bytes.length > MEDIA_MAX_BYTES) throw new EditorRefusal(`${asset.path} is larger than 25 MB: make it smaller.`);
    if (existsSync(file) && !readFileSync(file).equals(bytes)) {
      throw new EditorRefusal(`${asset.path} already exists: rename the image before uploading it.`);
    }
    return { file, bytes };
  }

  async function writeMedia(file: string, bytes: Buffer) {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomic(file, bytes);
  }

  /** Answers one request of Decap's proxy protocol. Never throws: a failure is `{ error }`. */
  async function answer(request: unknown): Promise<BackendAnswer> {
    try {
      const { action, params = {} } = (request ?? {}) as { action?: unknown; params?: Record<string, unknown> };
      switch (action) {
        case 'info':
          return ok({ repo: basename(root), publish_modes: ['simple'], type: 'local_fs' });
        case 'entriesByFolder': {
          const { folder, extension, depth } = params as { folder: string; extension: string; depth: number };
          return ok(
            listFolder(folder, extension, Math.max(1, Math.min(Number(depth) || 1, 2))).map((path) => readEntry(path)),
          );
        }
        case 'entriesByFiles':
          return ok(
            ((params.files as { path: string; label?: string }[]) ?? []).map(({ path, label }) =>
              readEntry(path, label),
            ),
          );
        case 'getEntry':
          return ok(readEntry(params.path as string));
        case 'persistEntry': {
          const entry = params.entry as DataFile | undefined;
          const dataFiles = (params.dataFiles as DataFile[] | undefined) ?? (entry ? [entry] : []);
          await oneAtATime(() => persistEntry(dataFiles, (params.assets as Asset[] | undefined) ?? []));
          return ok({ message: 'entry persisted' });
        }
        case 'getMedia': {
          const folder = params.mediaFolder as string;
          return ok(listFolder(folder, '', 1).map(mediaFile));
        }
        case 'getMediaFile':
          return ok(mediaFile(params.path as string));
        case 'persistMedia': {
          const asset = params.asset as Asset;
          const { file, bytes } = mediaToWrite(asset);
          await oneAtATime(() => writeMedia(file, bytes));
          return ok(mediaFile(asset.path));
        }
        case 'deleteFile':
          await oneAtATime(() => deleteFiles([params.path]));
          return ok({ message: `deleted file ${String(params.path)}` });
        case 'deleteFiles':
          await oneAtATime(() => deleteFiles((params.paths as unknown[]) ?? []));
          return ok({ message: 'deleted files' });
        case 'getDeployPreview':
          return ok(null);
        default:
          return { status: 422, body: { error: `Unknown action ${String(action)}` } };
      }
    } catch (error) {
      if (error instanceof EditorRefusal) return { status: 422, body: { error: error.message } };
      return { status: 500, body: { error: `Could not finish: ${(error as Error).message}` } };
    }
  }

  return { answer };
}

const ok = (body: unknown): BackendAnswer => ({ status: 200, body });

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

/** A comments file's comments by id, each as JSON, or none when the text is not a comments file. */
function commentsById(text: string): Map<string, string> {
  try {
    const { comments } = JSON.parse(text) as { comments?: CommentInput[] };
    return new Map((comments ?? []).map((comment) => [String(comment.id), JSON.stringify(orderFields(comment))]));
  } catch {
    return new Map();
  }
}

/** Whether two comments say the same, an absent status being `approved`. */
const sameComment = (a: CommentInput, b: CommentInput) =>
  JSON.stringify(orderFields({ status: 'approved', ...(withoutEmptyValues(a) as CommentInput) })) ===
  JSON.stringify(orderFields({ status: 'approved', ...(withoutEmptyValues(b) as CommentInput) }));

const changedSince = (id: string, how: 'changed' | 'removed') =>
  `Not saved: comment "${id}" was ${how} since you opened this file (on the Reader questions page, with npm run comments or in another tab). Reload the page to see it, then make your change again.`;

/** A comments file's text with every comment's status written out (`approved` where it is left out). */
function withStatuses(text: string): string {
  try {
    const data = JSON.parse(text) as { comments?: unknown };
    if (!Array.isArray(data.comments)) return text;
    const comments = (data.comments as Record<string, unknown>[]).map((comment) =>
      comment && typeof comment === 'object' && !('status' in comment) ? { ...comment, status: 'approved' } : comment,
    );
    return `${JSON.stringify({ ...data, comments }, null, 2)}\n`;
  } catch {
    return text; // the check names the problem
  }
}

/**
 * The text to write: Decap writes a field the editor emptied as `""` (and a group of them as an object of
 * empty values), which the schema reads as a wrong value rather than an absent one. Empty values are left
 * out; a comments file is written as the site's files are.
 */
export function tidy(folder: string, raw: string): string {
  if (folder === 'comments') {
    const parsed = parseJsonOrUndefined(raw);
    if (!parsed || !Array.isArray((parsed as { comments?: unknown }).comments)) return raw;
    const comments = (withoutEmptyValues(parsed) as { comments?: CommentInput[] }).comments ?? [];
    // Approved is the default: written out only while the editor shows it.
    return formatCommentsFile(
      comments.map(({ status, ...comment }) => (status === 'approved' ? comment : { ...comment, status })),
    );
  }
  if (folder === 'people') return tidyYaml(raw) ?? raw;
  const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(raw);
  if (!match) return raw;
  const frontmatter = tidyYaml(match[1]!);
  return frontmatter === undefined ? raw : `---\n${frontmatter}---${match[2]}${raw.slice(match[0].length)}`;
}

function tidyYaml(text: string): string | undefined {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch {
    return undefined; // the check will name the problem
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return undefined;
  const tidied = withoutEmptyValues(data);
  return stringifyYaml(tidied, { lineWidth: 0 });
}

function parseJsonOrUndefined(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
