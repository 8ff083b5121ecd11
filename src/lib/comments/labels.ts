/** Words the comment section shows, derived from the data. */
import { countOf } from '@/lib/text/plural';

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
  return `${action} ${countOf(replies, 'reply', 'replies')}`;
}

/**
 * Words for the page in which some parts are what a reader wrote: those are kept apart so that the
 * page can isolate them (`dir="auto"`), and a name such as "\u202Eevil" cannot reverse the words around it.
 */
export type Phrase = readonly (string | { readerText: string })[];

/** The phrase as plain text, for tests, data and attributes. */
export const phraseText = (phrase: Phrase) =>
  phrase.map((part) => (typeof part === 'string' ? part : part.readerText)).join('');

/** What a comment needs for its heading: its own title, and the comment it answers. */
interface Headable {
  title?: string | undefined;
  author?: string | undefined;
}

/** Longest quoted question line in a reply's heading, in characters; a longer one is cut at a word. */
export const QUOTED_TITLE_CHARACTERS = 60;

/** A question line short enough to quote in a heading: cut at the last word that fits, with "…". */
export function shortTitle(title: string, limit = QUOTED_TITLE_CHARACTERS): string {
  const characters = [...title];
  if (characters.length <= limit) return title;
  const cut = characters.slice(0, limit).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > limit / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}

/**
 * Whether a heading is the stand-in `uniqueCommentHeadings` gives a top-level comment without a question
 * line ("Comment", "Comment 2", "Comment 2 (2)"), rather than words of the reader's.
 */
export const isStandInHeading = (heading: string) => /^Comment(?: \d+)?(?: \(\d+\))?$/.test(heading);

/**
 * Every comment's heading, unique among the article's comments, so that each comment (`<article>`
 * named by its heading) and each "Reply" link has a name of its own for screen readers. The heading
 * does not name the comment's writer, which the line below it shows:
 * - a comment with a question line is headed by it ("Are cramps normal?");
 * - a reply by the comment it answers: its question line, quoted ("Reply to “Are cramps normal?”"),
 *   or its writer ("Reply to Sam");
 * - a top-level comment without a question line: "Comment".
 * Headings that would be the same are numbered in reading order: "Reply 1 to Sam", "Reply 2 to Sam",
 * "Comment 1"…; a heading still taken (a repeated question line, say) gets " (2)", " (3)"… after its
 * first use.
 * @param comments the article's comments in reading order, each with the comment it answers
 */
export function uniqueCommentHeadings(
  comments: readonly { comment: Headable; parent: Headable | undefined }[],
): Phrase[] {
  const bases = comments.map(({ comment, parent }): { kind: 'title' | 'reply' | 'comment'; phrase: Phrase } => {
    if (comment.title !== undefined) return { kind: 'title', phrase: [{ readerText: comment.title }] };
    if (parent === undefined) return { kind: 'comment', phrase: [] };
    if (parent.title !== undefined)
      return { kind: 'reply', phrase: ['“', { readerText: shortTitle(parent.title) }, '”'] };
    return { kind: 'reply', phrase: parent.author === undefined ? [ANONYMOUS] : [{ readerText: parent.author }] };
  });
  const key = ({ kind, phrase }: (typeof bases)[number]) => `${kind}:${phraseText(phrase)}`;
  const uses = new Map<string, number>();
  for (const base of bases) uses.set(key(base), (uses.get(key(base)) ?? 0) + 1);
  const seen = new Map<string, number>();
  const numbered = bases.map((base): Phrase => {
    const n = (seen.get(key(base)) ?? 0) + 1;
    seen.set(key(base), n);
    const repeated = uses.get(key(base))! > 1;
    switch (base.kind) {
      case 'title':
        return base.phrase;
      case 'comment':
        return [repeated ? `Comment ${n}` : 'Comment'];
      case 'reply':
        return [repeated ? `Reply ${n} to ` : 'Reply to ', ...base.phrase];
    }
  });
  // A heading still taken (a repeated question line, or one a reader wrote as "Reply to Sam" or
  // "Comment 2") gets the first free " (2)", " (3)"…
  const taken = new Set<string>();
  return numbered.map((phrase) => {
    let unique = phrase;
    for (let n = 2; taken.has(phraseText(unique)); n++) unique = [...phrase, ` (${n})`];
    taken.add(phraseText(unique));
    return unique;
  });
}
