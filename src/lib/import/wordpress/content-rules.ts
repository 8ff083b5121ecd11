/**
 * The content check's rules, applied to every file before the importer hands it on: whatever
 * `npm run check:content` would refuse is repaired with a warning, or left out with a reason, and
 * never written broken. The files are read back and checked with the site's own schemas and
 * `buildThread`, so a rule added there applies to the importer too; nothing here restates a rule.
 */
import { extractFrontmatter } from 'astro/markdown';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';

import { buildThread, CommentThreadError } from '@/lib/comments/thread';
import { articleSchema } from '@/schemas/article';
import { commentsFileSchema } from '@/schemas/comments';
import { personSchema } from '@/schemas/person';

import { serializeArticle, type ArticleFrontmatter } from '@/lib/import/wordpress/articles';
import type { ImportedComment, ReattachedReply } from '@/lib/import/wordpress/comments';
import { serializePerson, type ImportedPerson } from '@/lib/import/wordpress/people';
import { titleFromSlug } from '@/lib/import/wordpress/text';
import type { ConversionWarning } from '@/lib/import/wordpress/warnings';

/** The schemas, made once: building a schema costs more than checking a file with it. */
let schemas:
  | {
      article: ReturnType<typeof articleSchema>;
      commentsFile: ReturnType<typeof commentsFileSchema>;
      person: ReturnType<typeof personSchema>;
    }
  | undefined;
const contentSchemas = () =>
  (schemas ??= { article: articleSchema(), commentsFile: commentsFileSchema(), person: personSchema() });

/** Quotes a value for a one-line message, cut short if long. */
function quoted(value: unknown): string {
  const text = JSON.stringify(typeof value === 'string' ? value : String(value)) ?? '""';
  return text.length > 60 ? `${text.slice(0, 50)}…" (${String(value).length} characters)` : text;
}

/** Reads a file's frontmatter back as the content check does (YAML core schema: dates stay text). */
function frontmatterData(contents: string): unknown {
  return loadYaml(extractFrontmatter(contents) ?? '', { schema: CORE_SCHEMA }) ?? {};
}

/** An article file the content check accepts, or why none could be made. */
export type CheckedArticle =
  | { contents: string; frontmatter: ArticleFrontmatter; warnings: ConversionWarning[] }
  | { refused: string; warnings: ConversionWarning[] };

/**
 * Serializes an article and checks it with the article schema. A refused tag, update date or
 * author is left out, a refused title is made from the slug and a refused description replaced by
 * the title, each with a warning; anything else refuses the article.
 * @param describeItem names the item in messages, such as `post 12`
 */
export function checkedArticle(
  article: { slug: string; frontmatter: ArticleFrontmatter; markdown: string; source: string },
  describeItem: string,
): CheckedArticle {
  const schema = contentSchemas().article;
  const frontmatter: ArticleFrontmatter = { ...article.frontmatter, tags: [...article.frontmatter.tags] };
  const warnings: ConversionWarning[] = [];
  const warn = (message: string) => warnings.push({ kind: 'field', message: `${describeItem}: ${message}` });
  for (;;) {
    const contents = serializeArticle(frontmatter, article.markdown, article.source);
    let data: unknown;
    try {
      data = frontmatterData(contents);
    } catch (error) {
      return {
        refused: `its frontmatter is not valid YAML (${(error as { reason?: string }).reason ?? String(error)})`,
        warnings,
      };
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) return { contents, frontmatter, warnings };
    let repaired = false;
    const refusedTags = new Set<number>();
    for (const issue of parsed.error.issues) {
      const [field, index] = issue.path;
      if (field === 'tags' && typeof index === 'number' && !refusedTags.has(index)) {
        refusedTags.add(index);
        warn(`tag ${quoted(frontmatter.tags[index])} ${issue.message}; left out`);
      } else if ((field === 'updated' || field === 'author') && frontmatter[field] !== undefined) {
        warn(`${field} ${quoted(frontmatter[field])} ${issue.message}; left out`);
        if (field === 'updated') delete frontmatter.updated;
        else delete frontmatter.author;
        repaired = true;
      } else if (field === 'title' && frontmatter.title !== titleFromSlug(article.slug)) {
        warn(
          `title ${quoted(frontmatter.title)} ${issue.message}; titled "${titleFromSlug(article.slug)}" from its slug`,
        );
        frontmatter.title = titleFromSlug(article.slug);
        repaired = true;
      } else if (field === 'description' && frontmatter.description !== frontmatter.title) {
        warn(`description ${quoted(frontmatter.description)} ${issue.message}; the title is used instead`);
        frontmatter.description = frontmatter.title;
        repaired = true;
      }
    }
    if (refusedTags.size > 0) {
      frontmatter.tags = frontmatter.tags.filter((_tag, index) => !refusedTags.has(index));
      repaired = true;
    }
    if (!repaired) {
      const reasons = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'frontmatter'} ${issue.message}`);
      return { refused: reasons.join('; '), warnings };
    }
  }
}

const personProblems = new WeakMap<ImportedPerson, { problem: string | undefined }>();

/** Why a person's file would fail the person schema, or undefined when it passes; checked once per person. */
export function personFileProblem(person: ImportedPerson): string | undefined {
  let known = personProblems.get(person);
  if (!known) {
    const parsed = contentSchemas().person.safeParse(loadYaml(serializePerson(person), { schema: CORE_SCHEMA }));
    const problem = parsed.success
      ? undefined
      : parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
    known = { problem };
    personProblems.set(person, known);
  }
  return known.problem;
}

/** Why a comment was left out by the content check, as the report counts it. */
export const REFUSED_COMMENT = 'refused by the content check';

export interface CheckedComments {
  /** Comments the comments file schema and the thread accept. */
  comments: ImportedComment[];
  /** Comments left out, each with a `refused` warning. */
  refused: number;
  /** Replies whose parent was left out, and where they hang now. */
  reattached: ReattachedReply[];
  warnings: ConversionWarning[];
}

/** Fields a comment can do without: left out when refused. */
const OPTIONAL_FIELDS = new Set(['author', 'authorUrl', 'date']);

/**
 * Checks one article's comments as the content check will read them: the comments file schema,
 * then the thread. A refused author, web address or date is left out; a refused question line is
 * put back at the top of the body; a reply to itself, to a missing comment or in a circle becomes
 * a top-level comment (in a circle, the one that comes first in the export, as `buildThread` names
 * it); a comment refused for anything else (its body, its id) is left out and its replies move up.
 * @param source the comments file, for messages
 */
export function checkedComments(input: readonly ImportedComment[], source: string): CheckedComments {
  const schema = contentSchemas().commentsFile;
  let comments = input.map((comment) => ({ ...comment }));
  const warnings: ConversionWarning[] = [];
  const reattached: ReattachedReply[] = [];
  let refused = 0;
  for (;;) {
    // What the file will hold, read back as JSON.
    const parsed = schema.safeParse(JSON.parse(JSON.stringify({ comments })));
    const leftOut = new Set<number>();
    let changed = false;
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const [, index, field] = issue.path;
        if (typeof index !== 'number' || leftOut.has(index)) continue;
        const comment = comments[index]!;
        const name = `comment ${comment.id}`;
        if (typeof field === 'string' && OPTIONAL_FIELDS.has(field)) {
          const key = field as 'author' | 'authorUrl' | 'date';
          if (comment[key] === undefined) continue;
          warnings.push({
            kind: 'field',
            message: `${name}: ${field} ${quoted(comment[key])} ${issue.message}; left out`,
          });
          if (key === 'author') delete comment.author;
          else if (key === 'authorUrl') delete comment.authorUrl;
          else delete comment.date;
        } else if (field === 'title' && comment.title !== undefined) {
          warnings.push({
            kind: 'field',
            message: `${name}: question line ${quoted(comment.title)} ${issue.message}; kept at the top of the body`,
          });
          comment.body = `**${escapeCommentText(comment.title)}**\n\n${comment.body}`;
          delete comment.title;
        } else {
          const what = typeof field === 'string' ? `${field} ${quoted(comment[field as keyof ImportedComment])}` : 'it';
          warnings.push({ kind: 'refused', message: `${name}: ${what} ${issue.message}; not written` });
          leftOut.add(index);
        }
        changed = true;
      }
    } else {
      try {
        buildThread(parsed.data.comments, source);
        return { comments, refused, reattached, warnings };
      } catch (error) {
        if (!(error instanceof CommentThreadError)) throw error;
        for (const problem of error.problems) {
          const matching = comments.flatMap((comment, index) => (comment.id === problem.commentId ? [index] : []));
          if (problem.field === 'id') {
            // A duplicate id: the first comment keeps it.
            for (const index of matching.slice(1)) {
              warnings.push({
                kind: 'refused',
                message: `comment ${problem.commentId}: ${problem.problem}; not written`,
              });
              leftOut.add(index);
            }
          } else {
            const comment = comments[matching[0]!]!;
            warnings.push({
              kind: 'thread',
              message: `comment ${comment.id}: ${problem.problem}; now a top-level comment`,
            });
            delete comment.parent;
          }
          changed = true;
        }
      }
    }
    if (!changed) throw new Error(`${source}: the content check refuses comments the importer cannot repair`);
    if (leftOut.size === 0) continue;
    // Replies to a comment left out hang from its parent instead.
    const parentOf = new Map(comments.map((comment) => [comment.id, comment.parent]));
    // A duplicate id left out still names the comment that keeps it.
    const keptIds = new Set(comments.filter((_comment, index) => !leftOut.has(index)).map((comment) => comment.id));
    const leftOutIds = new Set([...leftOut].map((index) => comments[index]!.id).filter((id) => !keptIds.has(id)));
    const keptParent = (id: string | undefined): string | undefined => {
      const seen = new Set<string>();
      while (id !== undefined && leftOutIds.has(id) && !seen.has(id)) {
        seen.add(id);
        id = parentOf.get(id);
      }
      return id !== undefined && leftOutIds.has(id) ? undefined : id;
    };
    comments = comments.filter((comment, index) => {
      if (leftOut.has(index)) return false;
      if (comment.parent !== undefined && leftOutIds.has(comment.parent)) {
        const attachedTo = keptParent(comment.parent);
        reattached.push({
          comment: comment.id,
          parent: comment.parent,
          parentReason: REFUSED_COMMENT,
          ...(attachedTo === undefined ? {} : { attachedTo }),
        });
        if (attachedTo === undefined) delete comment.parent;
        else comment.parent = attachedTo;
      }
      return true;
    });
    refused += leftOut.size;
  }
}

/** Plain text made safe to put in a comment body, which is read as Markdown with a few tags. */
const escapeCommentText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/\*/g, '\\*');
