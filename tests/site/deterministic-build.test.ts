import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { globSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { expect, test } from 'vitest';

import { SITE_DIST } from '../helpers/paths';

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

test('two builds of the same content give byte-identical files', () => {
  const second = mkdtempSync(join(tmpdir(), 'second-build-'));
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  execFileSync(process.execPath, [astro, 'build', '--silent', '--outDir', second], {
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const first = fingerprint(SITE_DIST);
  const again = fingerprint(second);
  rmSync(second, { recursive: true, force: true });
  expect(Object.keys(first).length).toBeGreaterThan(3);
  expect(again).toEqual(first);
});
