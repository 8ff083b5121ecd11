/**
 * The sharing-images integration, run hook by hook as a build runs it: what it plans, what it draws in
 * its worker thread, what it takes from its cache, and what it says when drawing fails.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, test } from 'vitest';

import { site } from '@/config/site';
import { planShareImages, serveShareImages, shareImages } from '@/integrations/share-images';
import { SHARE_IMAGE } from '@/workers/brand';

import { decodePng } from '../../helpers/png';

const temporary: string[] = [];
afterEach(() => {
  for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
});

function article(title: string, extra = '') {
  return `---\ntitle: '${title}'\ndescription: A test article.\npublished: 2025-01-02\n${extra}---\n\nText.\n`;
}

/** A content folder with the given articles (file name → MDX), a cache folder and an empty dist folder. */
function project(articles: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'share-images-'));
  temporary.push(root);
  const content = join(root, 'content');
  mkdirSync(join(content, 'articles'), { recursive: true });
  for (const [name, text] of Object.entries(articles)) writeFileSync(join(content, 'articles', name), text);
  return { root, content, cache: join(root, 'cache'), dist: join(root, 'dist') };
}

type Hooks = Required<AstroIntegration['hooks']>;

/** Runs the integration's hooks as a build does; returns what it logged. */
async function build({ root, content, cache, dist }: ReturnType<typeof project>) {
  const logged: string[] = [];
  const logger = { info: (line: string) => logged.push(line) };
  const hooks = shareImages(content).hooks as Hooks;
  const call = (hook: keyof Hooks, options: object) =>
    (hooks[hook] as (options: object) => Promise<void> | void)(options);
  await call('astro:config:done', {
    config: { cacheDir: pathToFileURL(`${cache}/`), root: pathToFileURL(`${root}/`) },
  });
  await call('astro:build:start', { logger });
  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist);
  await call('astro:build:done', { dir: pathToFileURL(`${dist}/`), logger });
  return logged;
}

describe('planShareImages', () => {
  test('plans the site card first, then one image per published article, drafts left out', () => {
    const { content } = project({
      'leg-cramps.mdx': article('Leg cramps'),
      'a-draft.mdx': article('A draft', 'draft: true\n'),
    });
    expect(planShareImages(content)).toEqual([
      { target: 'og/site.png', choices: [{ title: site.description, siteName: site.title }] },
      {
        target: 'og/articles/leg-cramps.png',
        choices: [
          { title: 'Leg cramps', siteName: site.title },
          { title: site.description, siteName: site.title },
        ],
      },
    ]);
  });
});

describe('planShareImages on a pinned build day', () => {
  test('draws no image for an article scheduled after it, and one from its day', () => {
    const { content } = project({
      'winter.mdx': article('Winter', 'published: 2026-12-24\n').replace('published: 2025-01-02\n', ''),
    });
    const targets = (today: string) => planShareImages(content, today).map((image) => image.target);
    expect(targets('2026-12-23')).toEqual(['og/site.png']);
    expect(targets('2026-12-24')).toEqual(['og/site.png', 'og/articles/winter.png']);
  });
});

describe('the share-images integration', () => {
  test('draws each image into dist/og/, then takes unchanged ones from its cache and drops unused ones', async () => {
    const folders = project({ 'leg-cramps.mdx': article('Leg cramps'), 'sleep.mdx': article('Sleep') });
    expect(await build(folders)).toEqual(['Sharing images: 3 in og/ (3 drawn, 0 from the cache).']);
    const image = decodePng(readFileSync(join(folders.dist, 'og/articles/leg-cramps.png')));
    expect([image.width, image.height]).toEqual([SHARE_IMAGE.width, SHARE_IMAGE.height]);
    const first = readFileSync(join(folders.dist, 'og/articles/sleep.png'));

    writeFileSync(join(folders.content, 'articles/sleep.mdx'), article('Sleep well'));
    expect(await build(folders)).toEqual(['Sharing images: 3 in og/ (1 drawn, 2 from the cache).']);
    expect(readFileSync(join(folders.dist, 'og/articles/sleep.png')).equals(first)).toBe(false);
    expect(readdirSync(folders.cache)).toEqual(['share-images']);
    expect(readdirSync(join(folders.cache, 'share-images'))).toHaveLength(3);

    expect(await build(folders)).toEqual(['Sharing images: 3 in og/ (0 drawn, 3 from the cache).']);
    expect(existsSync(join(folders.dist, 'og/site.png'))).toBe(true);
  });

  test('stops the build naming the image it could not draw', async () => {
    const folders = project({ 'leg-cramps.mdx': article('Leg cramps') });
    // A cache folder that is a file: the worker cannot write the image.
    mkdirSync(folders.cache, { recursive: true });
    writeFileSync(join(folders.cache, 'share-images'), 'not a folder');
    await expect(build(folders)).rejects.toThrow(/^Sharing images: .*share-images/);
  });
});

describe('serveShareImages, for astro dev', () => {
  /** Asks the middleware for `url`; resolves with the PNG it sent, or "next" when it passed the request on. */
  function ask(folders: ReturnType<typeof project>, url: string): Promise<Buffer | 'next'> {
    const serve = serveShareImages(folders.content, () => ({
      cacheFolder: join(folders.cache, 'share-images'),
      root: folders.root,
    }));
    return new Promise((resolve, reject) => {
      const headers: Record<string, string> = {};
      const response = {
        setHeader: (name: string, value: string) => (headers[name] = value),
        end: (body: Buffer) => {
          expect(headers['Content-Type']).toBe('image/png');
          resolve(body);
        },
      };
      serve({ url } as never, response as never, (error?: unknown) => (error ? reject(error) : resolve('next')));
    });
  }

  test('draws an article’s image when asked, and passes on every other request', async () => {
    const folders = project({
      'leg-cramps.mdx': article('Leg cramps'),
      'a-draft.mdx': article('A draft', 'draft: true\n'),
    });
    const png = await ask(folders, '/og/articles/leg-cramps.png?v=1');
    expect(png).not.toBe('next');
    expect(decodePng(png as Buffer).width).toBe(SHARE_IMAGE.width);
    expect(await ask(folders, '/og/articles/a-draft.png')).toBe('next');
    expect(await ask(folders, '/og/articles/nothing.png')).toBe('next');
    expect(await ask(folders, '/articles/leg-cramps/')).toBe('next');
    expect(await ask(folders, '/og/%E0%A4%A.png')).toBe('next');
  });
});
