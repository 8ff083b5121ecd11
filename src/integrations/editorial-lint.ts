/**
 * Prints a summary of the editorial lint at the end of each build (`npm run lint:content` lists the
 * warnings). Editorial warnings never stop a build: a review falling due must not take the site down.
 *
 * The built article pages are read in a worker thread from the moment they are written
 * (`astro:build:generated`), while the other integrations finish the build; `astro:build:done` waits
 * for them and lints.
 */
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { site } from '@/config/site';
import { lintArticle, summarizeLint } from '@/lib/editorial/lint';
import type { RenderedArticle } from '@/workers/rendered-article';
import { lintInputs, planLint, type LintPlan } from '@/lib/editorial/source';

import { runWorker } from '@/workers/worker-thread';

interface Reading {
  plan: LintPlan;
  /** The body of each planned page, by page file. */
  bodies: Promise<Map<string, RenderedArticle | undefined>>;
}

function startReading(contentDir: string, dist: string): Reading {
  const plan = planLint({ contentDir, dist });
  const pages = plan.entries.flatMap(({ page }) => (page === undefined ? [] : [page]));
  const bodies = runWorker<(RenderedArticle | undefined)[]>(
    new URL('../workers/editorial-lint-worker.ts', import.meta.url),
    {
      pages,
    },
  ).then((read) => {
    if (!Array.isArray(read) || read.length !== pages.length)
      throw new Error('the worker gave no result for every page');
    return new Map(pages.map((page, index) => [page, read[index]]));
  });
  // Awaited, and reported, when the build is done.
  bodies.catch(() => undefined);
  return { plan, bodies };
}

export function editorialLint(contentDir: string): AstroIntegration {
  let reading: Reading | undefined;
  return {
    name: 'health-site:editorial-lint',
    hooks: {
      'astro:build:generated': ({ dir }) => {
        reading = startReading(contentDir, fileURLToPath(dir));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { plan, bodies } = reading ?? startReading(contentDir, fileURLToPath(dir));
        reading = undefined;
        let read: Map<string, RenderedArticle | undefined>;
        try {
          read = await bodies;
        } catch (error) {
          // A lint that cannot run must not stop the build either: say so, and lint what needs no page.
          logger.warn(
            `Editorial lint: could not read the built pages (${error instanceof Error ? error.message : error}); headings, images and readability were not checked.`,
          );
          read = new Map();
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
