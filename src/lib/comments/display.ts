/**
 * Shapes a comment thread for display: what each comment shows, and how deep it is indented.
 * Indentation stops at `maxIndent`; replies below that are listed at the cap, oldest-thread order
 * kept, each saying which comment it replies to. The result is at most `maxIndent` lists deep,
 * however long a reply chain is, so components can nest it without deep recursion.
 */
import type { Thread, ThreadableComment, ThreadNode } from './thread';

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
 * A comment to show: with its body already rendered to safe HTML (`bodyHtml`, as the content layer keeps
 * published comments, without their Markdown), or with its Markdown `body` for `renderBody` to render.
 */
export type DisplayableComment = ThreadableComment & {
  author?: string | undefined;
  authorUrl?: string | undefined;
  title?: string | undefined;
} & ({ body?: undefined; bodyHtml: string } | { body: string; bodyHtml?: string | undefined });

export interface DisplayOptions {
  /** Deepest indentation level; at least 1. */
  maxIndent: number;
  /** Turns a body into safe HTML, for comments that do not bring their `bodyHtml`. */
  renderBody: (body: string) => string;
}

export const commentAnchor = (id: string) => `comment-${id}`;

export function toDisplayThread<C extends DisplayableComment>(
  thread: Thread<C>,
  { maxIndent, renderBody }: DisplayOptions,
): DisplayComment[] {
  if (!Number.isInteger(maxIndent) || maxIndent < 1) throw new RangeError('maxIndent must be a whole number ≥ 1');

  const show = (node: ThreadNode<C>, replyingTo: DisplayComment['replyingTo']): DisplayComment => ({
    id: node.comment.id,
    anchor: commentAnchor(node.comment.id),
    permalink: `#${commentAnchor(node.comment.id)}`,
    author: node.comment.author,
    // Serialized by the URL parser, so quotes and angle brackets arrive percent-encoded.
    authorUrl: node.comment.authorUrl === undefined ? undefined : new URL(node.comment.authorUrl).href,
    date: node.comment.date,
    title: node.comment.title,
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
          shownAwayFromParent ? { anchor: commentAnchor(parent.comment.id), author: parent.comment.author } : undefined,
        ),
      );
      for (let i = current.replies.length - 1; i >= 0; i--) stack.push({ node: current.replies[i]!, parent: current });
    }
    return list;
  };

  const build = (node: ThreadNode<C>): DisplayComment => {
    const comment = show(node, undefined);
    comment.replies = node.depth + 1 >= maxIndent ? flatten(node) : node.replies.map(build);
    comment.hiddenCount = node.descendantCount;
    return comment;
  };

  return thread.roots.map(build);
}
