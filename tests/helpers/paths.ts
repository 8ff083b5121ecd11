/** Where the test suite builds things. Everything lives under the repo, outside `src/` and `content/`. */
import { fileURLToPath } from 'node:url';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** The real site, built exactly as the owner builds it. */
export const SITE_DIST = repo('dist');
/** Fixture articles and comments for the tests, copied and extended into FIXTURE_CONTENT before a build. */
export const FIXTURE_SOURCE = repo('tests/fixtures/site');
export const FIXTURE_CONTENT = repo('node_modules/.cache/health-site-tests/fixture-content');
/** The real site code built from the fixture content. */
export const FIXTURE_DIST = repo('node_modules/.cache/health-site-tests/fixture-dist');
/** WordPress's theme test data and a hostile export, imported, then built with the real site code. */
export const WORDPRESS_CONTENT = repo('node_modules/.cache/health-site-tests/wordpress-content');
export const WORDPRESS_DIST = repo('node_modules/.cache/health-site-tests/wordpress-dist');
/** Hand-made broken pages that the browser checks must catch. */
export const BROKEN_PAGES = repo('tests/fixtures/broken-pages');
/** Screenshots for people to look at. */
export const SCREENSHOTS = repo('test-results/screenshots');
