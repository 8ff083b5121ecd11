/**
 * Vitest global setup for the built-site and browser tests: builds the real site into `dist/`, the way
 * the owner does, and the same site code from the fixture content into a folder of its own.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import { writeGeneratedFixtures } from '../helpers/generated-fixtures';
import { FIXTURE_CONTENT, FIXTURE_DIST, FIXTURE_SOURCE, SITE_DIST } from '../helpers/paths';

function astroBuild(outDir: string, contentDir?: string) {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  execFileSync(
    process.execPath,
    [join(dirname(astroPackage), 'bin/astro.mjs'), 'build', '--silent', '--outDir', outDir],
    {
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...(contentDir && { CONTENT_DIR: contentDir }) },
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

export default function buildSites() {
  astroBuild(SITE_DIST);
  prepareFixtureContent();
  astroBuild(FIXTURE_DIST, FIXTURE_CONTENT);
}
