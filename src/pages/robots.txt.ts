/** robots.txt, pointing crawlers to the sitemap by its full address. */
import type { APIRoute } from 'astro';

import { robotsTxt } from '@/lib/seo/robots-txt';
import { absoluteUrl, sitemapPath } from '@/lib/urls';

export const GET: APIRoute = () =>
  new Response(robotsTxt(absoluteUrl(sitemapPath())), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
