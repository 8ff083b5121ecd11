import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from 'vitest';

import { runAstro } from '../helpers/astro-build';

const brokenContent = fileURLToPath(new URL('../fixtures/broken-content', import.meta.url));

test('a build of broken content fails with one line per problem and no stack trace', async () => {
  const outDir = mkdtempSync(join(tmpdir(), 'broken-build-'));
  const result = await runAstro(['build', '--outDir', outDir], {
    ...process.env,
    CONTENT_DIR: brokenContent,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
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
}, 600_000); // waits for the other builds of the run (one at a time)
