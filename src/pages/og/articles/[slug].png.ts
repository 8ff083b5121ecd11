/** The sharing image of each article: `/og/articles/<slug>.png`, 1200 × 630. */
import type { APIRoute, GetStaticPaths } from 'astro';

import { site } from '@/config/site';
import { getPublishedArticles } from '@/lib/content';
import { renderShareImage } from '@/lib/seo/share-image';
import { loadShareImageFonts } from '@/lib/seo/share-image-fonts';

export const getStaticPaths = (async () => {
  const articles = await getPublishedArticles();
  // The image is drawn from the title alone (and code, which Astro's incremental build tracks itself):
  // an unchanged title is copied from the last build instead of drawn again.
  return articles.map((article) => ({
    params: { slug: article.id },
    props: { title: article.data.title },
    cacheKey: article.data.title,
  }));
}) satisfies GetStaticPaths;

type Props = Awaited<ReturnType<typeof getStaticPaths>>[number]['props'];

export const GET: APIRoute<Props> = async ({ props }) => {
  // A title the fonts cannot draw whole falls back to the site's own card.
  const png = await renderShareImage(
    [
      { title: props.title, siteName: site.title },
      { title: site.description, siteName: site.title },
    ],
    loadShareImageFonts(),
  );
  return new Response(png, { headers: { 'Content-Type': 'image/png' } });
};
