/**
 * Reading and writing the text of a comments file, `{ "comments": [ … ] }`, the way the content check reads
 * it and the way the site's files are written. Pure: no files, so the local sink, the moderation command
 * and their tests share one parser and one formatter.
 */
import { buildThread, CommentThreadError } from '@/lib/comments/thread';
import { formatProblem, type ContentProblem } from '@/lib/content-check/problems';
import { jsonFieldPositions } from '@/lib/content-check/field-positions';
import { fieldPath as pathOfField, schemaProblems } from '@/lib/content-check/schema-problems';
import { decodeContentFile, parseJson } from '@/lib/content-text';
import { ProblemListError } from '@/lib/problem-list-error';
import { commentsFileSchema, type CommentData, type CommentInput } from '@/schemas/comments';

/** A comments file that cannot be read or must not be written; the message has one line per problem. */
export class CommentsFileError extends ProblemListError<ContentProblem> {
  constructor(problems: readonly ContentProblem[]) {
    super(problems, formatProblem);
    this.name = 'CommentsFileError';
  }
}

/** A comments file's comments: as written (to write back unchanged) and as validated (dates as `Date`). */
export interface ParsedComments {
  written: CommentInput[];
  validated: CommentData[];
}

/**
 * The comments of a comments file's bytes (decoded and parsed by `content-files.ts`, as the check and the
 * build read them), validated with the content check's schema and messages.
 * @param file the file's name for messages, such as `content/comments/leg-cramps.json`
 * @throws CommentsFileError naming every problem, as `npm run check:content` words it
 */
export function parseCommentsFile(bytes: Uint8Array, file: string): ParsedComments {
  const text = decodeContentFile(bytes);
  const read = 'data' in text ? parseJson(text.data) : text;
  if (!('data' in read)) throw new CommentsFileError([{ file, ...read }]);
  const data = read.data;
  return {
    written: (data as { comments: CommentInput[] }).comments,
    validated: validateComments(data, file, 'data' in text ? text.data : undefined),
  };
}

let fileSchema: ReturnType<typeof commentsFileSchema> | undefined;

/**
 * Validates a comments file's data with the schema.
 * @param text the file's text, when there is one, so each problem gives its line and column
 * @throws CommentsFileError naming each comment and field at fault
 */
export function validateComments(data: unknown, file: string, text?: string): CommentData[] {
  // Built once: the content check validates thousands of files.
  fileSchema ??= commentsFileSchema();
  const parsed = fileSchema.safeParse(data);
  if (parsed.success) return parsed.data.comments;
  const comments = (data as { comments?: unknown } | null)?.comments;
  throw new CommentsFileError(
    schemaProblems(
      file,
      parsed.error,
      data,
      (fieldPath) => {
        if (fieldPath[0] !== 'comments' || typeof fieldPath[1] !== 'number') {
          return { entry: undefined, field: fieldPath.length > 0 ? pathOfField(fieldPath) : undefined };
        }
        const id = Array.isArray(comments) ? (comments[fieldPath[1]] as { id?: unknown } | undefined)?.id : undefined;
        const entry =
          typeof id === 'string' || typeof id === 'number' ? `comment "${id}"` : `comment number ${fieldPath[1] + 1}`;
        return { entry, field: fieldPath.length > 2 ? pathOfField(fieldPath.slice(2)) : undefined };
      },
      text === undefined ? {} : { position: jsonFieldPositions(text) },
    ),
  );
}

/**
 * Checks that comments form threads: unique ids, every parent present, no circles.
 * @param comments every comment of the article (all its files), in file order
 * @throws CommentsFileError with the check's wording
 */
export function validateThreading(comments: readonly CommentData[], file: string): void {
  try {
    buildThread(comments, file);
  } catch (error) {
    if (!(error instanceof CommentThreadError)) throw error;
    throw new CommentsFileError(
      error.problems.map(({ commentId, field, problem, fix }) => ({
        file,
        entry: `comment "${commentId}"`,
        field,
        problem,
        fix,
      })),
    );
  }
}

/** The order fields are written in: who and what it answers first, then when, then the words, then moderation. */
const FIELD_ORDER = ['id', 'parent', 'person', 'author', 'authorUrl', 'date', 'title', 'body', 'status'] as const;

/** A comment with its fields in the files' order (any field the schema later gains follows them). */
export function orderFields(comment: CommentInput): CommentInput {
  const ordered: Record<string, unknown> = {};
  for (const key of FIELD_ORDER) if (comment[key] !== undefined) ordered[key] = comment[key];
  for (const [key, value] of Object.entries(comment))
    if (!(key in ordered) && value !== undefined) ordered[key] = value;
  return ordered as CommentInput;
}

/** The text of a comments file as the site's files are written: 2-space JSON, fields in order, a final newline. */
export function formatCommentsFile(comments: readonly CommentInput[]): string {
  return `${JSON.stringify({ comments: comments.map(orderFields) }, null, 2)}\n`;
}
