/**
 * Imported content builds with the real site: the theme test data (pages included) and the hostile
 * posts go into a temporary content folder, and the site is built from it into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import * as cheerio from 'cheerio';
import { afterAll, expect, test } from 'vitest';

import {
  filesOf,
  temporaryFolder,
  HOSTILE_EXPORT,
  importExport,
  removeTemporaryFolders,
  THEME_DATA,
  writeToTemporaryFolder,
} from './helpers';

afterAll(removeTemporaryFolders);

const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');

test(
  'the imported theme test data builds with the site, threads and all',
  { timeout: 600_000 },
  async ({ annotate }) => {
    const theme = await importExport({ path: THEME_DATA }, { includePages: true });
    const hostile = await importExport({ path: HOSTILE_EXPORT });
    const contentDir = await writeToTemporaryFolder(new Map([...theme.files, ...hostile.files]));
    const outDir = await temporaryFolder('wordpress-site-');

    const started = performance.now();
    execFileSync(
      process.execPath,
      [join(dirname(astroPackage), 'bin/astro.mjs'), 'build', '--outDir', outDir, '--silent'],
      {
        env: { ...process.env, CONTENT_DIR: contentDir, NODE_ENV: 'production', ASTRO_TELEMETRY_DISABLED: '1' },
        // Astro prints a failed page's error on stdout: show it when the build fails.
        stdio: ['ignore', 'inherit', 'inherit'],
      },
    );
    await annotate(
      `built ${theme.files.size + hostile.files.size} imported files in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );

    const page = (slug: string) => join(outDir, 'articles', slug, 'index.html');
    const articles = new Map([...filesOf(theme.files, 'articles'), ...filesOf(hostile.files, 'articles')]);
    for (const [slug, contents] of articles) {
      expect(existsSync(page(slug)), slug).toBe(!/\ndraft: true\n/.test(contents));
    }

    const $ = cheerio.load(readFileSync(page('template-comments'), 'utf8'));
    const deepest = $('#comment-915');
    expect(deepest.text()).toContain('Comment Depth 10');
    expect($('[id^="comment-"]').filter((_, element) => /^comment-\d+$/.test(element.attribs.id ?? ''))).toHaveLength(
      19,
    );
    const hostilePage = cheerio
      .load(readFileSync(page('hostile-body'), 'utf8'))('main')
      .html()!;
    expect(hostilePage).toContain('Braces {props.secret}');
    expect(hostilePage).not.toMatch(/<script|<iframe|<form|\son[a-z]+=|javascript:/i);
  },
);
