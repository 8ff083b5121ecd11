/** The site's own content folder, holding `articles/` and `comments/`. */
export const DEFAULT_CONTENT_DIR = './content';

/**
 * Folder the site is built from: `./content` unless the `CONTENT_DIR` environment variable names
 * another (tests and benchmarks build fixture sites with the real site code this way).
 */
export const contentDir = (process.env.CONTENT_DIR ?? DEFAULT_CONTENT_DIR).replace(/(.)\/+$/, '$1');
