/**
 * All content access in one place: pages ask here, never `astro:content` directly.
 */
import { createHash } from 'node:crypto';

import { getCollection, type CollectionEntry } from 'astro:content';

import { buildDay } from '@/config/build-day';
import { pageSettingsDigest } from '@/config/page-settings';
import { questionsOpen } from '@/config/questions';
import { site } from '@/config/site';
import { showUnpublished } from '@/config/unpublished';
import {
  articleQuestions,
  buildThread,
  paginateThreads,
  renderCommentBody,
  toDisplayThread,
  type ArticleQuestions,
  type DisplayComment,
  type StaffMember,
} from '@/lib/comments';
import { readingMinutes } from '@/lib/discovery/reading-time';
import { adjacentArticles, relatedArticles, sharingTags, type Relatable } from '@/lib/discovery/related';
import { groupByTag, uniqueTags, type Tag } from '@/lib/discovery/tags';
import { hasCollectionFolder, type CollectionName } from '@/lib/content-folders';
import { byName } from '@/lib/editorial/people';
import { isPublishedOn, unpublishedBanner } from '@/lib/publication';
import type { ListPage } from '@/lib/pagination';
import { footerPages } from '@/lib/site-pages';
import { commentPagePath, questionFormPath } from '@/lib/urls';
import { isPublishedComment } from '@/schemas/comments';
import { commentBody, readCommentBodies } from '@/lib/comments/file-bodies';

export type Article = CollectionEntry<'articles'>;
export type Person = CollectionEntry<'people'>;
export type SitePage = CollectionEntry<'sitePages'>;

export interface ArticleComments {
  /** Every published comment on the article. */
  count: number;
  /** Comments kept in the file but not published (pending or spam). */
  hiddenCount: number;
  /** The threads shaped for display (bodies rendered to safe HTML), split into pages; at least one page. */
  pages: ListPage<DisplayComment>[];
  /** Whether the article invites questions and replies (`articleQuestions`). */
  questions: ArticleQuestions;
  /** Where "Ask a question" leads, when the article invites questions. */
  askHref: string | undefined;
}

const byNewest = (a: Article, b: Article) =>
  b.data.published.getTime() - a.data.published.getTime() || a.data.title.localeCompare(b.data.title);

/**
 * Whether this build shows the article: published on or before the build day, not a draft. Every page,
 * list, feed and comment page reads articles through `getPublishedArticles`, so this is the one place
 * that leaves drafts and scheduled articles (and so their comments) out; the sitemap and the search
 * index hold the pages that exist. `npm run dev` shows them all, under a banner.
 */
const isShown = (article: Article) => showUnpublished || isPublishedOn(article.data, buildDay);

/** Articles readers can see (drafts and scheduled articles left out), newest first. */
export async function getPublishedArticles(): Promise<Article[]> {
  const articles = await getCollection('articles', isShown);
  return articles.sort(byNewest);
}

/** "Draft: not published" or "Scheduled: …" over an article only `npm run dev` shows; none for a published one. */
export const getUnpublishedBanner = (article: Article): string | undefined =>
  unpublishedBanner(article.data, buildDay, site.dateLocale);

const threads = new Map<string, Promise<ArticleComments>>();

type CommentsFile = CollectionEntry<'comments'>;

let commentFiles: Promise<Map<string, CommentsFile[]>> | undefined;

/**
 * The article a comments file belongs to: `<slug>.json` (entry id `<slug>`) holds the article's comments,
 * `<slug>/<id>.json` (entry id `<slug>/<id>`) one submitted comment. All of them make one thread.
 */
export const articleOfCommentsFile = (entryId: string) => entryId.split('/', 1)[0]!;

/**
 * Comments files by article slug, the article's own file first, then its one-comment files by name.
 * Most articles may have none: looking them up must not warn.
 */
function commentFilesByArticle() {
  commentFiles ??= optionalCollection('comments').then((entries) => {
    const byArticle = new Map<string, CommentsFile[]>();
    for (const entry of [...entries].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
      const slug = articleOfCommentsFile(entry.id);
      byArticle.set(slug, [...(byArticle.get(slug) ?? []), entry]);
    }
    return byArticle;
  });
  return commentFiles;
}

/**
 * The article's comments, threaded and rendered, once per build however many pages ask.
 * @throws CommentThreadError naming the file and comment when the replies do not form a tree
 */
export function getArticleComments(articleId: string): Promise<ArticleComments> {
  let result = threads.get(articleId);
  if (!result) {
    result = loadArticleComments(articleId);
    threads.set(articleId, result);
    // A file caught mid-edit in `npm run dev` is read again on the next request, not failed for good.
    result.catch(() => threads.delete(articleId));
  }
  return result;
}

let articlesById: Promise<Map<string, Article>> | undefined;

async function getArticle(articleId: string): Promise<Article | undefined> {
  articlesById ??= getCollection('articles').then((entries) => new Map(entries.map((entry) => [entry.id, entry])));
  return (await articlesById).get(articleId);
}

async function loadArticleComments(articleId: string): Promise<ArticleComments> {
  const files = (await commentFilesByArticle()).get(articleId) ?? [];
  const paginate = (threads: Parameters<typeof paginateThreads>[0]) =>
    paginateThreads(threads, site.commentThreadsPerPage, (page) => commentPagePath(articleId, page));
  const source = (file: CommentsFile) => {
    if (file.filePath === undefined) throw new Error(`Comments "${file.id}": the content store does not say its file.`);
    return file.filePath;
  };
  // The content store keeps no bodies (src/content.config.ts): each file's are read from the file.
  const comments = files.flatMap((file) => {
    const bodies = readCommentBodies(source(file));
    return file.data.comments.map(({ bodyDigest, ...comment }) => ({
      ...comment,
      body: commentBody(bodies, source(file), comment.id, bodyDigest),
    }));
  });
  const sources = files.flatMap((file) => file.data.comments.map(() => source(file)));
  const sourceOf = new Map(comments.map((comment, index) => [comment.id, sources[index]!]));
  const thread = buildThread(comments, (index) => sources[index]!, isPublishedComment);
  const article = await getArticle(articleId);
  const questions = article ? articleQuestions(questionsOpen, article.data) : 'off';
  const people = await getPeople();
  const findPerson = (personId: string, commentId: string): StaffMember => {
    const person = people.get(personId);
    if (!person)
      throw new Error(
        `${sourceOf.get(commentId)}: comment "${commentId}", field "person": names "${personId}", who is not in content/people. Fix: add content/people/${personId}.yaml or correct the id.`,
      );
    return { id: personId, ...person.data };
  };
  const display = toDisplayThread(thread, {
    maxIndent: site.maxCommentIndent,
    renderBody: renderCommentBody,
    findPerson,
    ...(questions === 'open' && { replyHref: (commentId: string) => questionFormPath(articleId, commentId) }),
  });
  return {
    count: thread.count,
    hiddenCount: thread.hiddenCount,
    pages: paginate(display),
    questions,
    askHref: questions === 'open' ? questionFormPath(articleId) : undefined,
  };
}

/**
 * A collection whose folder a site may do without (`lib/content-folders.ts`): read as empty when the
 * folder is not there, instead of making Astro warn on every build.
 */
async function optionalCollection<C extends CollectionName>(collection: C): Promise<CollectionEntry<C>[]> {
  return hasCollectionFolder(collection) ? getCollection(collection) : [];
}

/**
 * How many published comments the article has, counted without threading or rendering them: for
 * pages that list articles, where the count is all they show.
 */
export async function getCommentCount(articleId: string): Promise<number> {
  const files = (await commentFilesByArticle()).get(articleId) ?? [];
  return files.reduce((count, file) => count + file.data.comments.filter(isPublishedComment).length, 0);
}

let siteDigest: Promise<string> | undefined;

/**
 * A digest of every article, person and site page, and of which articles are shown. Pages link and name
 * each other (titles, bylines, lists, footers), so a change to any of them, or a scheduled article's day
 * coming, re-renders every article page; only comments are per article.
 */
function contentDigest(): Promise<string> {
  siteDigest ??= Promise.all([
    optionalCollection('articles'),
    optionalCollection('people'),
    optionalCollection('sitePages'),
  ]).then((entries) => {
    const hash = createHash('sha256');
    for (const entry of entries.flat()) {
      // Whether an article is shown, too: its publication day changes every page that lists or links it.
      const shown = entry.collection === 'articles' ? `:${isShown(entry as Article) ? 'shown' : 'hidden'}` : '';
      hash.update(`${entry.collection}/${entry.id}:${entry.digest}${shown}\n`);
    }
    return hash.digest('hex');
  });
  return siteDigest;
}

/**
 * What an article's pages (the article and its comment pages) are made from, as a key for Astro's
 * incremental build: the same key as last build means the page is copied from then, not rendered
 * again. Changing one comments file re-renders only that article's pages; changing a setting
 * (`config/page-settings.ts`) re-renders them all. Code changes are Astro's
 * part: it re-renders a route whose modules changed.
 */
export async function getArticlePagesCacheKey(articleId: string): Promise<string> {
  const files = (await commentFilesByArticle()).get(articleId) ?? [];
  const comments = files.length > 0 ? files.map((file) => `${file.id}=${file.digest}`).join(',') : 'no comments';
  // The settings digest covers QUESTIONS too, which decides the Reply and Ask links.
  return `${pageSettingsDigest()}:${await contentDigest()}:${articleId}:${comments}`;
}

let people: Promise<Map<string, Person>> | undefined;

/** Writers and medical reviewers by id (file name). */
export function getPeople(): Promise<Map<string, Person>> {
  people ??= optionalCollection('people').then((entries) => new Map(entries.map((entry) => [entry.id, entry])));
  return people;
}

/**
 * The person an article names as author or reviewer.
 * @throws Error naming the missing id and the file it should be in (the content check reports it first)
 */
export async function getPerson(id: string): Promise<Person> {
  const person = (await getPeople()).get(id);
  if (!person)
    throw new Error(`No person "${id}": add content/people/${id}.yaml or correct the article's frontmatter.`);
  return person;
}

/** A published article as lists and links show it: no body, no comment threads. */
export interface ArticleSummary extends Relatable {
  description: string;
  /** The article's tags, one per slug, in its own order and spelling. */
  tags: { name: string; slug: string }[];
  /** Whole minutes to read the article text at `site.readingWordsPerMinute` (0 for an empty article). */
  readingMinutes: number;
  /** Published comments on the article. */
  commentCount: number;
}

let summaries: Promise<ArticleSummary[]> | undefined;

/** Every published article as a summary, newest first; worked out once per build. */
export function getArticleSummaries(): Promise<ArticleSummary[]> {
  summaries ??= getPublishedArticles().then((articles) =>
    Promise.all(
      articles.map(async ({ id, body, data }): Promise<ArticleSummary> => {
        const tags = uniqueTags(data.tags);
        return {
          id,
          title: data.title,
          description: data.description,
          published: data.published,
          tags,
          tagSlugs: tags.map((tag) => tag.slug),
          readingMinutes: readingMinutes(body ?? '', site.readingWordsPerMinute, site.lang),
          commentCount: await getCommentCount(id),
        };
      }),
    ),
  );
  return summaries;
}

let tags: Promise<Tag<ArticleSummary>[]> | undefined;

/**
 * Every tag of a published article, with its articles newest first. Spellings with the same slug
 * ("Sleep & rest", "sleep-rest") are one tag, named by its most used spelling.
 */
export function getTags(): Promise<Tag<ArticleSummary>[]> {
  tags ??= getArticleSummaries().then((articles) =>
    groupByTag(articles, (article) => article.tags.map((tag) => tag.name)),
  );
  return tags;
}

/** Where an article sits among the others: its neighbours in publication order and its related articles. */
export interface ArticleNeighbours {
  /** The article itself, summarised. */
  article: ArticleSummary;
  /** Published just before it. */
  previous: ArticleSummary | undefined;
  /** Published just after it. */
  next: ArticleSummary | undefined;
  /** Up to `site.relatedArticleCount` articles sharing its tags, most shared first. */
  related: ArticleSummary[];
  /** Its first tag as the tag's page names it, for breadcrumbs. */
  firstTag: { name: string; slug: string } | undefined;
}

let articlesByTagSlug: Promise<Map<string, ArticleSummary[]>> | undefined;

/**
 * Published articles by tag slug, newest first (each tag's own list, from `getTags`): where each page
 * looks for its related articles.
 */
function getArticlesByTag(): Promise<Map<string, ArticleSummary[]>> {
  articlesByTagSlug ??= getTags().then((all) => new Map(all.map((tag) => [tag.slug, tag.items])));
  return articlesByTagSlug;
}

/**
 * @throws Error naming the article when it is not published
 */
export async function getArticleNeighbours(articleId: string): Promise<ArticleNeighbours> {
  const articles = await getArticleSummaries();
  const article = articles.find((summary) => summary.id === articleId);
  if (!article) throw new Error(`No published article "${articleId}" to find neighbours of.`);
  const { previous, next } = adjacentArticles(articles, articleId);
  const firstSlug = article.tagSlugs[0];
  const firstTag = firstSlug === undefined ? undefined : (await getTags()).find((tag) => tag.slug === firstSlug);
  return {
    article,
    previous,
    next,
    related: relatedArticles(article, sharingTags(article, await getArticlesByTag()), site.relatedArticleCount),
    firstTag: firstTag && { name: firstTag.name, slug: firstTag.slug },
  };
}

/** Everyone in `content/people/`, by name. */
export async function getPeopleByName(): Promise<Person[]> {
  return byName((await getPeople()).values(), site.lang);
}

let sitePages: Promise<SitePage[]> | undefined;

/** Site pages (`content/pages/`): about, editorial policy…, by address. */
export function getSitePages(): Promise<SitePage[]> {
  sitePages ??= optionalCollection('sitePages').then((pages) => pages.sort((a, b) => a.id.localeCompare(b.id)));
  return sitePages;
}

/** The site pages linked from every page's footer, in their `footer` order. */
export async function getFooterPages(): Promise<SitePage[]> {
  return footerPages(await getSitePages());
}
