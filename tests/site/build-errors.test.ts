import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from 'vitest';

const brokenContent = fileURLToPath(new URL('../fixtures/broken-content', import.meta.url));
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

test('a build of broken content fails with one line per problem and no stack trace', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'broken-build-'));
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    env: { ...process.env, CONTENT_DIR: brokenContent, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  rmSync(outDir, { recursive: true, force: true });
  const output = `${result.stdout}${result.stderr}`;
  expect(result.status).toBe(1);
  const errors = output.split('\n').filter((line) => line.includes('[ERROR]'));
  expect(errors).toHaveLength(35);
  expect(errors.at(-1)).toContain('Content check: 34 problems to fix before the site can be built.');
  expect(output).toContain(
    'comment "orphan", field "parent": replies to "ghost", which is not a comment on this article.',
  );
  expect(output).toContain('field "author": names "nobody-here", who is not in content/people.');
  expect(output).not.toMatch(/^\s+at /m);
});
