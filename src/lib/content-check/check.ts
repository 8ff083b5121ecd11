/**
 * Checks the content folder before a build: every article's frontmatter, every comments file, every
 * thread. Reads the files itself, so it runs in a second without building (`npm run check:content`)
 * and reports every problem of the run at once, one line each.
 */
import { globSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

import { extractFrontmatter } from 'astro/markdown';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';

import { buildThread, CommentThreadError } from '@/lib/comments/thread';
import { articleSchema } from '@/schemas/article';
import { commentsFileSchema, type CommentData } from '@/schemas/comments';

import { lineAndColumn, type ContentProblem } from './problems';
import { schemaProblems } from './schema-problems';

/** What the check found for one article. */
export interface ArticleCounts {
  slug: string;
  draft: boolean;
  /** Comments that will be published. */
  approved: number;
  pending: number;
  spam: number;
}

export interface ContentReport {
  /** Problems that must stop a build. */
  problems: ContentProblem[];
  /** Things worth knowing that are not errors, one line each. */
  notes: string[];
  /** Every valid article, with its comment counts. */
  articles: ArticleCounts[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * @param contentDir folder holding `articles/` and `comments/`
 * @param root folder that file names in messages are relative to (the project)
 */
export function checkContent(contentDir: string, root = process.cwd()): ContentReport {
  const problems: ContentProblem[] = [];
  const notes: string[] = [];
  const display = (path: string) => relative(root, join(contentDir, path)) || path;
  // Made once: building a schema costs more than checking a file with it.
  const frontmatterSchema = articleSchema();
  const commentsSchema = commentsFileSchema();

  // Articles
  const articles = new Map<string, ArticleCounts>();
  for (const path of globSync('articles/**/*.mdx', { cwd: contentDir }).sort()) {
    const file = display(path);
    const slug = path.slice('articles/'.length, -'.mdx'.length);
    const entry = `article "${slug}"`;
    if (!SLUG.test(slug)) {
      problems.push({
        file,
        entry,
        problem: 'the file name is not a valid page address',
        fix: 'rename the file using only lowercase letters, digits and hyphens, such as leg-cramps.mdx.',
      });
      continue;
    }
    const text = readFileSync(join(contentDir, path), 'utf8');
    const frontmatter = extractFrontmatter(text);
    if (frontmatter === undefined) {
      problems.push({
        file,
        entry,
        problem: 'has no frontmatter',
        fix: 'start the file with a block between two "---" lines holding at least title, description and published.',
      });
      continue;
    }
    let data: unknown;
    try {
      // The core schema keeps dates as text, so an impossible date such as 2024-02-30 is caught
      // instead of silently becoming 1 March.
      data = loadYaml(frontmatter, { schema: CORE_SCHEMA }) ?? {};
    } catch (error) {
      const mark = (error as { mark?: { line: number; column: number }; reason?: string }).mark;
      problems.push({
        file,
        entry,
        problem: `the frontmatter is not valid YAML${mark ? ` at line ${mark.line + 2}, column ${mark.column + 1}` : ''} (${(error as { reason?: string }).reason ?? String(error)})`,
        fix: 'check quotes, colons and indentation on that line.',
      });
      continue;
    }
    const parsed = frontmatterSchema.safeParse(data);
    if (!parsed.success) {
      problems.push(
        ...schemaProblems(file, parsed.error, data, (fieldPath) => ({
          entry,
          field: fieldPath.length > 0 ? fieldPath.map(String).join('.') : undefined,
        })),
      );
      continue;
    }
    articles.set(slug, { slug, draft: parsed.data.draft, approved: 0, pending: 0, spam: 0 });
  }

  // Comments
  for (const path of globSync('comments/**/*.json', { cwd: contentDir }).sort()) {
    const file = display(path);
    const slug = path.slice('comments/'.length, -'.json'.length);
    const text = readFileSync(join(contentDir, path), 'utf8');
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch (error) {
      const message = (error as Error).message;
      const offset = /position (\d+)/.exec(message)?.[1];
      const at = offset === undefined ? lineAndColumn(text, text.length) : lineAndColumn(text, Number(offset));
      problems.push({
        file,
        problem: `is not valid JSON at line ${at.line}, column ${at.column} (${message.replace(/ in JSON at position.*$/, '').replace(/^Unexpected/, 'unexpected')})`,
        fix: 'look for a missing comma, quote or bracket just before that point.',
      });
      continue;
    }
    const parsed = commentsSchema.safeParse(data);
    if (!parsed.success) {
      const comments = (data as { comments?: unknown } | null)?.comments;
      problems.push(
        ...schemaProblems(file, parsed.error, data, (fieldPath) => {
          if (fieldPath[0] !== 'comments' || typeof fieldPath[1] !== 'number') {
            return { entry: undefined, field: fieldPath.length > 0 ? fieldPath.map(String).join('.') : undefined };
          }
          const id = Array.isArray(comments) ? (comments[fieldPath[1]] as { id?: unknown } | undefined)?.id : undefined;
          const entry =
            typeof id === 'string' || typeof id === 'number' ? `comment "${id}"` : `comment number ${fieldPath[1] + 1}`;
          return { entry, field: fieldPath.length > 2 ? fieldPath.slice(2).map(String).join('.') : undefined };
        }),
      );
      continue;
    }
    const comments: CommentData[] = parsed.data.comments;
    try {
      buildThread(comments, file);
    } catch (error) {
      if (!(error instanceof CommentThreadError)) throw error;
      problems.push(
        ...error.problems.map(({ commentId, field, problem, fix }) => ({
          file,
          entry: `comment "${commentId}"`,
          field,
          problem,
          fix,
        })),
      );
      continue;
    }
    const article = articles.get(slug);
    if (!article) {
      problems.push({
        file,
        problem: `there is no article "${slug}" for these comments`,
        fix: `name the file after its article (content/articles/<slug>.mdx → content/comments/<slug>.json), or add the article.`,
      });
      continue;
    }
    for (const comment of comments) article[comment.status]++;
    if (article.draft && comments.length > 0) {
      notes.push(`${file}: ${comments.length} comments kept but not published, because article "${slug}" is a draft.`);
    }
  }

  return { problems, notes, articles: [...articles.values()] };
}
