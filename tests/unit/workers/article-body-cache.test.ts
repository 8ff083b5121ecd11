/**
 * The editorial lint's reading of built pages, kept between builds: the same article is read once, a new
 * comment does not make it read again, and nothing in the cache that is not a reading of this article by
 * this code is ever used.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { readArticleBodies } from '@/workers/article-body-cache';
import { readArticleBody } from '@/workers/rendered-article';

import { folderWithFiles } from '../../helpers/folder-with-files';

/** A built article page, as `pages/articles/[slug].astro` makes it, with its comment section after the article. */
const page = (body: string, comments = '<p>No comments yet.</p>', count = 0) =>
  `<!doctype html><html><head><title>T</title></head><body><main><article><header><h1>Title</h1>` +
  `<a href="#comments">${count} reader comments</a></header>` +
  `<div class="prose" data-article-body>${body}</div></article>` +
  `<section id="comments"><h2>Questions</h2>${comments}</section></main></body></html>`;

/** Built pages (name → HTML) and an empty cache folder beside them. */
function site(pages: Record<string, string>) {
  const root = folderWithFiles('article-body-cache-', pages);
  return { pages: Object.keys(pages).map((name) => join(root, name)), folder: join(root, 'cache'), root };
}

const code = 'digest of the reading code';

describe('readArticleBodies', () => {
  test('reads each page as readArticleBody does, then takes every unchanged article from the cache', () => {
    const built = site({
      'a.html': page('<h2>Causes</h2><p>Cramps are common. Stretch.</p><img src="x.png">'),
      'b.html': page('<p>Drink water.</p>'),
    });
    const cache = { folder: built.folder, codeDigest: code };
    const first = readArticleBodies(built.pages, cache);
    expect(first.reused).toBe(0);
    expect(first.bodies).toEqual(built.pages.map((file) => readArticleBody(readFileSync(file, 'utf8'))));
    expect(readdirSync(built.folder).sort()).toEqual(
      first.files.map((file) => file.slice(built.folder.length + 1)).sort(),
    );

    const again = readArticleBodies(built.pages, cache);
    expect(again.reused).toBe(2);
    expect(again.bodies).toEqual(first.bodies);
    expect(again.files).toEqual(first.files);
  });

  test('uses what the cache holds for the article, so a reading is truly not made again', () => {
    const built = site({ 'a.html': page('<p>Cramps are common.</p>') });
    const cache = { folder: built.folder, codeDigest: code };
    const [file] = readArticleBodies(built.pages, cache).files;
    const marked = {
      headings: [{ level: 2, text: 'Only in the cache' }],
      images: [],
      text: 'x',
      statistics: { words: 1, sentences: 1, syllables: 1 },
    };
    writeFileSync(file!, JSON.stringify({ body: marked }));
    expect(readArticleBodies(built.pages, cache).bodies).toEqual([marked]);
  });

  test('takes the article from the cache when only its comments changed, and reads a changed article again', () => {
    const built = site({
      'a.html': page('<p>Cramps are common.</p>'),
      'b.html': page('<p>Drink water.</p>'),
    });
    const cache = { folder: built.folder, codeDigest: code };
    readArticleBodies(built.pages, cache);
    writeFileSync(
      built.pages[0]!,
      page('<p>Cramps are common.</p>', '<article class="comment"><p>Does it help?</p></article>'),
    );
    writeFileSync(built.pages[1]!, page('<p>Drink more water.</p>'));
    const after = readArticleBodies(built.pages, cache);
    expect(after.reused).toBe(1);
    expect(after.bodies[1]!.text).toBe('Drink more water.');
  });

  test('reads every page again when the reading code changed', () => {
    const built = site({ 'a.html': page('<p>Cramps are common.</p>') });
    readArticleBodies(built.pages, { folder: built.folder, codeDigest: code });
    const other = readArticleBodies(built.pages, { folder: built.folder, codeDigest: 'newer reading code' });
    expect(other.reused).toBe(0);
  });

  test('reads the page again over a cache file cut short or of another shape, and writes it whole', () => {
    const built = site({ 'a.html': page('<p>Cramps are common.</p>') });
    const cache = { folder: built.folder, codeDigest: code };
    const { files, bodies } = readArticleBodies(built.pages, cache);
    for (const spoilt of [
      '{"body": {"headings": [',
      '{"body": {"text": 3}}',
      '{"body": {"headings": [], "images": [], "text": "x", "statistics": null}}',
      '[]',
      'null',
    ]) {
      writeFileSync(files[0]!, spoilt);
      const read = readArticleBodies(built.pages, cache);
      expect(read.reused).toBe(0);
      expect(read.bodies).toEqual(bodies);
      expect(JSON.parse(readFileSync(files[0]!, 'utf8'))).toEqual({ body: JSON.parse(JSON.stringify(bodies[0])) });
    }
  });

  test('keeps "no article body" too, for a page without one', () => {
    const built = site({ 'a.html': '<html><body><main><p>Not an article.</p></main></body></html>' });
    const cache = { folder: built.folder, codeDigest: code };
    expect(readArticleBodies(built.pages, cache).bodies).toEqual([undefined]);
    const again = readArticleBodies(built.pages, cache);
    expect(again).toMatchObject({ bodies: [undefined], reused: 1 });
  });
});
