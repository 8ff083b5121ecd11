/**
 * The real site built for a sub-path, as for a GitHub project site: one extra build per test run, shared
 * by every test file that needs it (test files run in parallel processes, so the first one to ask builds
 * and the others wait for it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

import { SITE_DIST } from './paths';

/** The prefix the site is built for. */
export const SUB_PATH = '/health-blog/';
/** The public origin the sub-path build is made for: canonical URLs start with it. */
export const SUB_PATH_SITE_URL = 'https://readers.example.org';
/** Where the sub-path build goes. */
export const SUB_PATH_DIST = fileURLToPath(
  new URL('../../node_modules/.cache/health-site-tests/sub-path-dist', import.meta.url),
);

/** The site's own content folder. */
const SITE_CONTENT = fileURLToPath(new URL('../../content', import.meta.url));
/** Written beside the build when it is complete: which main build it was made after. */
const DONE = `${SUB_PATH_DIST}.done`;
/** Held by the process that is building. */
const LOCK = `${SUB_PATH_DIST}.lock`;
const BUILD_TIMEOUT_MS = 5 * 60_000;

/**
 * This test run: the global setup rebuilds dist/ at the start of every run, so the time its
 * `_headers` was written tells runs apart, and a sub-path build made after it is current.
 */
const currentRun = () => String(statSync(join(SITE_DIST, '_headers')).mtimeMs);
const isCurrent = () => existsSync(DONE) && readFileSync(DONE, 'utf8') === currentRun();

/**
 * Variables Vitest puts into a test process's environment for `import.meta.env`. Passed on to Astro,
 * `BASE_URL=/` would override the base path in every link, so the build gets the owner's environment.
 */
const VITEST_IMPORT_META_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_ENV']);

function build() {
  const ownerEnv = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !VITEST_IMPORT_META_ENV.has(name)),
  );
  const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
  rmSync(SUB_PATH_DIST, { recursive: true, force: true });
  execFileSync(process.execPath, [astro, 'build', '--silent', '--outDir', SUB_PATH_DIST], {
    env: {
      ...ownerEnv,
      ASTRO_TELEMETRY_DISABLED: '1',
      BASE_PATH: SUB_PATH,
      SITE_URL: SUB_PATH_SITE_URL,
      // The site's own content, named by its full path so the build keeps a content cache of its own
      // (astro.config.ts): the cache is cleared whenever the config changes, and the base path changes
      // it, which would clear it under the builds of other test files running at the same time.
      CONTENT_DIR: SITE_CONTENT,
    },
    // Astro prints a failed page's error on stdout: show it when the build fails.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** Takes the build lock, or says no when another process holds it (clearing a lock left by a crash). */
function tryLock(): boolean {
  try {
    mkdirSync(LOCK);
    return true;
  } catch {
    const held = statSync(LOCK, { throwIfNoEntry: false });
    if (held && Date.now() - held.mtimeMs > BUILD_TIMEOUT_MS) rmSync(LOCK, { recursive: true, force: true });
    return false;
  }
}

/** The site built with `BASE_PATH=/health-blog/`, built at most once per test run. */
export async function subPathSite(): Promise<string> {
  mkdirSync(dirname(SUB_PATH_DIST), { recursive: true });
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!isCurrent()) {
    if (tryLock()) {
      try {
        if (!isCurrent()) {
          rmSync(DONE, { force: true });
          build();
          writeFileSync(DONE, currentRun());
        }
      } finally {
        rmSync(LOCK, { recursive: true, force: true });
      }
    } else {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for the sub-path build in ${SUB_PATH_DIST}`);
      await sleep(500);
    }
  }
  return SUB_PATH_DIST;
}
