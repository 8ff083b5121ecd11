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

/** The test files of `include` as two projects: `name`, sharing their modules, and `name-apart`. */
function sharedAndApart(name: string, include: string[], limits: { testTimeout: number; hookTimeout?: number }) {
  const apart = include.flatMap(ownModules);
  return [
    { extends: true, test: { name, include, exclude: apart, isolate: false, ...limits } },
    { extends: true, test: { name: `${name}-apart`, include: apart, ...limits } },
  ];
}

export default getViteConfig(
  {
    test: {
      // Vitest's default leaves one core free (a single worker on a 2-core machine); the site and browser
      // tests mostly wait for Chromium and child builds, so two files at a time keep both cores busy.
      maxWorkers: Math.max(2, availableParallelism()),
      projects: [
        // Module tests, beside their module's path in src/ (tests/unit/lib/comments/thread.test.ts…) or scripts/.
        // Vitest's 5 s is too tight for the drawing and fuzz tests when both cores are busy with the site
        // project's builds; a hang is still caught.
        ...sharedAndApart('unit', ['tests/unit/**/*.test.ts'], { testTimeout: 30_000 }),
        // The built sites and, in Chromium, their pages. No global setup: each file builds the sites it names
        // when it is collected, once per run and only when their inputs changed (tests/helpers/fixture-sites.ts).
        ...sharedAndApart('site', ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'], {
          hookTimeout: 300_000,
          testTimeout: 60_000,
        }),
      ],
    },
  },
  // Without the toolbar, rendered HTML carries no source-file attributes.
  { devToolbar: { enabled: false } },
);
