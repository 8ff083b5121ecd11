/**
 * An article's later comment pages, `/articles/<slug>/comments/<n>/` for n ≥ 2 (page 1 sits under the
 * article): what `pages/articles/[slug]/comments/[page].astro` shows.
 */
import { site } from '@/config/site';
import {
  getArticleComments,
  getArticlePagesCacheKey,
  getPublishedArticles,
  type Article,
  type ArticleComments,
} from '@/lib/content';
import type { DisplayComment } from '@/lib/comments';
import type { ListPage } from '@/lib/pagination';
import { commentPageJsonLd } from '@/lib/seo/structured-data';
import { articleImagePath, articlePath } from '@/lib/urls';

import { commentSectionData, type CommentSectionData } from '@/lib/routes/comment-section';

/** A type, not an interface: Astro's page props must be assignable to a record. */
export type CommentPageData = {
  /** For `BaseLayout`. */
  layout: { title: string; description: string; image: { path: string; alt: string } };
  /** The page's JSON-LD: its conversations, as part of the article. */
  structuredData: ReturnType<typeof commentPageJsonLd>;
  articleTitle: string;
  /** Back to the article. */
  articleHref: string;
  /** For `CommentSection`. */
  comments: CommentSectionData;
};

/** Pages 2, 3, … of every published article's comments, with the article pages' incremental build key. */
export async function commentPagePaths() {
  const articles = await getPublishedArticles();
  const paths = await Promise.all(
    articles.map(async (article) => {
      const comments = await getArticleComments(article.id);
      const cacheKey = await getArticlePagesCacheKey(article.id);
      return comments.pages.slice(1).map((page) => ({
        params: { slug: article.id, page: String(page.number) },
        cacheKey,
        props: commentPageData(article, comments, page),
      }));
    }),
  );
  return paths.flat();
}

/** Comment page `page` of the article. */
export function commentPageData(
  article: Pick<Article, 'id' | 'data'>,
  comments: ArticleComments,
  page: ListPage<DisplayComment>,
): CommentPageData {
  const { id: slug } = article;
  const { title } = article.data;
  return {
    layout: {
      title: `Comments, page ${page.number}: ${title}`,
      description: `Page ${page.number} of ${page.total} of readers’ questions and answers on “${title}”.`,
      image: { path: articleImagePath(slug), alt: `“${title}” on ${site.title}` },
    },
    structuredData: commentPageJsonLd({ slug, title, page: page.number, threads: page.items }),
    articleTitle: title,
    articleHref: articlePath(slug),
    comments: commentSectionData(title, comments, page),
  };
}
