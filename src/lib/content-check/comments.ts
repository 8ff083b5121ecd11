/**
 * The content check of `comments/`: every comments file valid, every staff answer by a person who
 * exists, every file beside an article, and each article's thread (its file plus its folder of
 * one-comment files) a tree. Counts each article's comments by status.
 */
import { jsonFieldPositions } from '@/lib/content-check/field-positions';
import { globSync } from 'node:fs';
import { join } from 'node:path';

import { buildThread, CommentThreadError } from '@/lib/comments/thread';
import { parseJson, readContentFile } from '@/lib/content-files';
import { CommentsFileError, validateComments } from '@/lib/questions/comments-file';
import type { CommentData } from '@/schemas/comments';

import type { ArticleCounts } from '@/lib/content-check/articles';
import type { DisplayPath } from '@/lib/content-check/files';
import type { ContentProblem } from '@/lib/content-check/problems';

/** What the comments check needs to know about the rest of the content. */
export interface CommentsContext {
  /** Ids of the people in `people/`. */
  people: ReadonlySet<string>;
  /** Valid articles by slug; their comment counts are filled in. */
  articles: ReadonlyMap<string, ArticleCounts>;
  /** Slugs of every article file, valid or not. */
  articleFiles: ReadonlySet<string>;
}

/**
 * Which article a file under `comments/` belongs to: `comments/<slug>.json` (the article's comments file)
 * or `comments/<slug>/<id>.json` (one submitted comment). Anything deeper is in no article's thread.
 */
export function commentsFilePlace(path: string): { slug: string; inFolder: boolean } | undefined {
  const segments = path.slice('comments/'.length, -'.json'.length).split('/');
  if (segments.length === 1) return { slug: segments[0]!, inFolder: false };
  if (segments.length === 2) return { slug: segments[0]!, inFolder: true };
  return undefined;
}

export function checkComments(
  contentDir: string,
  display: DisplayPath,
  { people, articles, articleFiles }: CommentsContext,
): { problems: ContentProblem[]; notes: string[] } {
  const problems: ContentProblem[] = [];
  const notes: string[] = [];
  const threads = new Map<string, { comments: CommentData[]; files: string[] }>();
  const foldersWithoutArticle = new Set<string>();
  for (const path of globSync('comments/**/*.json', { cwd: contentDir }).sort()) {
    const file = display(path);
    const place = commentsFilePlace(path);
    if (!place) {
      problems.push({
        file,
        problem: 'is not where comments go',
        fix: 'move it to comments/<article-slug>.json, or to comments/<article-slug>/<comment-id>.json for one comment.',
      });
      continue;
    }
    const { slug, inFolder } = place;
    const text = readContentFile(join(contentDir, path));
    const read = 'data' in text ? parseJson(text.data) : text;
    if (!('data' in read)) {
      problems.push({ file, ...read });
      continue;
    }
    let comments: CommentData[];
    try {
      comments = validateComments(read.data, file, 'data' in text ? text.data : undefined);
    } catch (error) {
      if (!(error instanceof CommentsFileError)) throw error;
      problems.push(...error.problems);
      continue;
    }
    const position = 'data' in text ? jsonFieldPositions(text.data) : () => undefined;
    problems.push(
      ...comments
        .map((comment, index) => ({ comment, index }))
        .filter(({ comment }) => comment.person !== undefined && !people.has(comment.person))
        .map(({ comment, index }) => ({
          file,
          ...position(['comments', index, 'person']),
          entry: `comment "${comment.id}"`,
          field: 'person',
          problem: `names "${comment.person}", who is not in content/people`,
          fix: `add content/people/${comment.person}.yaml with at least their name, or correct the id to the file name of a person there.`,
        })),
    );
    const article = articles.get(slug);
    if (!article) {
      // An article whose own file has a problem is reported there, once.
      if (articleFiles.has(slug)) continue;
      if (!inFolder) {
        problems.push({
          file,
          problem: `there is no article "${slug}" for these comments`,
          fix: `name the file after its article (content/articles/<slug>.mdx → content/comments/<slug>.json), or add the article.`,
        });
      } else if (!foldersWithoutArticle.has(slug)) {
        foldersWithoutArticle.add(slug);
        problems.push({
          file: `${display(`comments/${slug}`)}/`,
          problem: `there is no article "${slug}" for the comments in this folder`,
          fix: `name the folder after its article (content/articles/<slug>.mdx → content/comments/<slug>/), or add the article.`,
        });
      }
      continue;
    }
    const thread = threads.get(slug) ?? { comments: [], files: [] };
    threads.set(slug, thread);
    for (const comment of comments) {
      thread.comments.push(comment);
      thread.files.push(file);
    }
    if (article.draft && comments.length > 0) {
      notes.push(`${file}: ${comments.length} comments kept but not published, because article "${slug}" is a draft.`);
    }
  }
  for (const [slug, { comments, files }] of threads) {
    try {
      buildThread(comments, (index) => files[index]!);
    } catch (error) {
      if (!(error instanceof CommentThreadError)) throw error;
      problems.push(
        ...error.problems.map(({ source, commentId, field, problem, fix }) => ({
          file: source,
          entry: `comment "${commentId}"`,
          field,
          problem,
          fix,
        })),
      );
      continue;
    }
    const article = articles.get(slug)!;
    for (const comment of comments) article[comment.status]++;
  }
  return { problems, notes };
}
