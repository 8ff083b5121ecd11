/**
 * Build work kept between builds in Astro's cache folder (`node_modules/.astro/`, which the deploy recipes
 * keep between deploys): the sharing images and the editorial lint's reading of the pages. Each result is
 * kept under a digest of what made it, the code included, so nothing made by older code is reused.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A digest of the files of code that make a cached result, of the lockfile, which fixes the libraries'
 * versions, and of Node's version (its Unicode tables decide what `\p{L}` matches).
 */
export function codeDigest(files: readonly (URL | string)[], root: string): string {
  const hash = createHash('sha256').update(process.version);
  const lockfile = join(root, 'package-lock.json');
  for (const file of [...files, ...(existsSync(lockfile) ? [lockfile] : [])]) hash.update(readFileSync(file));
  return hash.digest('hex');
}

/**
 * Removes the files of `folder` this build did not use: results of content no longer there, or made by
 * older code, are not needed again. Files changed since `buildStarted` are kept: they, and unfinished
 * ones, may belong to another build sharing the cache.
 */
export function pruneBuildCache(folder: string, used: ReadonlySet<string>, buildStarted: number): void {
  if (!existsSync(folder)) return;
  for (const file of readdirSync(folder).map((name) => join(folder, name))) {
    const modified = statSync(file, { throwIfNoEntry: false })?.mtimeMs;
    if (!used.has(file) && modified !== undefined && modified < buildStarted) rmSync(file, { force: true });
  }
}
