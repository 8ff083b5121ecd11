/**
 * Stops a build, `astro dev` or the preview at once when a site setting from the environment cannot be
 * used, with one line per setting and no stack trace. Imported first by `astro.config.ts` and
 * `scripts/preview.ts`, before `site.ts` (which would throw the same lines as an error) is evaluated.
 */
import { siteSettingsFrom } from './site-settings';

try {
  siteSettingsFrom(process.env);
} catch (error) {
  for (const line of (error as Error).message.split('\n')) console.error(`Setting: ${line}`);
  process.exit(1);
}
