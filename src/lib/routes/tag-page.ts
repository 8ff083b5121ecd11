/**
 * A tag's pages: `/tags/<tag>/`, then `/tags/<tag>/page/<n>/` when its articles fill more than one page
 * (`site.articlesPerPage` each). What `components/discovery/TagPage.astro` shows on both routes.
 */
import { site } from '@/config/site';
import { getTags, type ArticleSummary } from '@/lib/content';
import type { Crumb } from '@/lib/discovery/breadcrumbs';
import type { Tag } from '@/lib/discovery/tags';
import { paginate, type ListPage } from '@/lib/pagination';
import { homePath, tagPath, tagsPath } from '@/lib/urls';
import { countOf } from '@/lib/text/plural';

/** A type, not an interface: Astro's page props must be assignable to a record. */
export type TagPageData = {
  /** For `BaseLayout`. */
  layout: { title: string; description: string };
  /** Home, Tags, the tag, and the page number after page 1. */
  crumbs: Crumb[];
  /** "Articles tagged “Sleep”". */
  heading: string;
  /** ", page 2 of 3" after the heading, or nothing when the tag has one page. */
  pageOf: string;
  /** "1 article", "12 articles": all of the tag's, on every page. */
  articleCount: string;
  /** The articles on this page, newest first. */
  articles: ArticleSummary[];
  /** For `Pagination`. */
  pagination: { label: string; current: number; hrefs: string[] };
};

/** Every page of every tag, in order. */
async function tagPages() {
  return (await getTags()).flatMap((tag) =>
    paginate(tag.items, site.articlesPerPage, (page) => tagPath(tag.slug, page)).map((page) => ({
      tag,
      page,
    })),
  );
}

/** `/tags/<tag>/`: page 1 of each tag. */
export async function tagFirstPagePaths() {
  return (await tagPages())
    .filter(({ page }) => page.number === 1)
    .map(({ tag, page }) => ({ params: { tag: tag.slug }, props: tagPageData(tag, page) }));
}

/** `/tags/<tag>/page/<n>/`: the pages after the first. */
export async function tagLaterPagePaths() {
  return (await tagPages())
    .filter(({ page }) => page.number > 1)
    .map(({ tag, page }) => ({ params: { tag: tag.slug, page: String(page.number) }, props: tagPageData(tag, page) }));
}

export function tagPageData(tag: Tag<ArticleSummary>, page: ListPage<ArticleSummary>): TagPageData {
  const heading = `Articles tagged “${tag.name}”`;
  const pageOf = page.total > 1 ? `, page ${page.number} of ${page.total}` : '';
  const count = tag.items.length;
  return {
    layout: {
      title: `${heading}${pageOf}`,
      description: `${countOf(count, 'article')} tagged “${tag.name}”.`,
    },
    crumbs: [
      { name: 'Home', path: homePath() },
      { name: 'Tags', path: tagsPath() },
      { name: tag.name, path: tagPath(tag.slug) },
      ...(page.number > 1 ? [{ name: `Page ${page.number}`, path: tagPath(tag.slug, page.number) }] : []),
    ],
    heading,
    pageOf,
    articleCount: countOf(count, 'article'),
    articles: page.items,
    pagination: { label: `Pages of articles tagged “${tag.name}”`, current: page.number, hrefs: page.hrefs },
  };
}
