/**
 * The site's colour outside its stylesheet: in the favicon (`public/favicon.svg`), the sharing images and
 * the web manifest. Keep it equal to `--color-link` in `src/styles/global.css`.
 */

/** NHS blue; white on it has a contrast of 6.9 : 1. */
export const BRAND_BLUE = '#005eb8';
