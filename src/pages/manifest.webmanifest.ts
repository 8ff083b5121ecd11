/** The web app manifest, linked from every page. */
import type { APIRoute } from 'astro';

import { site } from '@/config/site';
import { webManifest } from '@/lib/seo/web-manifest';
import { homePath, iconPath } from '@/lib/urls';

// Compact: Chromium fetches the manifest with every first page load.
export const GET: APIRoute = () =>
  new Response(JSON.stringify(webManifest({ name: site.title, lang: site.lang, homePath: homePath(), iconPath })), {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
