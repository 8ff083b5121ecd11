/**
 * The list of all articles, newest first, `site.articlesPerPage` a page: page 1 is the home page (`/`),
 * the others `/page/<n>/`. What `components/discovery/ArticleIndex.astro` shows on both routes.
 */
import { site } from '@/config/site';
import { getArticleSummaries, type ArticleSummary } from '@/lib/content';
import { paginate, type ListPage } from '@/lib/pagination';
import { articleListPath, tagsPath } from '@/lib/urls';

/** A type, not an interface: Astro's page props must be assignable to a record. */
export type ArticleListPageData = {
  /** For `BaseLayout`: no title of its own on the home page, which alone links the web manifest. */
  layout: { title: string | undefined; installable: boolean };
  /** On the home page: the site's name and description and the way to the tags, above "Articles". */
  intro: { siteTitle: string; siteDescription: string; tagsHref: string } | undefined;
  /** The heading of a later page, "Articles, page 2 of 3"; undefined on the home page. */
  heading: string | undefined;
  /** The articles on this page; empty when none is published yet. */
  articles: ArticleSummary[];
  /** Level of each article's title: one below the heading the list sits under. */
  articleHeadingLevel: 2 | 3;
  /** For `Pagination`. */
  pagination: { label: string; current: number; hrefs: string[] };
};

async function articleListPages() {
  return paginate(await getArticleSummaries(), site.articlesPerPage, articleListPath);
}

/** The home page: page 1 of the list. */
export async function homePageData(): Promise<ArticleListPageData> {
  const [first] = await articleListPages();
  // paginate gives even an empty list one page.
  return articleListPageData(first!);
}

/** `/page/<n>/`: the pages after the first. */
export async function articleListPagePaths() {
  return (await articleListPages())
    .slice(1)
    .map((page) => ({ params: { page: String(page.number) }, props: articleListPageData(page) }));
}

export function articleListPageData(page: ListPage<ArticleSummary>): ArticleListPageData {
  const home = page.number === 1;
  const heading = home ? undefined : `Articles, page ${page.number} of ${page.total}`;
  return {
    layout: { title: heading, installable: home },
    intro: home ? { siteTitle: site.title, siteDescription: site.description, tagsHref: tagsPath() } : undefined,
    heading,
    articles: page.items,
    articleHeadingLevel: home ? 3 : 2,
    pagination: { label: 'Article pages', current: page.number, hrefs: page.hrefs },
  };
}
