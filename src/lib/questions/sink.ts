/**
 * Where a reader's submitted comment goes. The handler validates a submission, then hands it to one
 * sink; each sink decides how the comment reaches the site's content:
 * - local files: appended to `content/comments/<slug>.json` with `status: "pending"` (`local-sink.ts`);
 * - GitHub: a pull request adding `content/comments/<slug>/<id>.json` (`github-sink.ts`), so that any
 *   number of open submissions on one article merge cleanly in any order.
 * Another forge is another implementation of this interface.
 */
import type { CommentInput } from '@/schemas/comments';

/** A validated comment, ready to store: never anything that identifies the reader. */
export interface Submission {
  /** Slug of the article it belongs to. */
  article: string;
  /**
   * The comment as it will be written: `id`, `date` (ISO date-time), `body`, and `parent`, `title`,
   * `author` when given. No `status`: each sink sets what it needs.
   */
  comment: CommentInput & { id: string; date: string };
}

/** What a sink says once it has the comment. */
export interface SinkReceipt {
  /** Where it went, for the log and the moderator (a file path, a pull request address). */
  location: string;
}

export interface CommentSink {
  /** What it is, for the log: "local files", "GitHub pull requests". */
  readonly name: string;
  /**
   * Stores one submission.
   * @throws SinkUnavailableError when the store cannot take it now (the reader is asked to try later,
   *   with their text kept); any other error is a fault of the site
   */
  submit(submission: Submission): Promise<SinkReceipt>;
}

/** The store cannot take submissions now (a forge down or rate-limited, a locked file). */
export class SinkUnavailableError extends Error {
  /** Seconds after which trying again may work, when the store said so. */
  readonly retryAfterSeconds: number | undefined;
  constructor(message: string, options: { retryAfterSeconds?: number | undefined; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SinkUnavailableError';
    this.retryAfterSeconds = options.retryAfterSeconds;
  }
}
