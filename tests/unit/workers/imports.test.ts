/**
 * Node runs the build's worker threads from `src/workers/` as the files are, with its own TypeScript
 * support and none of Vite's or tsx's resolution: everything a worker loads must be in that folder,
 * named by its full file name, without `@/` paths. ESLint checks each file; this checks the whole graph.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';
import { describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WORKERS = join(ROOT, 'src/workers');
const workerFiles = readdirSync(WORKERS).filter((name) => name.endsWith('.ts'));
const entries = workerFiles.filter((name) => name.endsWith('-worker.ts'));

/** Every local file the entry loads, and the specifiers that Node could not load as written. */
function traceImports(entry: string): { files: string[]; problems: string[] } {
  const files = new Set<string>();
  const problems: string[] = [];
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const { fileName: specifier } of ts.preProcessFile(readFileSync(file, 'utf8'), true, true).importedFiles) {
      const from = relative(ROOT, file);
      if (specifier.startsWith('@/')) problems.push(`${from}: "${specifier}" is an @/ path`);
      else if (specifier.startsWith('.')) {
        const target = join(dirname(file), specifier);
        if (!existsSync(target)) problems.push(`${from}: "${specifier}" is not a full file name`);
        else if (dirname(target) !== WORKERS) problems.push(`${from}: "${specifier}" is outside src/workers/`);
        else visit(target);
      }
    }
  };
  visit(join(WORKERS, entry));
  return { files: [...files].map((file) => relative(ROOT, file)), problems };
}

describe('the files worker threads load', () => {
  test('the build has its two worker entries in src/workers/', () => {
    expect(entries.sort()).toEqual(['editorial-lint-worker.ts', 'share-images-worker.ts']);
  });

  test.each(entries)('%s loads only files of src/workers/, by full file name, without @/ paths', (entry) => {
    const { files, problems } = traceImports(entry);
    expect(problems).toEqual([]);
    expect(files.length).toBeGreaterThan(1);
  });

  test.each(workerFiles.filter((name) => !entries.includes(name)))(
    'Node loads %s as it is, without a bundler or tsx',
    (name) => {
      const loaded = spawnSync(
        process.execPath,
        ['--input-type=module', '-e', `await import(${JSON.stringify(join(WORKERS, name))})`],
        {
          encoding: 'utf8',
          timeout: 20_000,
        },
      );
      expect(loaded.stderr).toBe('');
      expect(loaded.status).toBe(0);
    },
  );
});
