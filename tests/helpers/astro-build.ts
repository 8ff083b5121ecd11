/** `astro build` as the owner runs it, for the tests that build a site (tests/helpers/fixture-sites.ts and a few of their own). */
import { execFile } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

import lockfile from 'proper-lockfile';

import { TEST_BUILD_DATE } from './build-day';
import { TEST_CACHE } from './paths';

/**
 * Variables Vitest sets for `import.meta.env`. Passed on to Astro, `BASE_URL=/` would override the base
 * path, so a build gets the environment the owner's shell would give it.
 */
const VITEST_IMPORT_META_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_ENV']);

/**
 * The environment of a build with extra variables (CONTENT_DIR, BASE_PATH, SITE_URL…). The test sites
 * take questions (their forms and Reply links are tested) even on a CI machine whose variables
 * (GITHUB_ACTIONS…) would turn them off by default; a test may still pass QUESTIONS itself. Every build
 * publishes as of one pinned day (TEST_BUILD_DATE), so what is scheduled does not depend on the test day.
 */
export function buildEnvironment(env: Record<string, string> = {}): Record<string, string> {
  const ownerEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !VITEST_IMPORT_META_ENV.has(entry[0]),
    ),
  );
  return { ...ownerEnv, ASTRO_TELEMETRY_DISABLED: '1', QUESTIONS: 'local', BUILD_DATE: TEST_BUILD_DATE, ...env };
}

/** Longest a test waits for the other builds of the run before its own starts. */
const BUILD_WAIT_MS = 20 * 60_000;

/**
 * Runs `work` while no other `astro build` of this repository runs, in any test worker. Builds of
 * different content share the project's `.astro/` folder (Astro writes the content's module map,
 * `.astro/content-modules.mjs`, there and reads it back while bundling), so two at once can mix
 * their articles up. The lock is refreshed while its holder lives and taken over once a minute old.
 */
export async function oneBuildAtATime<T>(work: () => Promise<T>): Promise<T> {
  const release = await lockAstroProject();
  try {
    return await work();
  } finally {
    await release();
  }
}

/**
 * Takes the lock of oneBuildAtATime for longer than one command: a test that runs `astro dev` holds it
 * while its server runs (the dev server writes the same `.astro/` folder). Call the returned function to
 * let the next build start.
 */
export async function lockAstroProject(): Promise<() => Promise<void>> {
  mkdirSync(TEST_CACHE, { recursive: true });
  return lockfile.lock(join(TEST_CACHE, 'astro-build'), {
    realpath: false,
    stale: 60_000,
    retries: { retries: BUILD_WAIT_MS / 500, factor: 1, minTimeout: 500, maxTimeout: 500 },
  });
}

/** What `astro` printed and how it ended. */
export interface AstroRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `astro` command line in a child process with exactly this environment, one build at a time
 * (oneBuildAtATime), without blocking this process, so that its locks stay alive while it waits.
 */
export function runAstro(args: string[], env: NodeJS.ProcessEnv): Promise<AstroRun> {
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  return oneBuildAtATime(
    () =>
      new Promise<AstroRun>((resolve) => {
        execFile(
          process.execPath,
          [astro, ...args],
          { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
          (error, stdout, stderr) => {
            const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
            resolve({ status, stdout, stderr });
          },
        );
      }),
  );
}

/**
 * `astro build` into `outDir`, with extra environment variables and command-line flags (`--force`
 * renders every page, none copied from the incremental build cache).
 * @throws Error with Astro's output when the build fails
 */
export async function astroBuild(outDir: string, env: Record<string, string> = {}, flags: string[] = []) {
  const run = await runAstro(['build', '--silent', '--outDir', outDir, ...flags], buildEnvironment(env));
  // Astro prints a failed page's error on stdout: show it when the build fails.
  if (run.status !== 0) throw new Error(`astro build into ${outDir} failed:\n${run.stdout}${run.stderr}`);
  // Warnings still show.
  if (run.stderr) process.stderr.write(run.stderr);
}
