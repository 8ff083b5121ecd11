/**
 * Shapes a comment thread for display: what each comment shows, and how deep it is indented.
 * Indentation stops at `maxIndent`; replies below that are listed at the cap, oldest-thread order
 * kept, each saying which comment it replies to. The result is at most `maxIndent` lists deep,
 * however long a reply chain is, so components can nest it without deep recursion.
 */
import { validUrl } from '@/lib/valid-url';
import { uniqueCommentHeadings, type Phrase } from '@/lib/comments/labels';
import type { Thread, ThreadableComment, ThreadNode } from '@/lib/comments/thread';

/** A person of the site's own (`content/people/`) who answered a comment: a staff answer. */
export interface StaffMember {
  /** Their id, the file name in `content/people/`; their page is `personPath(id)`. */
  id: string;
  name: string;
  credentials?: string | undefined;
  /** Their role for readers, such as "GP" or "Pharmacist". */
  role?: string | undefined;
  /** Their page elsewhere, such as a professional register. */
  profileUrl?: string | undefined;
}

/** A comment as the thread component shows it. */
export interface DisplayComment {
  id: string;
  /** Fragment id of the comment's element: `comment-<id>`. */
  anchor: string;
  /** Address of the comment on the page that shows it; `#<anchor>` until pages are known. */
  permalink: string;
  /** Name the writer gave, or undefined when unknown. */
  author: string | undefined;
  /** The writer's web page (http or https only, checked by the schema). */
  authorUrl: string | undefined;
  date: Date | undefined;
  /** The question line, when the comment has one. */
  title: string | undefined;
  /** The comment's heading, unique among the article's comments (`uniqueCommentHeadings`). */
  heading: Phrase;
  /** The site's own writer or clinician who wrote it (a staff answer), from the comment's `person`. */
  staff: StaffMember | undefined;
  /** Where "Reply" leads (the question form answering this comment); undefined when replies are closed. */
  replyHref: string | undefined;
  /** Sanitized HTML of the body. */
  bodyHtml: string;
  /** True depth in the conversation: 0 for a question, 1 for an answer to it, … */
  depth: number;
  /** Set when the comment is shown below the indentation cap, away from its parent. */
  replyingTo: { anchor: string; author: string | undefined } | undefined;
  /** Replies shown nested under this comment (empty below the cap, where replies follow as siblings). */
  replies: DisplayComment[];
  /** How many comments folding `replies` hides. */
  hiddenCount: number;
}

/**
 * A comment to show: with its Markdown `body` for `renderBody` to render (as the site's pages give it, read
 * from the comment's file), or with its body already rendered to safe HTML (`bodyHtml`).
 */
export type DisplayableComment = ThreadableComment & {
  author?: string | undefined;
  authorUrl?: string | undefined;
  title?: string | undefined;
  /** Id of a person in `content/people/` when the site's own writer or clinician wrote it. */
  person?: string | undefined;
} & ({ body?: undefined; bodyHtml: string } | { body: string; bodyHtml?: string | undefined });

export interface DisplayOptions {
  /** Deepest indentation level; at least 1. */
  maxIndent: number;
  /** Turns a body into safe HTML, for comments that do not bring their `bodyHtml`. */
  renderBody: (body: string) => string;
  /**
   * The person a staff answer's `person` names.
   * @throws an Error naming the comment when there is no such person (the content check reports it first)
   */
  findPerson?: (personId: string, commentId: string) => StaffMember;
  /** Where "Reply" under a comment leads; leave out when the article takes no replies. */
  replyHref?: (commentId: string) => string;
}

const noPeople = (personId: string, commentId: string): never => {
  throw new Error(`Comment "${commentId}" names person "${personId}", but no people were given to look them up.`);
};

export const commentAnchor = (id: string) => `comment-${id}`;

/**
 * Id of a conversation, the list item holding a top-level comment and its replies: site search finds
 * with it the question a matching reply belongs to (`lib/search/results.ts`).
 */
export const conversationAnchor = (id: string) => `conversation-${id}`;

export function toDisplayThread<C extends DisplayableComment>(
  thread: Thread<C>,
  { maxIndent, renderBody, findPerson = noPeople, replyHref }: DisplayOptions,
): DisplayComment[] {
  if (!Number.isInteger(maxIndent) || maxIndent < 1) throw new RangeError('maxIndent must be a whole number ≥ 1');

  /** Every comment shown, in reading order, with the comment it answers: for their headings. */
  const shown: { display: DisplayComment; comment: C; parent: C | undefined }[] = [];
  const show = (
    node: ThreadNode<C>,
    parent: ThreadNode<C> | undefined,
    replyingTo: DisplayComment['replyingTo'],
  ): DisplayComment => {
    const display = showComment(node, replyingTo);
    shown.push({ display, comment: node.comment, parent: parent?.comment });
    return display;
  };
  const showComment = (node: ThreadNode<C>, replyingTo: DisplayComment['replyingTo']): DisplayComment => ({
    id: node.comment.id,
    anchor: commentAnchor(node.comment.id),
    permalink: `#${commentAnchor(node.comment.id)}`,
    author: node.comment.author,
    // A valid URL string: quotes, angle brackets, brackets and a second # arrive percent-encoded.
    authorUrl: node.comment.authorUrl === undefined ? undefined : validUrl(node.comment.authorUrl),
    date: node.comment.date,
    title: node.comment.title,
    heading: [],
    staff: node.comment.person === undefined ? undefined : findPerson(node.comment.person, node.comment.id),
    replyHref: replyHref?.(node.comment.id),
    bodyHtml:
      node.comment.body === undefined
        ? node.comment.bodyHtml
        : (node.comment.bodyHtml ?? renderBody(node.comment.body)),
    depth: node.depth,
    replyingTo,
    replies: [],
    hiddenCount: 0,
  });

  /** Every reply below `node`, in reading order (depth first, oldest first), as one flat list. */
  const flatten = (node: ThreadNode<C>): DisplayComment[] => {
    const list: DisplayComment[] = [];
    const stack: { node: ThreadNode<C>; parent: ThreadNode<C> }[] = node.replies
      .map((reply) => ({ node: reply, parent: node }))
      .reverse();
    while (stack.length > 0) {
      const { node: current, parent } = stack.pop()!;
      const shownAwayFromParent = parent !== node;
      list.push(
        show(
          current,
          parent,
          shownAwayFromParent ? { anchor: commentAnchor(parent.comment.id), author: parent.comment.author } : undefined,
        ),
      );
      for (let i = current.replies.length - 1; i >= 0; i--) stack.push({ node: current.replies[i]!, parent: current });
    }
    return list;
  };

  const build = (node: ThreadNode<C>, parent: ThreadNode<C> | undefined): DisplayComment => {
    const comment = show(node, parent, undefined);
    comment.replies = node.depth + 1 >= maxIndent ? flatten(node) : node.replies.map((reply) => build(reply, node));
    comment.hiddenCount = node.descendantCount;
    return comment;
  };

  const roots = thread.roots.map((root) => build(root, undefined));
  const headings = uniqueCommentHeadings(shown);
  shown.forEach(({ display }, index) => (display.heading = headings[index]!));
  return roots;
}

/** Whether any of these threads holds a staff answer (a comment written by a person of the site's own). */
export function hasStaffAnswer(threads: readonly DisplayComment[]): boolean {
  // Display trees are at most a few levels deep but may be very wide: walk them with a stack.
  const stack = [...threads];
  while (stack.length > 0) {
    const comment = stack.pop()!;
    if (comment.staff) return true;
    stack.push(...comment.replies);
  }
  return false;
}
