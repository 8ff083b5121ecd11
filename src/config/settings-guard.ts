/**
 * Stops a build, `astro dev` or the preview at once when a site setting from the environment cannot be
 * used, with one line per setting and no stack trace. Imported first by `astro.config.ts` and
 * `scripts/preview.ts`, before `site.ts` (which would throw the same lines as an error) is evaluated.
 */
import { siteSettingsFrom } from './site-settings';

const problems: string[] = [];
try {
  siteSettingsFrom(process.env);
} catch (error) {
  problems.push(...(error as Error).message.split('\n'));
}
try {
  // `questions.ts` reads its setting when it is first loaded: load it here, where a bad value is caught.
  await import('./questions');
} catch (error) {
  problems.push(...(error as Error).message.split('\n'));
}
if (problems.length > 0) {
  for (const line of problems) console.error(`Setting: ${line}`);
  process.exit(1);
}
