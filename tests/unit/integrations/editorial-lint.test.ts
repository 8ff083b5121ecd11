/**
 * The editorial-lint integration, run hook by hook as a build runs it: it lints what it read from the
 * built pages, keeps its reading in Astro's cache folder, and drops readings no build needs any more.
 */
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { AstroIntegration } from 'astro';
import { describe, expect, test } from 'vitest';

import { editorialLint } from '@/integrations/editorial-lint';

import { folderWithFiles } from '../../helpers/folder-with-files';

const article = (title: string) =>
  `---\ntitle: '${title}'\ndescription: What helps with leg cramps at night, and when to get help.\npublished: 2025-01-02\n---\n\nText.\n`;

const builtPage = (text: string) =>
  `<!doctype html><html><body><main><article><h1>T</h1><div data-article-body><h2>What helps</h2><p>${text}</p></div></article>` +
  `<section id="comments"></section></main></body></html>`;

type Hooks = Required<AstroIntegration['hooks']>;

/** Runs the integration's hooks as a build does, over the pages given (slug → page text); returns its log. */
async function build(root: string, pages: Record<string, string>) {
  const logged: string[] = [];
  const logger = { info: (line: string) => logged.push(line), warn: (line: string) => logged.push(line) };
  const hooks = editorialLint(join(root, 'content')).hooks as Hooks;
  const call = (hook: keyof Hooks, options: object) =>
    (hooks[hook] as (options: object) => Promise<void> | void)(options);
  const dist = join(root, 'dist');
  await call('astro:config:done', {
    config: { cacheDir: pathToFileURL(`${join(root, 'cache')}/`), root: pathToFileURL(`${root}/`) },
  });
  await call('astro:build:start', { logger });
  for (const [slug, text] of Object.entries(pages)) {
    mkdirSync(join(dist, 'articles', slug), { recursive: true });
    writeFileSync(join(dist, 'articles', slug, 'index.html'), builtPage(text));
  }
  await call('astro:build:generated', { dir: pathToFileURL(`${dist}/`), logger });
  await call('astro:build:done', { dir: pathToFileURL(`${dist}/`), logger });
  return logged;
}

describe('editorialLint', () => {
  test('keeps what it read in the cache folder and drops the readings of articles that changed', async () => {
    const root = folderWithFiles('editorial-lint-', {
      'content/articles/cramps.mdx': article('Leg cramps'),
      'content/articles/water.mdx': article('Water'),
      'package-lock.json': '{}',
    });
    const readings = join(root, 'cache', 'editorial-lint');
    const first = await build(root, { cramps: 'Stretch your legs.', water: 'Drink water.' });
    // Readability is counted from the pages read: a grade for each article.
    expect(first).toEqual([
      expect.stringMatching(/2 of 2 published articles with warnings\. Flesch–Kincaid grades -?\d/),
    ]);
    const kept = readdirSync(readings).sort();
    expect(kept).toHaveLength(2);

    // The next build starts later: the first build's readings are older than it.
    const earlier = new Date(Date.now() - 60_000);
    for (const name of kept) utimesSync(join(readings, name), earlier, earlier);
    const second = await build(root, { cramps: 'Stretch your legs.', water: 'Drink plenty of water.' });
    const now = readdirSync(readings).sort();
    expect(now).toHaveLength(2);
    expect(now.filter((name) => kept.includes(name))).toHaveLength(1);
    // Read from the cache (no reading written again), the same pages lint the same.
    const written = now.map((name) => statSync(join(readings, name)).mtimeMs);
    expect(await build(root, { cramps: 'Stretch your legs.', water: 'Drink plenty of water.' })).toEqual(second);
    expect(readdirSync(readings).sort()).toEqual(now);
    expect(now.map((name) => statSync(join(readings, name)).mtimeMs)).toEqual(written);
  });
});
