import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from 'vitest';

const brokenContent = fileURLToPath(new URL('../fixtures/broken-content', import.meta.url));
const brokenMdx = fileURLToPath(new URL('../fixtures/broken-mdx', import.meta.url));
const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/** `astro build` of a content folder into a folder thrown away after: its exit status and all it printed. */
function buildOf(contentDir: string) {
  const outDir = mkdtempSync(join(tmpdir(), 'broken-build-'));
  const result = spawnSync(process.execPath, [astro, 'build', '--outDir', outDir], {
    env: { ...process.env, CONTENT_DIR: contentDir, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0' },
    encoding: 'utf8',
  });
  rmSync(outDir, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

test('a build of broken content fails with one line per problem and no stack trace', () => {
  const result = buildOf(brokenContent);
  const output = result.output;
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

test('a build of broken MDX fails with the content check’s lines, each with file, line and column, and no stack trace', () => {
  const { status, output } = buildOf(brokenMdx);
  expect(status).toBe(1);
  const file = relative(process.cwd(), brokenMdx);
  expect(output).toContain(
    `${file}/articles/unclosed-tag.mdx:9:1: article "unclosed-tag": the MDX does not compile: expected a closing tag for \`<CareCard>\`. Fix: close it with </CareCard> after its content`,
  );
  expect(output).toContain(
    `${file}/articles/bad-props.mdx:7:1: article "bad-props": <CareCard> urgency="urgnet" is not accepted. Fix: write urgency="non-urgent", "urgent" or "emergency" (how soon to act).`,
  );
  expect(output).toContain(
    `${file}/articles/cite-beyond.mdx:12:53: article "cite-beyond": <Cite n={7} /> cites reference 7, but the article lists 2 references.`,
  );
  expect(output).toContain(
    `${file}/articles/unknown-component.mdx:7:1: article "unknown-component": there is no component <CareCrad>.`,
  );
  expect(output).toContain('Content check: 11 problems to fix before the site can be built.');
  expect(output).not.toMatch(/^\s+at /m);
});
