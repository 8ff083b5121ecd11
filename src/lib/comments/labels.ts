/** Words the comment section shows, derived from the data. */

/** Heading of the comment section, WordPress style: "N thoughts on “Title”". */
export function commentCountHeading(count: number, articleTitle: string): string {
  const quoted = `“${articleTitle}”`;
  if (count === 0) return `No thoughts yet on ${quoted}`;
  if (count === 1) return `One thought on ${quoted}`;
  return `${count} thoughts on ${quoted}`;
}

/** Name shown for a comment whose writer is unknown. */
export const ANONYMOUS = 'Anonymous';

export const authorName = (author: string | undefined) => author ?? ANONYMOUS;

/** Label of the control that folds a comment's replies: "Hide 1 reply", "Show 3 replies". */
export function foldLabel(action: 'Hide' | 'Show', replies: number): string {
  return `${action} ${replies} ${replies === 1 ? 'reply' : 'replies'}`;
}
