/// <reference types="vitest/config" />
import { globSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { getViteConfig } from 'astro/config';

/**
 * Test files whose modules are their own: those that replace a module (`vi.mock`) or load modules afresh
 * (`vi.resetModules`). Every other file shares the modules its worker has loaded with the files the
 * worker ran before: loading Astro, Zod and the Markdown stack again for each of over a hundred unit files
 * took two thirds of their processor time, and the browser files share the worker's one Chromium
 * (tests/helpers/browser.ts, sharedChromium) and the sites it has already waited for.
 */
const ROOT = fileURLToPath(new URL('.', import.meta.url));
const ownModules = (pattern: string) =>
  globSync(pattern, { cwd: ROOT }).filter((file) =>
    /\bvi\.(mock|doMock|resetModules)\(/.test(readFileSync(join(ROOT, file), 'utf8')),
  );
/** Module tests, beside their module's path in src/ (tests/unit/lib/comments/thread.test.ts…) or scripts/. */
const UNIT_TESTS = ['tests/unit/**/*.test.ts'];
const UNIT_TESTS_APART = ownModules(UNIT_TESTS[0]!);
/** Tests of the built sites and, in Chromium, of their pages. */
const SITE_TESTS = ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'];
const SITE_TESTS_APART = SITE_TESTS.flatMap(ownModules);

export default getViteConfig(
  {
    test: {
      // Vitest's default leaves one core free (a single worker on a 2-core machine); the site and browser
      // tests mostly wait for Chromium and child builds, so two files at a time keep both cores busy.
      maxWorkers: Math.max(2, availableParallelism()),
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: UNIT_TESTS,
            exclude: UNIT_TESTS_APART,
            isolate: false,
            // Vitest's 5 s is too tight for the drawing and fuzz tests when both cores are busy with the site
            // project's builds; a hang is still caught.
            testTimeout: 30_000,
          },
        },
        { extends: true, test: { name: 'unit-apart', include: UNIT_TESTS_APART, testTimeout: 30_000 } },
        {
          extends: true,
          test: {
            name: 'site',
            include: SITE_TESTS,
            exclude: SITE_TESTS_APART,
            isolate: false,
            // No global setup: each file builds the sites it names when it is collected, once per run and
            // only when their inputs changed (tests/helpers/fixture-sites.ts).
            hookTimeout: 300_000,
            testTimeout: 60_000,
          },
        },
        {
          extends: true,
          test: { name: 'site-apart', include: SITE_TESTS_APART, hookTimeout: 300_000, testTimeout: 60_000 },
        },
      ],
    },
  },
  // Without the toolbar, rendered HTML carries no source-file attributes.
  { devToolbar: { enabled: false } },
);
