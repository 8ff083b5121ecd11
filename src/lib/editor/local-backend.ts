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
import { basename, dirname, join, posix, relative, resolve } from 'node:path';

import writeFileAtomic from 'write-file-atomic';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { withoutEmptyValues } from '@/lib/editor/empty-values';
import { CommentsFileError } from '@/lib/questions/comments-file';
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
  /** Comment ids each comments file held when the editor last read it: later ones are new questions. */
  const servedIds = new Map<string, Set<string>>();

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
    return { file: join(root, normal), folder, rest };
  }

  function readEntry(path: string, label?: string) {
    const { file, folder } = place(path, 'entry');
    if (!existsSync(file)) return { data: null, file: { path, label, id: null } };
    const content = readFileSync(file);
    if (folder === 'comments') servedIds.set(file, commentIds(content.toString('utf8')));
    return { data: content.toString('utf8'), file: { path, label, id: sha256(content) } };
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
      cpSync(contentDir, copy, { recursive: true, filter: (source) => source !== join(contentDir, 'media') });
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
      if (target !== file) deletes.push(file);
      writes.set(target, tidy(folder, dataFile.raw));
    }
    const media = assets.map((asset) => {
      const { file } = place(asset.path, 'media');
      const bytes = Buffer.from(asset.content, asset.encoding);
      if (bytes.length > MEDIA_MAX_BYTES)
        throw new EditorRefusal(`${asset.path} is larger than 25 MB: make it smaller.`);
      return { file, bytes };
    });
    for (const { file, bytes } of media) await writeMedia(file, bytes);
    refuseProblems(problemsOfChange(writes, deletes), 'Not saved');
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
   * Saves a comments file under the question form's lock, keeping the questions that arrived since the
   * editor read the file: the editor saves the whole file as it was then.
   */
  async function saveCommentsFile(file: string, article: string, text: string) {
    const saved = (JSON.parse(text) as { comments: CommentInput[] }).comments;
    const seen = servedIds.get(file) ?? new Set<string>();
    try {
      await updateCommentsFileAt(
        contentDir,
        article,
        file,
        (onDisk) => [...saved, ...onDisk.filter((comment) => !seen.has(String(comment.id)))],
        { root },
      );
    } catch (error) {
      if (error instanceof CommentsFileError) throw new EditorRefusal(`Not saved:\n${error.message}`);
      throw error;
    }
    servedIds.set(file, commentIds(readFileSync(file, 'utf8')));
  }

  async function deleteFiles(paths: unknown[]) {
    const files = paths.map((path) => place(path, typeof path === 'string' && isMediaPath(path) ? 'media' : 'entry'));
    const entries = files.filter(({ folder }) => folder !== 'media').map(({ file }) => file);
    refuseProblems(problemsOfChange(new Map(), entries), 'Not deleted');
    for (const { file } of files) await rm(file, { force: true });
  }

  const isMediaPath = (path: string) => path.startsWith(`${contentFolder}/media/`);

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
          await persistEntry(dataFiles, (params.assets as Asset[] | undefined) ?? []);
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
          const { file } = place(asset.path, 'media');
          const bytes = Buffer.from(asset.content, asset.encoding);
          if (bytes.length > MEDIA_MAX_BYTES)
            throw new EditorRefusal(`${asset.path} is larger than 25 MB: make it smaller.`);
          await writeMedia(file, bytes);
          return ok(mediaFile(asset.path));
        }
        case 'deleteFile':
          await deleteFiles([params.path]);
          return ok({ message: `deleted file ${String(params.path)}` });
        case 'deleteFiles':
          await deleteFiles((params.paths as unknown[]) ?? []);
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

function commentIds(text: string): Set<string> {
  try {
    const { comments } = JSON.parse(text) as { comments?: { id?: unknown }[] };
    return new Set((comments ?? []).map((comment) => String(comment.id)));
  } catch {
    return new Set();
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
    return `${JSON.stringify({ comments }, null, 2)}\n`;
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
