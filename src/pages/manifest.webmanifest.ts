/** The web app manifest, linked from every page. */
import type { APIRoute } from 'astro';

import { site } from '@/config/site';
import { webManifest } from '@/lib/seo/web-manifest';
import { homePath, iconPath } from '@/lib/urls';

export const GET: APIRoute = () =>
  new Response(
    JSON.stringify(
      webManifest({ name: site.title, description: site.description, lang: site.lang, homePath: homePath(), iconPath }),
      null,
      2,
    ),
    { headers: { 'Content-Type': 'application/manifest+json' } },
  );
