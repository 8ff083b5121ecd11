/**
 * Stops a build, `astro dev` or the preview at once when a setting from the environment cannot be used,
 * with one line per setting and no stack trace. Imported first by `astro.config.ts` and
 * `scripts/preview.ts`, before `site.ts` (which would throw the same lines as an error) is evaluated.
 */
import { siteSettingsFrom } from '@/config/site-settings';

const problems: string[] = [];
try {
  siteSettingsFrom(process.env);
} catch (error) {
  problems.push(...(error as Error).message.split('\n'));
}
// `build-day.ts`, `questions.ts`, `redirect-pages.ts` and `editor.ts` read their settings when first loaded: load them
// here, where a bad value is caught.
for (const load of [
  () => import('@/config/build-day'),
  () => import('@/config/questions'),
  () => import('@/config/redirect-pages'),
  () => import('@/config/editor'),
]) {
  try {
    await load();
  } catch (error) {
    problems.push(...(error as Error).message.split('\n'));
  }
}
if (problems.length > 0) {
  for (const line of problems) console.error(`Setting: ${line}`);
  process.exit(1);
}
