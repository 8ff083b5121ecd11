/**
 * `npm run dev` only: while the content check finds problems, a page shows them in Astro's error
 * overlay, the same lines the build prints, instead of the last good version of the page. The
 * question handler and the files endpoints make go on as before.
 */
import { defineMiddleware } from 'astro:middleware';

import { buildDay } from '@/config/build-day';
import { ContentProblemsError, devContentProblems } from '@/lib/content-check/dev-problems';
import { summarize } from '@/lib/content-check/summary';

export const onRequest = defineMiddleware((context, next) => {
  const problems = devContentProblems();
  // Pages end in "/" (`trailingSlash: 'always'`); files made by endpoints (the feed, images) do not.
  const wantsPage = context.isPrerendered && context.url.pathname.endsWith('/');
  if (problems.length === 0 || !wantsPage) return next();
  throw new ContentProblemsError(problems, summarize({ problems: [...problems], notes: [], articles: [] }, buildDay));
});
