/** What the build keeps between builds: digests of the code that made a result, and pruning what no build uses. */
import { existsSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import { describe, expect, test } from 'vitest';

import { codeDigest, pruneBuildCache } from '@/integrations/build-cache';

import { folderWithFiles } from '../../helpers/folder-with-files';

describe('codeDigest', () => {
  test('changes with any file of the code, and with the package lock', () => {
    const root = folderWithFiles('build-cache-', { 'a.ts': 'one', 'b.ts': 'two', 'package-lock.json': '{}' });
    const files = [pathToFileURL(join(root, 'a.ts')), join(root, 'b.ts')];
    const before = codeDigest(files, root);
    expect(codeDigest(files, root)).toBe(before);
    writeFileSync(join(root, 'b.ts'), 'three');
    const changedCode = codeDigest(files, root);
    expect(changedCode).not.toBe(before);
    writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion": 3}');
    expect(codeDigest(files, root)).not.toBe(changedCode);
  });
});

describe('pruneBuildCache', () => {
  test('removes what this build did not use, keeping files newer than the build (another build’s)', () => {
    const folder = folderWithFiles('build-cache-', { 'used.json': '', 'old.json': '', 'new.json': '', 'x.part': '' });
    const started = Date.now();
    const before = new Date(started - 60_000);
    for (const name of ['used.json', 'old.json', 'x.part']) utimesSync(join(folder, name), before, before);
    const after = new Date(started + 1_000);
    utimesSync(join(folder, 'new.json'), after, after);
    pruneBuildCache(folder, new Set([join(folder, 'used.json')]), started);
    expect(readdirSync(folder).sort()).toEqual(['new.json', 'used.json']);
  });

  test('does nothing when there is no cache folder yet', () => {
    const folder = join(folderWithFiles('build-cache-', {}), 'missing');
    expect(() => pruneBuildCache(folder, new Set(), Date.now())).not.toThrow();
    expect(existsSync(folder)).toBe(false);
  });
});
