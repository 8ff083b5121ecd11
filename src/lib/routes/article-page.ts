/**
 * An article's page, `/articles/<slug>/`: everything `pages/articles/[slug].astro` shows besides the
 * rendered MDX, worked out here so that a unit test reaches it without Astro.
 */
import type { MarkdownHeading } from 'astro';

import { site } from '@/config/site';
import {
  getArticleComments,
  getArticleNeighbours,
  getArticlePagesCacheKey,
  getPerson,
  getPublishedArticles,
  getUnpublishedBanner,
  type Article,
  type ArticleSummary,
} from '@/lib/content';
import type { Crumb } from '@/lib/discovery/breadcrumbs';
import { tableOfContents } from '@/lib/discovery/table-of-contents';
import { usesCallouts } from '@/lib/editorial/callouts';
import type { PersonCredit } from '@/lib/editorial/people';
import { citedReferences, REFERENCES_HEADING } from '@/lib/editorial/references';
import { reviewDates, type ReviewDates } from '@/lib/editorial/review';
import { articleJsonLd, type PersonEntry } from '@/lib/seo/structured-data';
import { articleImagePath, articlePath, homePath, personPath, tagPath } from '@/lib/urls';
import type { ArticleData } from '@/schemas/article';

import { commentsOnOtherPages } from '@/lib/comments/comment-pages';
import { commentSectionData, type CommentSectionData } from '@/lib/routes/comment-section';

/** Every published article's page, with the key Astro's incremental build keeps it under. */
export async function articlePagePaths() {
  const articles = await getPublishedArticles();
  return Promise.all(
    articles.map(async (article) => ({
      params: { slug: article.id },
      props: { article },
      cacheKey: await getArticlePagesCacheKey(article.id),
    })),
  );
}

/** What the article page shows, each part as props of the component that shows it. */
export interface ArticlePageData {
  /** For `BaseLayout`: title, description and what sharing cards show. */
  layout: {
    title: string;
    description: string;
    type: 'article';
    image: { path: string; alt: string };
    published: Date;
    modified: Date | undefined;
  };
  /** The article's JSON-LD: the article, its writer and reviewer, its first page of comments, its trail. */
  structuredData: ReturnType<typeof articleJsonLd>;
  /** Whether the text uses a health callout, whose styles the page then loads. */
  usesCallouts: boolean;
  /** In `npm run dev`, the banner of a draft or scheduled article ("Draft: not published"); otherwise none. */
  unpublished: string | undefined;
  /** Home, the article's first tag when it has one, the article. */
  crumbs: Crumb[];
  /** For `ArticleHeader`. */
  header: {
    article: ArticleData;
    commentCount: number;
    readingMinutes: number;
    author: PersonCredit | undefined;
    reviewer: PersonCredit | undefined;
  };
  /** Sections the table of contents lists; empty below `site.tableOfContentsMinHeadings`. */
  tableOfContents: MarkdownHeading[];
  /** For `References`; undefined when the article lists none. */
  references: { references: ArticleData['references']; cited: number[] } | undefined;
  /** For `ReviewDates`: "Page last reviewed" and "Next review due". */
  reviewDates: ReviewDates;
  /** For `MoreArticles`. */
  moreArticles: { related: ArticleSummary[]; previous: ArticleSummary | undefined; next: ArticleSummary | undefined };
  /** For `CommentSection`: the first page of comments. */
  comments: CommentSectionData;
}

/**
 * @param headings the article's headings, as `render(article)` gives them
 * @throws Error naming the person when the article credits someone not in `content/people/`
 */
export async function articlePageData(
  article: Article,
  headings: readonly MarkdownHeading[],
): Promise<ArticlePageData> {
  const { id: slug, data, body = '' } = article;
  const [comments, { article: summary, previous, next, related, firstTag }] = await Promise.all([
    getArticleComments(slug),
    getArticleNeighbours(slug),
  ]);
  const { count } = comments;
  const firstPage = comments.pages[0];
  if (!firstPage) throw new Error(`Article "${slug}": its comments have no first page.`);
  const crumbs = [
    { name: 'Home', path: homePath() },
    ...(firstTag ? [{ name: firstTag.name, path: tagPath(firstTag.slug) }] : []),
    { name: data.title, path: articlePath(slug) },
  ];
  // The writer and reviewer, looked up once: the header credits them and the structured data names them.
  const author = await personEntry(data.author);
  const reviewer = await personEntry(data.medicalReview?.reviewer);
  return {
    layout: {
      title: data.title,
      description: data.description,
      type: 'article',
      image: { path: articleImagePath(slug), alt: `“${data.title}” on ${site.title}` },
      published: data.published,
      modified: data.updated,
    },
    structuredData: articleJsonLd({
      slug,
      article: data,
      author,
      reviewer,
      commentCount: count,
      threads: firstPage.items,
      breadcrumbs: crumbs,
    }),
    usesCallouts: usesCallouts(body),
    unpublished: getUnpublishedBanner(article),
    crumbs,
    header: {
      article: data,
      commentCount: count,
      readingMinutes: summary.readingMinutes,
      author: credit(author),
      reviewer: credit(reviewer),
    },
    tableOfContents: tableOfContents(
      headings,
      site.tableOfContentsMinHeadings,
      data.references.length > 0 ? [REFERENCES_HEADING] : [],
    ),
    references: data.references.length > 0 ? { references: data.references, cited: citedReferences(body) } : undefined,
    reviewDates: reviewDates(data, site.reviewCycleYears),
    moreArticles: { related, previous, next },
    // An imported article's old `#comment-123` links land here, wherever the comment now is.
    comments: commentSectionData(
      data.title,
      comments,
      firstPage,
      data.redirectFrom?.length ? commentsOnOtherPages(comments.pages, 1) : [],
    ),
  };
}

async function personEntry(id: string | undefined): Promise<PersonEntry | undefined> {
  return id === undefined ? undefined : { id, ...(await getPerson(id)).data };
}

function credit(entry: PersonEntry | undefined): PersonCredit | undefined {
  return entry && { name: entry.name, credentials: entry.credentials, href: personPath(entry.id) };
}
