/**
 * Where the test suite keeps things. Everything lives under the repo, outside `src/` and `content/`. The
 * built sites' folders are in fixture-sites.ts: a test gets one from `builtSite`, which builds it first.
 */
import { fileURLToPath } from 'node:url';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Where the test suite keeps what it builds, with the digests of what each build was made from. */
export const TEST_CACHE = repo('node_modules/.cache/health-site-tests');
/** Fixture articles and comments for the tests, copied and extended into FIXTURE_CONTENT before a build. */
export const FIXTURE_SOURCE = repo('tests/fixtures/site');
export const FIXTURE_CONTENT = repo('node_modules/.cache/health-site-tests/fixture-content');
/** WordPress's theme test data and a hostile export, imported, then built with the real site code. */
export const WORDPRESS_CONTENT = repo('node_modules/.cache/health-site-tests/wordpress-content');
/** Hand-made broken pages that the browser checks must catch. */
export const BROKEN_PAGES = repo('tests/fixtures/broken-pages');
/** Screenshots for people to look at. */
export const SCREENSHOTS = repo('test-results/screenshots');
