/** The RSS feed: the newest published articles (`site.feedArticleCount`), newest first, in full. */
import mdxRenderer from '@astrojs/mdx/server.js';
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { render } from 'astro:content';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';

import References from '@/components/editorial/References.astro';
import { articleComponents } from '@/components/mdx-components';
import { site } from '@/config/site';
import { getPublishedArticles } from '@/lib/content';
import { citedReferences } from '@/lib/editorial/references';
import { feedBody } from '@/lib/seo/feed';
import { absoluteUrl, articlePath, feedPath, homePath } from '@/lib/urls';

export const GET: APIRoute = async () => {
  // Astro's container renders an article's MDX to HTML outside a page, as the article page shows it.
  const container = await AstroContainer.create();
  container.addServerRenderer({ renderer: mdxRenderer });
  const articles = (await getPublishedArticles()).slice(0, site.feedArticleCount);
  const items = await Promise.all(
    articles.map(async (article) => {
      const link = absoluteUrl(articlePath(article.id));
      const { Content } = await render(article);
      return {
        title: article.data.title,
        description: article.data.description,
        pubDate: article.data.published,
        link,
        categories: article.data.tags,
        content: feedBody(
          (await container.renderToString(Content, { props: { components: articleComponents } })) +
            (article.data.references.length > 0
              ? await container.renderToString(References, {
                  props: { references: article.data.references, cited: citedReferences(article.body ?? '') },
                })
              : ''),
          link,
        ),
      };
    }),
  );
  return rss({
    title: site.title,
    description: site.description,
    site: absoluteUrl(homePath()),
    xmlns: { atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>${site.lang}</language><atom:link href="${absoluteUrl(feedPath())}" rel="self" type="application/rss+xml"/>`,
    items,
  });
};
