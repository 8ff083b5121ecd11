/**
 * A site page is served at `/<slug>/`: the addresses it may not take come from the site's routes
 * (`src/pages/`) and the folders the build writes, not from a list kept by hand.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterEach, describe, expect, test } from 'vitest';

import { SEARCH_INDEX_DIR } from '@/integrations/search-index';
import { MEDIA_FOLDER } from '@/lib/content-folders';
import { BUILD_OUTPUT_FOLDERS, reservedPageSlugs, routeFirstSegments } from '@/lib/reserved-addresses';
import { articleImagePath, questionsEndpointPath, sitePath } from '@/lib/urls';

const PAGES = fileURLToPath(new URL('../../../src/pages/', import.meta.url));

let folder: string | undefined;
afterEach(() => folder && rmSync(folder, { recursive: true, force: true }));

/** A pages folder holding `files` (paths inside it). */
function pagesFolder(files: string[]): string {
  folder = mkdtempSync(join(tmpdir(), 'pages-'));
  for (const file of files) {
    mkdirSync(join(folder, file, '..'), { recursive: true });
    writeFileSync(join(folder, file), '');
  }
  return folder;
}

describe('routeFirstSegments', () => {
  test('takes each page file by its name and each folder of routes', () => {
    expect(
      routeFirstSegments(pagesFolder(['search.astro', 'about.md', 'people/index.astro', 'tags/[tag].astro'])),
    ).toEqual(['about', 'people', 'search', 'tags']);
  });

  test('leaves out the home page, dynamic routes, files Astro does not route and endpoints with a dot', () => {
    const folder = pagesFolder([
      'index.astro',
      '[slug].astro',
      '[lang]/x.astro',
      '_draft.astro',
      'rss.xml.ts',
      '[icon].png.ts',
    ]);
    expect(routeFirstSegments(folder)).toEqual([]);
  });

  test('finds every folder and page of the real src/pages/', () => {
    const segments = routeFirstSegments(PAGES);
    const folders = readdirSync(PAGES, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('['))
      .map((entry) => entry.name);
    expect(folders.length).toBeGreaterThan(0);
    expect(segments).toEqual(expect.arrayContaining(folders));
    expect(segments).toContain('404');
  });
});

describe('reservedPageSlugs', () => {
  test('holds the routes of src/pages/ and the folders the build writes', () => {
    const reserved = reservedPageSlugs();
    for (const taken of [...routeFirstSegments(PAGES), ...BUILD_OUTPUT_FOLDERS]) expect(reserved).toContain(taken);
  });

  test('names the folders the build really writes: search index, sharing images, question handler, media', () => {
    const firstSegment = (path: string) => path.slice(sitePath('').length).split('/')[0];
    expect([...BUILD_OUTPUT_FOLDERS].sort()).toEqual(
      [
        SEARCH_INDEX_DIR,
        firstSegment(articleImagePath('x')),
        firstSegment(questionsEndpointPath()),
        MEDIA_FOLDER,
      ].sort(),
    );
  });
});
