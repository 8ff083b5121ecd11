/**
 * Prints a summary of the editorial lint at the end of each build (`npm run lint:content` lists the
 * warnings). Editorial warnings never stop a build: a review falling due must not take the site down.
 *
 * The built article pages are read in a worker thread from the moment they are written
 * (`astro:build:generated`), while the other integrations finish the build; `astro:build:done` waits
 * for them and lints. What it read is kept in Astro's cache folder: after one comment changes, no article
 * is read again (`workers/article-body-cache.ts`).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { site } from '@/config/site';
import { lintArticle, summarizeLint } from '@/lib/editorial/lint';
import type { ArticleBodies } from '@/workers/article-body-cache';
import type { RenderedArticle } from '@/workers/rendered-article';
import { lintInputs, planLint, type LintPlan } from '@/lib/editorial/source';

import { runWorker } from '@/workers/worker-thread';
import { codeDigest, pruneBuildCache } from '@/integrations/build-cache';

/** Everything a reading of a page depends on besides the page. */
const READING_FILES = [
  new URL('../workers/rendered-article.ts', import.meta.url),
  new URL('../workers/readability.ts', import.meta.url),
  new URL('../workers/article-body-cache.ts', import.meta.url),
];

interface Reading {
  plan: LintPlan;
  /** The body of each planned page, by page file, and the cache files the reading used. */
  bodies: Promise<{ byPage: Map<string, RenderedArticle | undefined>; cacheFiles: string[] }>;
}

/** Where the readings are kept (a folder of Astro's cache folder), and the project root, whose lockfile the code digest reads. */
interface CacheSettings {
  folder: string;
  root: string;
}

function startReading(contentDir: string, dist: string, cache: CacheSettings): Reading {
  const plan = planLint({ contentDir, dist });
  const pages = plan.entries.flatMap(({ page }) => (page === undefined ? [] : [page]));
  const bodies = runWorker<ArticleBodies>(new URL('../workers/editorial-lint-worker.ts', import.meta.url), {
    pages,
    cache: { folder: cache.folder, codeDigest: codeDigest(READING_FILES, cache.root) },
  }).then((read) => {
    if (!Array.isArray(read?.bodies) || read.bodies.length !== pages.length)
      throw new Error('the worker gave no result for every page');
    return { byPage: new Map(pages.map((page, index) => [page, read.bodies[index]])), cacheFiles: read.files };
  });
  // Awaited, and reported, when the build is done.
  bodies.catch(() => undefined);
  return { plan, bodies };
}

export function editorialLint(contentDir: string): AstroIntegration {
  let reading: Reading | undefined;
  const cache: CacheSettings = { folder: '', root: '' };
  let buildStarted = Date.now();
  return {
    name: 'health-site:editorial-lint',
    hooks: {
      'astro:config:done': ({ config }) => {
        cache.folder = join(fileURLToPath(config.cacheDir), 'editorial-lint');
        cache.root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        buildStarted = Date.now();
      },
      'astro:build:generated': ({ dir }) => {
        reading = startReading(contentDir, fileURLToPath(dir), cache);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { plan, bodies } = reading ?? startReading(contentDir, fileURLToPath(dir), cache);
        reading = undefined;
        let read: Map<string, RenderedArticle | undefined>;
        let cacheFiles: string[] | undefined;
        try {
          ({ byPage: read, cacheFiles } = await bodies);
        } catch (error) {
          // A lint that cannot run must not stop the build either: say so, and lint what needs no page.
          logger.warn(
            `Editorial lint: could not read the built pages (${error instanceof Error ? error.message : error}); headings, images and readability were not checked.`,
          );
          read = new Map();
        }
        try {
          // Readings of articles no longer published, or changed since, are not needed again.
          // Only after a reading: a failed one says nothing of which readings are still needed.
          if (cacheFiles) pruneBuildCache(cache.folder, new Set(cacheFiles), buildStarted);
        } catch (error) {
          logger.warn(`Editorial lint: could not tidy its cache (${error instanceof Error ? error.message : error}).`);
        }
        const results = lintInputs(plan, (page) => read.get(page)).map((input) =>
          lintArticle(input, {
            today: new Date(),
            reviewCycleYears: site.reviewCycleYears,
            dateLocale: site.dateLocale,
          }),
        );
        const summary = summarizeLint(results, plan.warnings.length);
        const warned = plan.warnings.length > 0 || results.some((result) => result.warnings.length > 0);
        if (warned) logger.warn(`${summary} Run \`npm run lint:content\` to list them with their fixes.`);
        else logger.info(summary);
      },
    },
  };
}
