import { z } from 'astro/zod';

import { commentBodyShowsText } from '@/lib/comments/render-body-reference';
import { findLineControl, hasVisibleText } from '@/lib/text/visible-text';
import { commentDate, SLUG } from '@/schemas/fields';

/**
 * Limits every comment obeys, wherever it comes from: a comments file, the WordPress importer, the
 * question form, the moderation command. One place, so all of them refuse the same comment.
 */
export const COMMENT_LIMITS = {
  /** Characters in a body: WordPress's own limit for a comment (65,525). */
  bodyCharacters: 65_525,
  /** Characters in a question line. */
  titleCharacters: 300,
  /** Characters in a display name. */
  authorCharacters: 100,
} as const;

const count = (value: number) => value.toLocaleString('en-GB');

/** Too many characters, said the same way for every field: how many it has, how many it may have. */
const tooLong = (length: number, limit: number, what: string) =>
  `is ${count(length)} characters long, more than the ${count(limit)} ${what} may have: shorten it`;

/**
 * A one-line text a reader wrote, such as a name or a question line: trimmed, at most `limit`
 * characters (UTF-16 code units, as JavaScript counts them), with something visible in it and no
 * control characters.
 */
const readerLine = (limit: number, what: string) =>
  z
    .string()
    .trim()
    .superRefine((value, context) => {
      if (value.length > limit)
        return context.addIssue({ code: 'custom', message: tooLong(value.length, limit, what) });
      const control = findLineControl(value);
      if (control)
        return context.addIssue({
          code: 'custom',
          message: `contains the control character ${control.codePoint} at character ${control.position}: remove it`,
        });
      if (!hasVisibleText(value))
        context.addIssue({
          code: 'custom',
          message:
            'must contain visible text, not only spaces or invisible characters: write it, or leave the field out',
        });
    });

/** Characters allowed in a comment id: it becomes the `#comment-<id>` anchor. */
export const COMMENT_ID = /^[A-Za-z0-9_-]+$/;

/** One reader comment: a question (top level, usually with a title) or an answer (with a parent). */
export const commentSchema = () =>
  z.strictObject({
    /** Stable id, unique within the file; never reuse or renumber it, links point at it. */
    id: z
      .union([z.string(), z.number().int().nonnegative().transform(String)])
      .pipe(z.string().regex(COMMENT_ID, 'must use only letters, digits, "-" and "_"')),
    /** Id of the comment this one replies to; leave out for a top-level question. */
    parent: z
      .union([z.string(), z.number().int().nonnegative().transform(String)], { error: 'must be a comment id' })
      .optional(),
    /** Display name the writer chose; leave out if unknown and the page shows "Anonymous". */
    author: readerLine(COMMENT_LIMITS.authorCharacters, 'a name').optional(),
    /** The writer's own web page, linked from their name; only http(s) addresses are accepted. */
    authorUrl: z.url({ protocol: /^https?$/, error: 'must be a full http:// or https:// address' }).optional(),
    /** When it was written: `YYYY-MM-DD` or an ISO date-time, from 1900 to 2200; leave out if unknown. */
    date: commentDate().optional(),
    /**
     * Id of a person in `content/people/` when the site's own writer or clinician wrote this comment
     * (a staff answer): shown as "Answered by <name>, <credentials>" with a link to their page. Only the
     * site's files can set it; `author` free text never produces that badge.
     */
    person: z
      .string()
      .regex(SLUG, 'must be the id of a person in content/people (lowercase letters, digits, hyphens)')
      .optional(),
    /** The question line of a reader question; answers usually have none. */
    title: readerLine(COMMENT_LIMITS.titleCharacters, 'a question line').optional(),
    /**
     * What the reader wrote, as plain text: a single newline is a line break, a blank line a new
     * paragraph. A little Markdown and WordPress's comment tags are shown; anything else is removed.
     * At most `COMMENT_LIMITS.bodyCharacters` characters (UTF-16 code units, which a WordPress comment
     * never exceeds: its limit counts bytes), and it must show some visible text once rendered.
     */
    body: z.string().superRefine((value, context) => {
      if (value.length > COMMENT_LIMITS.bodyCharacters)
        return context.addIssue({
          code: 'custom',
          message: `${tooLong(value.length, COMMENT_LIMITS.bodyCharacters, 'a comment')}, or split it into two comments`,
        });
      if (value.trim() === '') return context.addIssue({ code: 'custom', message: 'must not be empty' });
      if (!commentBodyShowsText(value))
        context.addIssue({
          code: 'custom',
          message: 'must contain visible text: it has only spaces, invisible characters or markup that shows nothing',
        });
    }),
    /**
     * Moderation status. Only approved comments are published; pending and spam comments stay in the
     * file for the record and are never rendered. Defaults to approved.
     */
    status: z.enum(['approved', 'pending', 'spam']).default('approved'),
  });

/** A comments file `content/comments/<article-slug>.json`: the article's comments as a flat list. */
export const commentsFileSchema = () =>
  z.strictObject({
    /** Every comment on the article, in any order; replies point at their parent by id. */
    comments: z.array(commentSchema()),
  });

export type CommentData = z.output<ReturnType<typeof commentSchema>>;

/** Whether readers see the comment: only approved comments are published. */
export const isPublishedComment = (comment: Pick<CommentData, 'status'>) => comment.status === 'approved';
/** A comment as written in a comments file, before validation fills in defaults. */
export type CommentInput = z.input<ReturnType<typeof commentSchema>>;
