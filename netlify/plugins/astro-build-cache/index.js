/**
 * Keeps Astro's build cache between Netlify deploys (node_modules/.astro: the content layer, the pages of
 * the last build, the sharing images, the editorial lint's readings), so a deploy after one approved
 * comment renders that article's pages again and copies the rest. Netlify's own cache utility
 * (https://www.npmjs.com/package/@netlify/cache-utils): `restore` leaves a folder that is already there alone.
 * Astro renders everything again by itself when the code, the settings or the package lock changed.
 */
export const BUILD_CACHE = 'node_modules/.astro';

/** Before the build, after the dependencies are installed. */
export const onPreBuild = async ({ utils }) => {
  await utils.cache.restore(BUILD_CACHE);
};

/** After a successful build only: a failed build's cache is not kept. */
export const onPostBuild = async ({ utils }) => {
  await utils.cache.save(BUILD_CACHE);
};
