/**
 * Turns Pagefind's search results into what the search page shows: one entry per page, with the
 * readers' comments that match linked straight to each comment, each named by the question it belongs
 * to. Runs in the browser (the search page's script) and in the tests; it never builds HTML from a
 * string, so no indexed text can become markup.
 */
import { isStandInHeading, shortTitle } from '@/lib/comments/labels';

/** Where an element with an `id` starts in a page's indexed text (Pagefind's `anchors`). */
export interface PagefindAnchor {
  element: string;
  id: string;
  text?: string;
  /** Position of the element's first word among the page's words. */
  location: number;
}

/** A part of a page that matches, from one heading to the next (Pagefind's `sub_results`). */
export interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
  /** The heading this part starts at; absent for the part before the first heading. */
  anchor?: PagefindAnchor;
  /** Each matching word with how well it matches (Pagefind's ranking of the word in this part). */
  weighted_locations?: { balanced_score: number }[];
}

/** What Pagefind's `result.data()` gives, as far as the search page uses it. */
export interface PagefindResultData {
  url: string;
  excerpt: string;
  /** The page's indexed text; a word's location is its position among the words of this text. */
  content: string;
  meta: { title?: string };
  anchors: PagefindAnchor[];
  sub_results: PagefindSubResult[];
}

/** A run of excerpt text, `marked` where it matches the search words. */
export interface ExcerptPart {
  text: string;
  marked: boolean;
}

export interface CommentHit {
  /**
   * Which comment it is, named by the question it belongs to: "Question: Is tea safe?", "Reply to the
   * question “Is tea safe?”"; for a comment without a question line, its opening words.
   */
  title: string;
  /** The comment's permalink on the page that shows it: `…/#comment-<id>`. */
  url: string;
  excerpt: ExcerptPart[];
}

export interface PageHit {
  title: string;
  url: string;
  /** Where the page's own text matches; empty when only its comments do. */
  excerpt: ExcerptPart[];
  /** Matching readers' comments on this page, in page order. */
  comments: CommentHit[];
}

/** Marks a comment's `<article>` (see `lib/comments/thread-html.ts`). */
const COMMENT_ANCHOR = /^comment-/;
/** Marks a conversation's list item: a top-level comment and its replies (`lib/comments/thread-html.ts`). */
const CONVERSATION_ANCHOR = /^conversation-/;

/**
 * Splits a Pagefind excerpt into text runs. Pagefind writes `<` and `>` of the indexed text as `&lt;` and
 * `&gt;` and wraps matching words in `<mark>…</mark>`; nothing else in an excerpt is markup. The text is
 * given back as plain text, to be shown with text nodes.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  let marked = false;
  for (const token of excerpt.split(/(<\/?mark>)/)) {
    if (token === '<mark>' || token === '</mark>') {
      marked = token === '<mark>';
      continue;
    }
    if (token) parts.push({ text: token.replace(/&lt;/g, '<').replace(/&gt;/g, '>'), marked });
  }
  return parts;
}

/**
 * The comment a heading belongs to: each comment is an `<article id="comment-…">` whose first element is
 * its heading, so the article and its heading start at the same word. Any other heading (the article's
 * own, the comment section's) starts where no comment does.
 */
export function commentAt(anchors: PagefindAnchor[], heading: PagefindAnchor): PagefindAnchor | undefined {
  return anchors.find(
    (anchor) => anchor.element === 'article' && COMMENT_ANCHOR.test(anchor.id) && anchor.location === heading.location,
  );
}

/**
 * The conversation a comment belongs to: the last conversation starting at or before it. Its question
 * (the top-level comment) starts at the same word, with its heading.
 */
function conversationOf(anchors: PagefindAnchor[], comment: PagefindAnchor): PagefindAnchor | undefined {
  let found: PagefindAnchor | undefined;
  for (const anchor of anchors) {
    if (anchor.location > comment.location) break;
    if (anchor.element === 'li' && CONVERSATION_ANCHOR.test(anchor.id)) found = anchor;
  }
  return found;
}

const HEADING = /^h[1-6]$/;

/**
 * The opening words of the comment whose body starts at word `start`, up to where the next comment
 * starts, cut as a quoted question line is.
 */
function openingWords(data: PagefindResultData, start: number): string {
  const next = data.anchors.find((anchor) => anchor.element === 'article' && anchor.location >= start);
  const words = data.content.split(/\s+/).filter(Boolean);
  return shortTitle(words.slice(start, Math.min(next?.location ?? Infinity, start + 40)).join(' '));
}

/**
 * How a search result names a matching comment. A question is named by its question line; a reply by
 * the question of its conversation, since its own heading only says whom it answers ("Reply to
 * Anonymous"). A comment without a question line is named by its opening words.
 */
export function commentTitle(data: PagefindResultData, comment: PagefindAnchor, heading: PagefindAnchor): string {
  const conversation = conversationOf(data.anchors, comment);
  // The last heading starting there: the comment section's own heading may start at the same word.
  const questionHeading =
    conversation &&
    data.anchors.findLast((anchor) => HEADING.test(anchor.element) && anchor.location === conversation.location);
  // An index built before conversations were marked: the comment's own heading is all there is.
  if (!questionHeading) return `Reader comment: ${heading.text ?? ''}`;
  const text = questionHeading.text ?? '';
  const untitled = isStandInHeading(text);
  const name = untitled
    ? `“${openingWords(data, questionHeading.location + text.split(/\s+/).length)}”`
    : `“${shortTitle(text)}”`;
  if (comment.location === conversation.location) return untitled ? `Comment: ${name}` : `Question: ${name}`;
  return untitled ? `Reply to the comment ${name}` : `Reply to the question ${name}`;
}

/** How well a part of a page matches: the sum of its matching words' scores. */
const score = (sub: PagefindSubResult) =>
  (sub.weighted_locations ?? []).reduce((sum, location) => sum + location.balanced_score, 0);

/**
 * A page's matches: its own text, and each matching comment with its permalink, best match first (a
 * comment page holds fifty conversations; the one that matches every word should not be the fiftieth).
 */
export function toPageHit(data: PagefindResultData): PageHit {
  const comments: { hit: CommentHit; heading: string; score: number }[] = [];
  let excerpt: ExcerptPart[] = [];
  for (const sub of data.sub_results) {
    const comment = sub.anchor && commentAt(data.anchors, sub.anchor);
    if (sub.anchor && comment) {
      comments.push({
        hit: {
          title: commentTitle(data, comment, sub.anchor),
          url: `${data.url}#${comment.id}`,
          excerpt: excerptParts(sub.excerpt),
        },
        heading: sub.anchor.text ?? sub.title,
        score: score(sub),
      });
    } else if (excerpt.length === 0) {
      excerpt = excerptParts(sub.excerpt);
    }
  }
  if (data.sub_results.length === 0) excerpt = excerptParts(data.excerpt);
  // Replies in one conversation share its name: each then also says its own heading ("Reply to Sam").
  const uses = new Map<string, number>();
  for (const { hit } of comments) uses.set(hit.title, (uses.get(hit.title) ?? 0) + 1);
  for (const entry of comments) if (uses.get(entry.hit.title)! > 1) entry.hit.title += ` (${entry.heading})`;
  return {
    title: data.meta.title ?? data.url,
    url: data.url,
    excerpt,
    // Array.prototype.sort is stable: equally good matches stay in page order.
    comments: comments.sort((a, b) => b.score - a.score).map(({ hit }) => hit),
  };
}

/** The control that unfolds the matching comments of a page beyond the first few. */
export function moreCommentsLabel(hidden: number): string {
  return `Show ${hidden} more matching ${hidden === 1 ? 'comment' : 'comments'}`;
}

/** What the live region says once a search is done. */
export function resultsMessage(query: string, pages: number): string {
  if (pages === 0) return `No pages match “${query}”. Try other words, or fewer.`;
  return `${pages} ${pages === 1 ? 'page matches' : 'pages match'} “${query}”.`;
}
