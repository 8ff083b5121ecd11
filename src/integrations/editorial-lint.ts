/**
 * Prints a summary of the editorial lint at the end of each build (`npm run lint:content` lists the
 * warnings). Editorial warnings never stop a build: a review falling due must not take the site down.
 */
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { site } from '../config/site';
import { lintArticle, summarizeLint } from '../lib/editorial/lint';
import { readLintSources } from '../lib/editorial/source';

export function editorialLint(contentDir: string): AstroIntegration {
  return {
    name: 'health-site:editorial-lint',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const sources = readLintSources({ contentDir, dist: fileURLToPath(dir) });
        const results = sources.inputs.map((input) =>
          lintArticle(input, {
            today: new Date(),
            reviewCycleYears: site.reviewCycleYears,
            dateLocale: site.dateLocale,
          }),
        );
        const summary = summarizeLint(results, sources.warnings.length);
        const warned = sources.warnings.length > 0 || results.some((result) => result.warnings.length > 0);
        if (warned) logger.warn(`${summary} Run \`npm run lint:content\` to list them with their fixes.`);
        else logger.info(summary);
      },
    },
  };
}
