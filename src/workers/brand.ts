/**
 * The site's colour outside its stylesheet: in the favicon (`public/favicon.svg`), the sharing images and
 * the web manifest. Keep it equal to `--color-link` in `src/styles/global.css`. Also the sharing images'
 * size. The build draws sharing images in a worker thread that runs it as it is (src/workers/).
 */

/** NHS blue; white on it has a contrast of 6.9 : 1. */
export const BRAND_BLUE = '#005eb8';

/** Size of every sharing image: the 1.91 : 1 card that Facebook, LinkedIn, X and chat apps all show large. */
export const SHARE_IMAGE = { width: 1200, height: 630 } as const;
