/**
 * Run by Vercel after `npm run build` (the `buildCommand` of `vercel.json`): turns `dist/` into
 * `.vercel/output/`, which Vercel deploys with the site's response headers. See `vercel.ts`.
 */
import { site } from '../../src/config/site';
import { writeVercelOutput } from './vercel';

try {
  const config = writeVercelOutput({ dist: 'dist', output: '.vercel/output', base: site.basePath });
  const headerRoutes = config.routes.filter((route) => 'headers' in route).length;
  console.log(`Wrote .vercel/output/ for ${site.basePath} with ${headerRoutes} header rules from dist/_headers.`);
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
