/** The real site built for a sub-path, as for a GitHub project site: `builtSite('sub-path')`. */
/** The prefix the site is built for. */
export const SUB_PATH = '/health-blog/';
/** The public origin the sub-path build is made for: canonical URLs start with it. */
export const SUB_PATH_SITE_URL = 'https://readers.example.org';
