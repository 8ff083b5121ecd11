/**
 * `npm run dev` shows what a build leaves out, so that an editor can read it before it is published: a
 * draft under "Draft: not published", a scheduled article under the day it will be published. Runs the
 * real dev server (`astro dev`) on a small content folder.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, beforeAll, expect, test } from 'vitest';

import { startDevServer, type DevServer } from '../helpers/dev-server';

const folder = mkdtempSync(join(tmpdir(), 'dev-drafts-'));
const article = (title: string, published: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: A test article.\npublished: ${published}\n${extra}---\n\nThe text of ${title}.\n`;
const files: Record<string, string> = {
  'articles/published.mdx': article('Published', '2026-12-01'),
  'articles/unfinished.mdx': article('Unfinished', '2026-12-01', 'draft: true\n'),
  'articles/winter-flu.mdx': article('Winter flu', '2026-12-24'),
};

let dev: DevServer | undefined;
let origin = '';

beforeAll(async () => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, 'content', path)), { recursive: true });
    writeFileSync(join(folder, 'content', path), text);
  }
  dev = await startDevServer(join(folder, 'content'), '/articles/published/');
  origin = dev.origin;
}, 900_000); // may first wait for the other builds of the run

afterAll(async () => {
  await dev?.stop();
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
