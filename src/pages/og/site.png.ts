/** The sharing image of the pages that are not articles: the site's description and name. */
import type { APIRoute } from 'astro';

import { site } from '@/config/site';
import { renderShareImage } from '@/lib/seo/share-image';
import { loadShareImageFonts } from '@/lib/seo/share-image-fonts';

export const GET: APIRoute = async () => {
  const png = await renderShareImage([{ title: site.description, siteName: site.title }], loadShareImageFonts());
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
