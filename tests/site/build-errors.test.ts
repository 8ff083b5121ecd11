import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { expect, test } from 'vitest';

import { runAstro } from '../helpers/astro-build';

const brokenContent = fileURLToPath(new URL('../fixtures/broken-content', import.meta.url));
const brokenMdx = fileURLToPath(new URL('../fixtures/broken-mdx', import.meta.url));

/** Longest a test waits for a free test project (three builds at a time) and its own build. */
const BUILD_BUDGET_MS = 600_000;

/** `astro build` of a content folder into a folder thrown away after: its exit status and all it printed. */
async function buildOf(contentDir: string) {
  const outDir = mkdtempSync(join(tmpdir(), 'broken-build-'));
  const result = await runAstro(['build', '--outDir', outDir], {
    ...process.env,
    CONTENT_DIR: contentDir,
    ASTRO_TELEMETRY_DISABLED: '1',
    FORCE_COLOR: '0',
  });
  rmSync(outDir, { recursive: true, force: true });
  return { status: result.status, output: `${result.stdout}${result.stderr}`, project: result.project };
}

test(
  'a build of broken content fails with one line per problem and no stack trace',
  async () => {
    const result = await buildOf(brokenContent);
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
  },
  BUILD_BUDGET_MS,
);

test(
  'a build of broken MDX fails with the content check’s lines, each with file, line and column, and no stack trace',
  async () => {
    const { status, output, project } = await buildOf(brokenMdx);
    expect(status).toBe(1);
    const file = relative(project, brokenMdx);
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
  },
  BUILD_BUDGET_MS,
);
