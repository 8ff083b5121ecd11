/**
 * What the question handler accepts beyond the comment schema: limits against spam and abuse that a
 * comments file written by the site's editors does not need. `COMMENT_LIMITS` (`schemas/comments.ts`)
 * holds the lengths every comment obeys.
 */
import { COMMENT_LIMITS } from '@/schemas/comments';

export const QUESTION_LIMITS = {
  /**
   * Links in one submission (counted in the question line and the text): real questions rarely need
   * more than one or two; advertising needs many.
   */
  links: 3,
  /**
   * Bytes of a request body, read no further. Enough for the longest allowed text in any script: a form
   * sends a character outside ASCII as up to three `%XX` bytes per UTF-8 byte, nine bytes in all.
   */
  requestBytes:
    9 * (COMMENT_LIMITS.bodyCharacters + COMMENT_LIMITS.titleCharacters + COMMENT_LIMITS.authorCharacters) + 16 * 1024,
  /** A form sent sooner than this after it was served was not filled in by a person. */
  minimumSecondsOpen: 3,
  /** A form older than this is refused (asked to send again): a token cannot be kept and replayed for ever. */
  maximumSecondsOpen: 24 * 60 * 60,
} as const;

/** `http://…`, `https://…`, `www.…` and HTML links (`<a `), each counted once. */
const LINK = /https?:\/\/|(?<![\w./-])www\.|<a[\s>]/gi;

/** How many links a text holds, as the link limit counts them. */
export const countLinks = (text: string) => text.match(LINK)?.length ?? 0;

/** Whether a text shows anything at all: the one rule of the comment schema, the renderer and the importer. */
export { hasVisibleText } from '@/lib/text/visible-text';
