/**
 * Vitest global setup for the built-site and browser tests: builds the real site into `dist/`, the way
 * the owner does; the same site code from the fixture content into a folder of its own; and the real
 * site again under a sub-path, as for a GitHub project site.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, createReadStream, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

import { importWordPress } from '../../src/lib/import/wordpress';
import { TEST_BUILD_DATE } from '../helpers/build-day';
import { writeGeneratedFixtures } from '../helpers/generated-fixtures';
import {
  FIXTURE_CONTENT,
  FIXTURE_DIST,
  FIXTURE_SOURCE,
  SITE_DIST,
  WORDPRESS_CONTENT,
  WORDPRESS_DIST,
} from '../helpers/paths';
import { SUB_PATH, SUB_PATH_DIST, SUB_PATH_SITE_URL } from '../helpers/sub-path';

/**
 * Variables Vitest sets for `import.meta.env`. Passed on to Astro, `BASE_URL=/` would override the base
 * path, so a build gets the environment the owner's shell would give it.
 */
const VITEST_IMPORT_META_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_ENV']);

/** The environment the owner's shell gives Astro: this process's, without what Vitest adds. */
export const ownerEnvironment = (): Record<string, string | undefined> =>
  Object.fromEntries(Object.entries(process.env).filter(([name]) => !VITEST_IMPORT_META_ENV.has(name)));

/**
 * `astro build` into `outDir`, with extra environment variables (CONTENT_DIR, BASE_PATH, SITE_URL…) and
 * command-line flags (`--force` renders every page, none copied from the incremental build cache).
 */
export function astroBuild(outDir: string, env: Record<string, string> = {}, flags: string[] = []) {
  const ownerEnv = ownerEnvironment();
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  execFileSync(
    process.execPath,
    [join(dirname(astroPackage), 'bin/astro.mjs'), 'build', '--silent', '--outDir', outDir, ...flags],
    {
      // The test sites take questions (their forms and Reply links are tested) even on a CI machine whose
      // variables (GITHUB_ACTIONS…) would turn them off by default; a test may still pass QUESTIONS itself.
      // They publish as of one pinned day, whatever day the tests run.
      env: { ...ownerEnv, ASTRO_TELEMETRY_DISABLED: '1', QUESTIONS: 'local', BUILD_DATE: TEST_BUILD_DATE, ...env },
      // Astro prints a failed page's error on stdout: show it when the build fails.
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  );
}

export function prepareFixtureContent() {
  rmSync(FIXTURE_CONTENT, { recursive: true, force: true });
  cpSync(FIXTURE_SOURCE, FIXTURE_CONTENT, { recursive: true });
  writeGeneratedFixtures(FIXTURE_CONTENT);
}

const WORDPRESS_EXPORTS = ['themeunittestdata.wordpress.xml', 'hostile.wordpress.xml'].map((name) =>
  resolve(`tests/fixtures/wordpress/${name}`),
);

/** Imports WordPress's theme test data (pages too) and the hostile export into WORDPRESS_CONTENT. */
export async function importWordPressContent() {
  rmSync(WORDPRESS_CONTENT, { recursive: true, force: true });
  for (const path of WORDPRESS_EXPORTS) {
    await importWordPress({
      includePages: true,
      openExport: () => createReadStream(path),
      onFile: (file) => {
        mkdirSync(dirname(join(WORDPRESS_CONTENT, file.path)), { recursive: true });
        writeFileSync(join(WORDPRESS_CONTENT, file.path), file.contents);
      },
    });
  }
}

export default async function buildSites() {
  astroBuild(SITE_DIST);
  prepareFixtureContent();
  astroBuild(FIXTURE_DIST, { CONTENT_DIR: FIXTURE_CONTENT });
  // The site's own content named by its full path gets a content cache of its own (astro.config.ts),
  // so the changed base path never clears the cache of the default build.
  astroBuild(SUB_PATH_DIST, { CONTENT_DIR: resolve('content'), BASE_PATH: SUB_PATH, SITE_URL: SUB_PATH_SITE_URL });
  await importWordPressContent();
  astroBuild(WORDPRESS_DIST, { CONTENT_DIR: WORDPRESS_CONTENT });
}
