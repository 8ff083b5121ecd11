import { createHash } from 'node:crypto';
import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from 'vitest';

import { builtSite } from '../helpers/fixture-sites';
import { astroBuild } from '../helpers/astro-build';

const SITE_DIST = await builtSite('site');

/** Every file of a build with the SHA-256 of its bytes. */
function fingerprint(dist: string): Record<string, string> {
  return Object.fromEntries(
    globSync('**/*', { cwd: dist, withFileTypes: false })
      .filter((file) => !file.endsWith('/'))
      .sort()
      .flatMap((file) => {
        try {
          return [
            [
              file,
              createHash('sha256')
                .update(readFileSync(join(dist, file)))
                .digest('hex'),
            ],
          ];
        } catch {
          return []; // a directory
        }
      }),
  );
}

test('two builds of the same content give byte-identical files', async () => {
  const second = mkdtempSync(join(tmpdir(), 'second-build-'));
  // Forced: every page rendered again, none copied from the incremental build cache.
  await astroBuild(second, {}, ['--force']);
  const first = fingerprint(SITE_DIST);
  const again = fingerprint(second);
  rmSync(second, { recursive: true, force: true });
  expect(Object.keys(first).length).toBeGreaterThan(3);
  expect(again).toEqual(first);
}, 600_000); // may wait for a free test project (three builds at a time)
