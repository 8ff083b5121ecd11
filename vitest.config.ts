/// <reference types="vitest/config" />
import { globSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

import { getViteConfig } from 'astro/config';

/**
 * Module tests, beside their module's path in src/ (tests/unit/lib/comments/thread.test.ts…) or scripts/.
 * Those that replace a module (`vi.mock`) each get modules of their own; the others share one set of
 * loaded modules per worker, which saves two thirds of the unit tests' processor time (loading Astro,
 * Zod and the Markdown stack again for each of over a hundred files).
 */
const UNIT_TESTS = 'tests/unit/**/*.test.ts';
const MOCKING_UNIT_TESTS = globSync(UNIT_TESTS).filter((file) =>
  /\bvi\.(mock|doMock)\(/.test(readFileSync(file, 'utf8')),
);

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
            include: [UNIT_TESTS],
            exclude: MOCKING_UNIT_TESTS,
            isolate: false,
            // Vitest's 5 s is too tight for the drawing and fuzz tests when both cores are busy with the site
            // project's builds; a hang is still caught.
            testTimeout: 30_000,
          },
        },
        {
          extends: true,
          test: { name: 'unit-mocks', include: MOCKING_UNIT_TESTS, testTimeout: 30_000 },
        },
        {
          extends: true,
          test: {
            name: 'site',
            include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
            // The files of a worker share its loaded modules, and so its one Chromium (tests/helpers/browser.ts,
            // sharedChromium) and the built sites it has already waited for; none replaces a module.
            isolate: false,
            // No global setup: each file builds the sites it names when it is collected, once per run and
            // only when their inputs changed (tests/helpers/fixture-sites.ts).
            hookTimeout: 300_000,
            testTimeout: 60_000,
          },
        },
      ],
    },
  },
  // Without the toolbar, rendered HTML carries no source-file attributes.
  { devToolbar: { enabled: false } },
);
