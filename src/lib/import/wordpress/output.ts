/**
 * Writing an import into the content folder safely.
 *
 * Files are written to a temporary folder while the import runs, and moved into place only when it
 * has finished without errors, so a failed or interrupted import leaves the content folder as it
 * was. The temporary folder sits in the content folder's parent (or its nearest existing ancestor,
 * so a failed import creates no folder), on the same file system when it can; when the content
 * folder is on another one (a mount, a symbolic link), files are copied instead of renamed.
 *
 * Moving in happens in two steps: every file is first put beside its target under a temporary name
 * (the step that can fail: a full disk, a folder that cannot be written), and only then renamed
 * over its target. A failure in the first step removes what it made, so "nothing was written" is
 * true; a failure in the second step says which files were written.
 *
 * A file that already exists with the same contents is left alone (running the import again
 * changes nothing); one with other contents is replaced only when the owner says so.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import { countOf } from '@/lib/text/plural';

import type { ImportedFile } from '@/lib/import/wordpress/import';

/** What the import does to each file, relative to the content folder. */
export interface OutputPlan {
  /** Files that do not exist yet. */
  created: string[];
  /** Files that exist with exactly these contents. */
  unchanged: string[];
  /** Files that exist with other contents: replaced only with `force`. */
  replaced: string[];
  /** Files the owner completes by hand (people) that exist with other contents: kept as they are. */
  kept: string[];
}

/** Files exist with other contents and `force` was not given; nothing was written. */
export class ExistingFilesError extends Error {
  readonly files: readonly string[];
  constructor(outDir: string, files: readonly string[]) {
    const list = files.slice(0, 20).map((file) => `  ${join(outDir, file)}`);
    if (files.length > 20) list.push(`  … and ${files.length - 20} more`);
    super(
      `${countOf(files.length, 'file')} would be overwritten; nothing was written. ` +
        `Run again with --force to replace them:\n${list.join('\n')}`,
    );
    this.name = 'ExistingFilesError';
    this.files = files;
  }
}

/** The content folder cannot be used: not given, a file, or inside a file. Nothing was written. */
export class OutputFolderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OutputFolderError';
  }
}

/** Moving the files into place failed. `written` lists those already in place (relative paths). */
export class CommitError extends Error {
  readonly written: readonly string[];
  constructor(outDir: string, cause: NodeJS.ErrnoException, written: readonly string[], total: number) {
    const what = cause.path ? `${cause.code ?? cause.message} on ${cause.path}` : (cause.code ?? cause.message);
    super(
      written.length === 0
        ? `Could not write into ${outDir} (${what}); nothing was written.`
        : `Could not write into ${outDir} (${what}) after ${written.length} of ${total} files were written:\n` +
            written.map((path) => `  ${join(outDir, path)}`).join('\n'),
    );
    this.name = 'CommitError';
    this.written = written;
  }
}

const isErrno = (error: unknown, ...codes: string[]) => codes.includes((error as NodeJS.ErrnoException).code ?? '');

/** The folder itself or its nearest ancestor that exists, and what it is. */
async function nearestExisting(path: string): Promise<{ path: string; isDirectory: boolean }> {
  for (let current = path; ; current = dirname(current)) {
    try {
      return { path: current, isDirectory: (await stat(current)).isDirectory() };
    } catch (error) {
      if (!isErrno(error, 'ENOENT', 'ENOTDIR') || dirname(current) === current) throw error;
    }
  }
}

/** Moves a file, copying it when the target is on another file system. */
async function moveFile(from: string, to: string): Promise<void> {
  try {
    await rename(from, to);
  } catch (error) {
    if (!isErrno(error, 'EXDEV')) throw error;
    await copyFile(from, to);
    await unlink(from);
  }
}

export class StagedOutput {
  readonly plan: OutputPlan = { created: [], unchanged: [], replaced: [], kept: [] };
  readonly outDir: string;
  /** Undefined for a dry run: nothing is written anywhere. */
  private readonly stagingDir: string | undefined;
  /** Files put beside their targets under a temporary name, not yet renamed over them. */
  private readonly besideTargets: string[] = [];
  /** Folders the commit created, outermost first, removed again if it fails before writing. */
  private readonly createdFolders: string[] = [];
  /** Files already in place in the content folder. */
  readonly written: string[] = [];

  private constructor(outDir: string, stagingDir: string | undefined) {
    this.outDir = outDir;
    this.stagingDir = stagingDir;
  }

  /**
   * @param outDir the content folder (it need not exist yet)
   * @param dryRun plan only: compare with the content folder but write nothing, not even a temporary folder
   * @throws OutputFolderError when the folder is not given, is a file or lies inside a file
   */
  static async create(outDir: string, { dryRun = false } = {}): Promise<StagedOutput> {
    if (outDir.trim() === '') {
      throw new OutputFolderError('--out is empty: give the content folder to import into, such as --out content.');
    }
    const target = resolve(outDir);
    const existing = await nearestExisting(target);
    if (!existing.isDirectory) {
      throw new OutputFolderError(
        existing.path === target
          ? `--out ${outDir} is a file, not a folder: give the content folder to import into, such as --out content.`
          : `--out ${outDir} cannot be a folder: ${existing.path} is a file.`,
      );
    }
    if (dryRun) return new StagedOutput(target, undefined);
    // Beside the content folder (or in its nearest existing ancestor), usually on the same file system.
    const stagingParent = existing.path === target ? dirname(target) : existing.path;
    return new StagedOutput(target, await mkdtemp(join(stagingParent, '.wordpress-import-')));
  }

  /** Records a file in the plan and, unless this is a dry run, writes it to the temporary folder. */
  async add(file: ImportedFile): Promise<void> {
    const existing = await readFile(join(this.outDir, file.path), 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined;
      throw error;
    });
    if (existing === undefined) this.plan.created.push(file.path);
    else if (existing === file.contents) this.plan.unchanged.push(file.path);
    else if (file.keepExisting) this.plan.kept.push(file.path);
    else this.plan.replaced.push(file.path);
    if (this.stagingDir && (existing === undefined || (existing !== file.contents && !file.keepExisting))) {
      const staged = join(this.stagingDir, file.path);
      await mkdir(dirname(staged), { recursive: true });
      await writeFile(staged, file.contents);
    }
  }

  /**
   * Moves the new and changed files into the content folder and removes the temporary folder.
   * @throws ExistingFilesError, writing nothing, when files would be replaced without `force`
   * @throws CommitError when a file cannot be written, saying which files were
   */
  async commit({ force = false } = {}): Promise<void> {
    if (this.plan.replaced.length > 0 && !force) {
      await this.discard();
      throw new ExistingFilesError(this.outDir, this.plan.replaced);
    }
    if (!this.stagingDir) return;
    const paths = [...this.plan.created, ...this.plan.replaced];
    const suffix = `.wordpress-import-${randomBytes(4).toString('hex')}`;
    try {
      for (const path of paths) {
        const target = join(this.outDir, path);
        const created = await mkdir(dirname(target), { recursive: true });
        if (created !== undefined) this.createdFolders.push(created);
        await moveFile(join(this.stagingDir, path), `${target}${suffix}`);
        this.besideTargets.push(`${target}${suffix}`);
      }
    } catch (error) {
      await this.discard();
      throw new CommitError(this.outDir, error as NodeJS.ErrnoException, [], paths.length);
    }
    try {
      for (const path of paths) {
        const target = join(this.outDir, path);
        await rename(`${target}${suffix}`, target);
        this.besideTargets.shift();
        this.written.push(path);
      }
    } catch (error) {
      await this.discard();
      throw new CommitError(this.outDir, error as NodeJS.ErrnoException, this.written, paths.length);
    }
    await this.discard();
  }

  /**
   * Removes the temporary folder and the files not yet in place, and, when no file has been written,
   * the folders the commit created.
   */
  async discard(): Promise<void> {
    this.discardSync();
  }

  /** {@link discard}, for exit and signal handlers, which cannot wait. */
  discardSync(): void {
    if (this.stagingDir) rmSync(this.stagingDir, { recursive: true, force: true });
    for (const path of this.besideTargets.splice(0)) rmSync(path, { force: true });
    if (this.written.length === 0) {
      for (const folder of this.createdFolders.splice(0)) rmSync(folder, { recursive: true, force: true });
    }
  }
}
