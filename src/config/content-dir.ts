/**
 * Folder holding `articles/` and `comments/`: `./content` unless the `CONTENT_DIR` environment
 * variable names another (tests and benchmarks build fixture sites with the real site code this way).
 */
export const contentDir = (process.env.CONTENT_DIR ?? './content').replace(/\/+$/, '');
