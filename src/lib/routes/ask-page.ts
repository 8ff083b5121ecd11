/**
 * An article's question page, `/articles/<slug>/ask/`, as `pages/articles/[slug]/ask.astro` shows it:
 * built only when the site takes questions, for articles that take them (`lib/questions/ask-page-data.ts`
 * makes its form).
 */
import { questionsOpen } from '@/config/questions';
import { site } from '@/config/site';
import { getArticleComments, getArticlePagesCacheKey, getPublishedArticles, getSitePages } from '@/lib/content';
import { askPageData, askPageTitle, type AskPageData } from '@/lib/questions/ask-page-data';
import { articlePath, questionsEndpointPath, sitePagePath } from '@/lib/urls';

/** A type, not an interface: Astro's page props must be assignable to a record. */
export type AskRouteData = AskPageData & {
  /** For `BaseLayout`: the title, shortened to fit search results (`askPageTitle`), and the description. */
  layout: { title: string; description: string };
};

/**
 * One ask page per published article that takes questions; none when the site takes none. Each is kept
 * under its article pages' key for Astro's incremental build: it shows the article's title and the
 * comments one may reply to, so after one comment changes only that article's ask page is rendered again.
 */
export async function askPagePaths() {
  if (!questionsOpen) return [];
  const articles = (await getPublishedArticles()).filter((article) => article.data.questions);
  // Linked from the form when the site has them (content/pages/).
  const sitePages = new Set((await getSitePages()).map((page) => page.id));
  const sitePage = (slug: string) => (sitePages.has(slug) ? sitePagePath(slug) : undefined);
  return Promise.all(
    articles.map(async (article) => {
      const { title, questions } = article.data;
      const props: AskRouteData = {
        layout: {
          title: askPageTitle(title),
          description: `Ask a question or reply to a reader about “${title}”.`,
        },
        ...askPageData({
          article: { slug: article.id, title, takesQuestions: questions },
          commentPages: (await getArticleComments(article.id)).pages,
          paths: {
            articlePath: articlePath(article.id),
            action: questionsEndpointPath(),
            guidelinesPath: sitePage('community-guidelines'),
            privacyPath: sitePage('privacy'),
          },
          locale: site.dateLocale,
        }),
      };
      return { params: { slug: article.id }, props, cacheKey: await getArticlePagesCacheKey(article.id) };
    }),
  );
}
