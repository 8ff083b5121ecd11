/**
 * All content access in one place: pages ask here, never `astro:content` directly.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

import { site } from '@/config/site';
import { buildThread, paginateThreads, renderCommentBody, toDisplayThread, type CommentPage } from '@/lib/comments';
import { commentPagePath } from '@/lib/urls';
import { isPublishedComment } from '@/schemas/comments';

export type Article = CollectionEntry<'articles'>;
export type Person = CollectionEntry<'people'>;

export interface ArticleComments {
  /** Every published comment on the article. */
  count: number;
  /** Comments kept in the file but not published (pending or spam). */
  hiddenCount: number;
  /** The threads shaped for display (bodies rendered to safe HTML), split into pages; at least one page. */
  pages: CommentPage[];
}

const byNewest = (a: Article, b: Article) =>
  b.data.published.getTime() - a.data.published.getTime() || a.data.title.localeCompare(b.data.title);

/** Articles readers can see (drafts left out), newest first. */
export async function getPublishedArticles(): Promise<Article[]> {
  const articles = await getCollection('articles', ({ data }) => !data.draft);
  return articles.sort(byNewest);
}

const threads = new Map<string, Promise<ArticleComments>>();

let commentFiles: Promise<Map<string, CollectionEntry<'comments'>>> | undefined;

/** Comments files by article slug. Most articles may have none: looking them up must not warn. */
function commentFilesByArticle() {
  commentFiles ??= getCollection('comments').then((entries) => new Map(entries.map((entry) => [entry.id, entry])));
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
  }
  return result;
}

async function loadArticleComments(articleId: string): Promise<ArticleComments> {
  const entry = (await commentFilesByArticle()).get(articleId);
  const paginate = (threads: Parameters<typeof paginateThreads>[0]) =>
    paginateThreads(threads, site.commentThreadsPerPage, (page) => commentPagePath(articleId, page));
  if (!entry) return { count: 0, hiddenCount: 0, pages: paginate([]) };
  const source = entry.filePath ?? `content/comments/${articleId}.json`;
  const thread = buildThread(entry.data.comments, source, isPublishedComment);
  return {
    count: thread.count,
    hiddenCount: thread.hiddenCount,
    pages: paginate(toDisplayThread(thread, { maxIndent: site.maxCommentIndent, renderBody: renderCommentBody })),
  };
}

/**
 * How many published comments the article has, counted without threading or rendering them: for
 * pages that list articles, where the count is all they show.
 */
export async function getCommentCount(articleId: string): Promise<number> {
  const entry = (await commentFilesByArticle()).get(articleId);
  return entry ? entry.data.comments.filter(isPublishedComment).length : 0;
}

let people: Promise<Map<string, Person>> | undefined;

/** Writers and medical reviewers by id (file name). */
export function getPeople(): Promise<Map<string, Person>> {
  people ??= getCollection('people').then((entries) => new Map(entries.map((entry) => [entry.id, entry])));
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
