/** `astro build` as the owner runs it, for the tests that build a site (tests/helpers/fixture-sites.ts and a few of their own). */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Variables Vitest sets for `import.meta.env`. Passed on to Astro, `BASE_URL=/` would override the base
 * path, so a build gets the environment the owner's shell would give it.
 */
const VITEST_IMPORT_META_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'SITE', 'ASSETS_PREFIX', 'NODE_ENV']);

/**
 * The environment of a build with extra variables (CONTENT_DIR, BASE_PATH, SITE_URL…). The test sites
 * take questions (their forms and Reply links are tested) even on a CI machine whose variables
 * (GITHUB_ACTIONS…) would turn them off by default; a test may still pass QUESTIONS itself.
 */
export function buildEnvironment(env: Record<string, string> = {}): Record<string, string> {
  const ownerEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !VITEST_IMPORT_META_ENV.has(entry[0]),
    ),
  );
  return { ...ownerEnv, ASTRO_TELEMETRY_DISABLED: '1', QUESTIONS: 'local', ...env };
}

/**
 * `astro build` into `outDir`, with extra environment variables and command-line flags (`--force`
 * renders every page, none copied from the incremental build cache). Runs in a child process without
 * blocking this one, so a test worker keeps its build lock alive (fixture-sites.ts) while it waits.
 * @throws Error with Astro's output when the build fails
 */
export async function astroBuild(outDir: string, env: Record<string, string> = {}, flags: string[] = []) {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  const args = [join(dirname(astroPackage), 'bin/astro.mjs'), 'build', '--silent', '--outDir', outDir, ...flags];
  await new Promise<void>((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { env: buildEnvironment(env), maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // Astro prints a failed page's error on stdout: show it when the build fails.
        if (error) return reject(new Error(`astro build into ${outDir} failed:\n${stdout}${stderr}`, { cause: error }));
        // Warnings still show.
        if (stderr) process.stderr.write(stderr);
        resolve();
      },
    );
  });
}
