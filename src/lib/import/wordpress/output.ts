/**
 * Writing an import into the content folder safely.
 *
 * Files are written to a temporary folder beside the content folder while the import runs, and
 * moved into place only when it has finished without errors, so a failed import leaves the content
 * folder as it was. A file that already exists with the same contents is left alone (running the
 * import again changes nothing); one with other contents is replaced only when the owner says so.
 */
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import type { ImportedFile } from './import';

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
      `${files.length} file${files.length === 1 ? '' : 's'} would be overwritten; nothing was written. ` +
        `Run again with --force to replace them:\n${list.join('\n')}`,
    );
    this.name = 'ExistingFilesError';
    this.files = files;
  }
}

export class StagedOutput {
  readonly plan: OutputPlan = { created: [], unchanged: [], replaced: [], kept: [] };
  readonly outDir: string;
  /** Undefined for a dry run: nothing is written anywhere. */
  private readonly stagingDir: string | undefined;

  private constructor(outDir: string, stagingDir: string | undefined) {
    this.outDir = outDir;
    this.stagingDir = stagingDir;
  }

  /**
   * @param outDir the content folder (it need not exist yet)
   * @param dryRun plan only: compare with the content folder but write nothing, not even a temporary folder
   */
  static async create(outDir: string, { dryRun = false } = {}): Promise<StagedOutput> {
    const target = resolve(outDir);
    if (dryRun) return new StagedOutput(target, undefined);
    // Beside the content folder, on the same file system, so moving a file is a rename.
    await mkdir(dirname(target), { recursive: true });
    return new StagedOutput(target, await mkdtemp(join(dirname(target), '.wordpress-import-')));
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
   */
  async commit({ force = false } = {}): Promise<void> {
    if (this.plan.replaced.length > 0 && !force) {
      await this.discard();
      throw new ExistingFilesError(this.outDir, this.plan.replaced);
    }
    if (!this.stagingDir) return;
    for (const path of [...this.plan.created, ...this.plan.replaced]) {
      const target = join(this.outDir, path);
      await mkdir(dirname(target), { recursive: true });
      await rename(join(this.stagingDir, path), target);
    }
    await this.discard();
  }

  /** Removes the temporary folder and everything in it. */
  async discard(): Promise<void> {
    if (this.stagingDir) await rm(this.stagingDir, { recursive: true, force: true });
  }
}
