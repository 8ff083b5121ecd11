/**
 * The real site built for a sub-path, as for a GitHub project site. The global setup
 * (tests/site/build-site.ts) builds it once per run, beside the other two builds.
 */
import { fileURLToPath } from 'node:url';

/** The prefix the site is built for. */
export const SUB_PATH = '/health-blog/';
/** The public origin the sub-path build is made for: canonical URLs start with it. */
export const SUB_PATH_SITE_URL = 'https://readers.example.org';
/** Where the sub-path build goes. */
export const SUB_PATH_DIST = fileURLToPath(
  new URL('../../node_modules/.cache/health-site-tests/sub-path-dist', import.meta.url),
);

/** The sub-path build (kept as a function so the tests read as before). */
export async function subPathSite(): Promise<string> {
  return SUB_PATH_DIST;
}
