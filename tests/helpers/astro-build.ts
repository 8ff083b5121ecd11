/**
 * `astro build` and `astro dev` as the owner runs them, for the tests that build a site
 * (tests/helpers/fixture-sites.ts and a few of their own), each in a project folder of its own.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import lockfile from 'proper-lockfile';

import { TEST_BUILD_DATE } from './build-day';

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

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** What a test project copies from the repository: the site's code and settings, nothing else. */
const PROJECT_FILES = ['src', 'public', 'astro.config.ts', 'tsconfig.json', 'package.json', 'package-lock.json'];

/**
 * Where the test projects live: outside the repository, so that none of its tools (the type check,
 * ESLint, Prettier) reads their copies, one folder per checkout and user.
 */
const PROJECTS = join(
  tmpdir(),
  `health-site-test-projects-${process.getuid?.() ?? 0}-${createHash('sha256').update(REPO).digest('hex').slice(0, 8)}`,
);

/** The content folder a build or dev server with this environment reads, by its full path. */
export function contentFolderOf(env: Record<string, string | undefined>): string {
  return resolve(REPO, env.CONTENT_DIR ?? 'content');
}

/** Makes the project's copy of the site's code the repository's as it is now, and links the packages. */
function refreshProject(project: string) {
  for (const name of PROJECT_FILES) {
    rmSync(join(project, name), { recursive: true, force: true });
    cpSync(join(REPO, name), join(project, name), { recursive: true, preserveTimestamps: true });
  }
  // Each package is a link, not the folder: the project's node_modules/ holds its own caches (.astro, .vite).
  const packages = join(project, 'node_modules');
  mkdirSync(packages, { recursive: true });
  const wanted = new Set(readdirSync(join(REPO, 'node_modules')).filter((name) => !name.startsWith('.')));
  const linked = new Set(readdirSync(packages).filter((name) => !name.startsWith('.')));
  for (const name of linked) if (!wanted.has(name)) rmSync(join(packages, name), { recursive: true, force: true });
  for (const name of wanted) {
    if (!linked.has(name)) symlinkSync(join(REPO, 'node_modules', name), join(packages, name), 'dir');
  }
}

/**
 * How many builds and dev servers run at once. A build waits on its children and its files for part of
 * its time and a dev server mostly waits for its browser; with two Vitest workers, three on this 2-core
 * machine kept both cores busy without one build waiting for another's (measured: README, the tests).
 */
const PROJECT_SLOTS = 3;

/** Longest a build waits for a free project. */
const PROJECT_WAIT_MS = 20 * 60_000;

/**
 * A project folder of the test suite's own, held for as long as one `astro build` or `astro dev` runs in
 * it: a copy of the site's code and settings with the repository's packages linked in, as an owner's
 * checkout is. Astro writes a project's `.astro/` folder (the content's module map, read back while
 * bundling), so two builds in one project would mix their articles up; each runs in a project of its
 * own, side by side with the others. Astro's caches stay in the project's `node_modules/.astro/`, one
 * per content folder and base path (astro.config.ts); a content folder goes to the same project whenever
 * it is free. A lock refreshed while its holder lives keeps the others out and is taken over once a
 * minute old. Call `release` to let the next build in.
 */
export async function takeProject(contentFolder: string): Promise<{ project: string; release: () => Promise<void> }> {
  // Each content folder tries its own project first, whose caches hold its last build.
  const first = createHash('sha256').update(contentFolder).digest().readUInt32BE(0) % PROJECT_SLOTS;
  for (const started = Date.now(); Date.now() - started < PROJECT_WAIT_MS;) {
    for (let tried = 0; tried < PROJECT_SLOTS; tried++) {
      const project = join(PROJECTS, `project-${(first + tried) % PROJECT_SLOTS}`);
      mkdirSync(project, { recursive: true });
      let release: () => Promise<void>;
      try {
        release = await lockfile.lock(project, { realpath: false, stale: 60_000 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ELOCKED') continue;
        throw error;
      }
      try {
        refreshProject(project);
      } catch (error) {
        await release();
        throw error;
      }
      return { project, release };
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  throw new Error(`No test project came free within ${PROJECT_WAIT_MS / 60_000} minutes (${PROJECTS}).`);
}

/** The `astro` command line, run by this Node (the one package.json pins). */
export const ASTRO_BIN = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/** What `astro` printed and how it ended. */
export interface AstroRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the `astro` command line in a child process with exactly this environment, in a project of its
 * own (takeProject), without blocking this process, so that the lock stays alive while it waits.
 * `project` is that folder: the paths in the build's messages are relative to it.
 */
export async function runAstro(args: string[], env: NodeJS.ProcessEnv): Promise<AstroRun & { project: string }> {
  const contentFolder = contentFolderOf(env);
  const { project, release } = await takeProject(contentFolder);
  try {
    const run = await new Promise<AstroRun>((resolve) => {
      execFile(
        process.execPath,
        [ASTRO_BIN, ...args, '--root', project],
        { cwd: project, env: { ...env, CONTENT_DIR: contentFolder }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const status = error ? (typeof error.code === 'number' ? error.code : null) : 0;
          resolve({ status, stdout, stderr });
        },
      );
    });
    return { ...run, project };
  } finally {
    await release();
  }
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
