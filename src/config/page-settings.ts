/**
 * Every setting a page is made from, in one object: the site's settings (`site.ts`: its address, base
 * path, owner…) and the reader-questions setting (`questions.ts`). The environment is read only in
 * `src/config/` (a unit test holds every module to it), so what the environment sets reaches pages
 * through these objects and nowhere else.
 */
import { createHash } from 'node:crypto';

import { questions } from '@/config/questions';
import { site } from '@/config/site';
import { showUnpublished } from '@/config/unpublished';

/**
 * The settings pages are made from. A new setting belongs in one of these objects. The build day
 * (`build-day.ts`) is not one of them: it changes every day, but pages change only when it publishes
 * an article, so the cache keys hold which articles are published instead (`lib/content.ts`).
 */
export const pageSettings = { site, questions: questions.sink, showUnpublished } as const;

/**
 * A digest of `pageSettings`, for the incremental build's cache keys: a page built under other settings
 * (another `SITE_OWNER`, `QUESTIONS` turned off) is rendered again, not copied from the last build.
 */
export const pageSettingsDigest = (settings: object = pageSettings): string =>
  createHash('sha256').update(JSON.stringify(settings)).digest('hex').slice(0, 16);
