/**
 * Run by Vercel after `npm run build` (the `buildCommand` of `vercel.json`): turns `dist/` into
 * `.vercel/output/`, which Vercel deploys with the site's response headers. See `vercel.ts`.
 */
import { questions } from '@/config/questions';
import { site } from '@/config/site';
import { writeVercelOutput } from './vercel';
import { writeVercelQuestionsFunction } from './vercel-questions';

try {
  const config = writeVercelOutput({ dist: 'dist', output: '.vercel/output', base: site.basePath });
  const redirectRoutes = config.routes.filter((route) => 'status' in route && route.status !== 404).length;
  const headerRoutes = config.routes.filter((route) => 'continue' in route).length;
  console.log(
    `Wrote .vercel/output/ for ${site.basePath} with ${headerRoutes} header rules from dist/_headers and ${redirectRoutes} redirects from dist/_redirects.`,
  );
  // The build showed the question form: add the handler it posts to.
  if (questions.sink !== 'off') {
    const { folder, askPages } = await writeVercelQuestionsFunction({
      dist: 'dist',
      output: '.vercel/output',
      base: site.basePath,
    });
    console.log(`Wrote the question handler to ${folder} with ${askPages} ask pages.`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
