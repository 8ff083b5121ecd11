/**
 * `npm run dev` shows what a build leaves out, so that an editor can read it before it is published: a
 * draft under "Draft: not published", a scheduled article under the day it will be published. Runs the
 * real dev server (`astro dev`) on a small content folder.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, expect, test } from 'vitest';

import { buildEnvironment, lockAstroProject } from '../helpers/astro-build';

const folder = mkdtempSync(join(tmpdir(), 'dev-drafts-'));
const article = (title: string, published: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: A test article.\npublished: ${published}\n${extra}---\n\nThe text of ${title}.\n`;
const files: Record<string, string> = {
  'articles/published.mdx': article('Published', '2026-12-01'),
  'articles/unfinished.mdx': article('Unfinished', '2026-12-01', 'draft: true\n'),
  'articles/winter-flu.mdx': article('Winter flu', '2026-12-24'),
};

/** A port nobody listens on now. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let dev: ChildProcess | undefined;
let unlockAstro: (() => Promise<void>) | undefined;
let origin = '';

beforeAll(async () => {
  // The dev server writes the project's .astro/ folder, which the test builds share: none runs meanwhile.
  unlockAstro = await lockAstroProject();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, 'content', path)), { recursive: true });
    writeFileSync(join(folder, 'content', path), text);
  }
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  dev = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    env: {
      // Without VITEST: Astro's dev server serves no pages inside Vitest.
      ...Object.fromEntries(Object.entries(buildEnvironment()).filter(([name]) => !name.startsWith('VITEST'))),
      ASTRO_TELEMETRY_DISABLED: '1',
      CONTENT_DIR: join(folder, 'content'),
      BUILD_DATE: '2026-12-05',
      QUESTIONS: 'off',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  dev.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  // Ready when it answers a page (the first answer waits for Vite to bundle the dependencies).
  let last = 'no answer';
  for (const started = Date.now(); Date.now() - started < 120_000;) {
    try {
      const response = await fetch(`${origin}/articles/published/`, { signal: AbortSignal.timeout(60_000) });
      if (response.ok) return;
      last = `status ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`astro dev did not answer within 2 minutes (${last}). It said:\n${output}`);
}, 900_000); // may first wait for the other builds of the run

afterAll(async () => {
  dev?.kill();
  await unlockAstro?.();
  rmSync(folder, { recursive: true, force: true });
});

const page = async (path: string) => {
  const response = await fetch(`${origin}${path}`);
  expect(response.status, path).toBe(200);
  return response.text();
};

test('shows a draft under a banner saying it is not published', async () => {
  const html = await page('/articles/unfinished/');
  expect(html).toMatch(/<p[^>]*data-unpublished-banner[^>]*>Draft: not published<\/p>/);
  expect(html).toContain('The text of Unfinished.');
}, 60_000);

test('shows a scheduled article under the day it will be published', async () => {
  const html = await page('/articles/winter-flu/');
  expect(html).toMatch(/<p[^>]*data-unpublished-banner[^>]*>Scheduled: not published until 24 December 2026<\/p>/);
}, 60_000);

test('shows a published article without a banner', async () => {
  expect(await page('/articles/published/')).not.toContain('data-unpublished-banner');
}, 60_000);
