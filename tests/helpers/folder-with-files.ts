/** Temporary folders holding given files, each removed after the test that made it. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterEach } from 'vitest';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/**
 * A new temporary folder holding `files` (relative path → text), removed after the test.
 * @param prefix begins the folder's name, which shows in messages about its files
 */
export function folderWithFiles(prefix: string, files: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  folders.push(folder);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  return folder;
}
