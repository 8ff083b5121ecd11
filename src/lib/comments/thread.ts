/**
 * Threading: turns an article's flat list of comments into an ordered tree.
 * Pure and free of Astro so it can be tested directly and reused by importers.
 * Nothing here recurses: a reply chain thousands deep must not overflow the stack.
 */
import { ProblemListError } from '@/lib/problem-list-error';

/** What threading needs to know about a comment. */
export interface ThreadableComment {
  /** Unique within its file. */
  id: string;
  /** Id of the comment this one replies to; absent for a top-level comment. */
  parent?: string | undefined;
  /** When it was written; absent when unknown. */
  date?: Date | undefined;
}

export interface ThreadNode<C extends ThreadableComment> {
  comment: C;
  /** 0 for a top-level comment, 1 for a reply to it, and so on. */
  depth: number;
  /** Direct replies, oldest first. */
  replies: ThreadNode<C>[];
  /** Every reply below this comment, at any depth. */
  descendantCount: number;
}

export interface Thread<C extends ThreadableComment> {
  /** Top-level comments, oldest first. */
  roots: ThreadNode<C>[];
  /** Every published comment in the thread. */
  count: number;
  /** Comments left out because they are not published (pending or spam). */
  hiddenCount: number;
}

/** Why one comment cannot take its place in the thread, and what the editor should do about it. */
export interface ThreadProblem {
  /** The file the comment at fault came from. */
  source: string;
  /** The comment at fault. */
  commentId: string;
  /** The field to change. */
  field: 'id' | 'parent';
  /** What is wrong, as a phrase without a final full stop. */
  problem: string;
  /** What to do, as a sentence. */
  fix: string;
}

/** One line a person can act on: file, comment, field, what is wrong, what to do. */
export const formatThreadProblem = ({ source, commentId, field, problem, fix }: ThreadProblem) =>
  `${source}: comment "${commentId}", field "${field}": ${problem}. Fix: ${fix}`;

/** An article's comments whose replies do not form a tree. The message has one line per problem. */
export class CommentThreadError extends ProblemListError<ThreadProblem> {
  constructor(problems: readonly ThreadProblem[]) {
    super(problems, formatThreadProblem);
    this.name = 'CommentThreadError';
  }
}

/**
 * Siblings are shown oldest first. Dated comments come first, by date; undated comments follow in
 * file order (the order the site owner or importer wrote them in). Equal dates keep file order.
 */
function compareSiblings(a: Indexed, b: Indexed): number {
  const aTime = a.date?.getTime();
  const bTime = b.date?.getTime();
  if (aTime !== undefined && bTime !== undefined && aTime !== bTime) return aTime - bTime;
  if (aTime !== undefined && bTime === undefined) return -1;
  if (aTime === undefined && bTime !== undefined) return 1;
  return a.index - b.index;
}

interface Indexed {
  index: number;
  date?: Date | undefined;
}

/**
 * Builds the reply tree of one article's comments, which may come from several files (the article's
 * comments file and one file per submitted comment): ids are unique across all of them.
 * @param comments the article's comments in file order
 * @param source where they came from (a file path), or the file of the comment at each index; named in
 *   every error
 * @param isPublished which comments to show; the others are checked, counted apart and left out
 * @throws CommentThreadError listing every duplicate id, self-reply, missing parent and reply cycle
 */
export function buildThread<C extends ThreadableComment>(
  comments: readonly C[],
  source: string | ((index: number) => string),
  isPublished: (comment: C) => boolean = () => true,
): Thread<C> {
  const fileOf = typeof source === 'string' ? () => source : source;
  const problems: ThreadProblem[] = [];
  const byId = new Map<string, number>();
  comments.forEach((comment, index) => {
    const first = byId.get(comment.id);
    if (first !== undefined) {
      const elsewhere = fileOf(first) === fileOf(index) ? '' : ` (also in ${fileOf(first)})`;
      problems.push({
        source: fileOf(index),
        commentId: comment.id,
        field: 'id',
        problem: `is used by more than one comment${elsewhere}`,
        fix: 'give each comment an id of its own (and keep the one links already point to).',
      });
    } else {
      byId.set(comment.id, index);
    }
  });

  const children: number[][] = comments.map(() => []);
  const roots: number[] = [];
  comments.forEach((comment, index) => {
    if (byId.get(comment.id) !== index) return; // a duplicate, already reported
    const { parent } = comment;
    if (parent === undefined) {
      roots.push(index);
    } else if (parent === comment.id) {
      problems.push({
        source: fileOf(index),
        commentId: comment.id,
        field: 'parent',
        problem: 'the comment replies to itself',
        fix: 'point "parent" at the comment it answers, or remove it to make this a top-level comment.',
      });
    } else {
      const parentIndex = byId.get(parent);
      if (parentIndex === undefined) {
        problems.push({
          source: fileOf(index),
          commentId: comment.id,
          field: 'parent',
          problem: `replies to "${parent}", which is not a comment on this article`,
          fix: 'point "parent" at an existing comment id, or remove it to make this a top-level comment.',
        });
      } else {
        children[parentIndex]!.push(index);
      }
    }
  });

  const sortKey = (index: number): Indexed => ({ index, date: comments[index]!.date });
  const bySiblingOrder = (a: number, b: number) => compareSiblings(sortKey(a), sortKey(b));
  roots.sort(bySiblingOrder);
  for (const list of children) list.sort(bySiblingOrder);

  // Walk down from the top-level comments, depth first, with an explicit stack. A comment that is not
  // published is left out, and its published replies move up to its nearest published ancestor.
  const nodes = new Array<ThreadNode<C> | undefined>(comments.length);
  const reached = new Array<boolean>(comments.length).fill(false);
  const shown: { node: ThreadNode<C>; parent: ThreadNode<C> | undefined }[] = [];
  let hidden = 0;
  const stack: { index: number; depth: number; parent: ThreadNode<C> | undefined }[] = roots
    .map((index) => ({ index, depth: 0, parent: undefined }))
    .reverse();
  while (stack.length > 0) {
    const { index, depth, parent } = stack.pop()!;
    reached[index] = true;
    let below = { depth, parent };
    if (isPublished(comments[index]!)) {
      const node: ThreadNode<C> = { comment: comments[index]!, depth, replies: [], descendantCount: 0 };
      nodes[index] = node;
      shown.push({ node, parent });
      below = { depth: depth + 1, parent: node };
    } else {
      hidden++;
    }
    const replies = children[index]!;
    for (let i = replies.length - 1; i >= 0; i--) stack.push({ index: replies[i]!, ...below });
  }

  // Whatever the walk did not reach (and was not reported already) sits on a reply cycle.
  const reported = new Set<number>();
  comments.forEach((comment, index) => {
    if (reached[index] || reported.has(index) || byId.get(comment.id) !== index) return;
    if (comment.parent === undefined || comment.parent === comment.id || !byId.has(comment.parent)) return;
    const cycle = findCycleFrom(index, comments, byId);
    // Empty: it hangs below a comment with another problem; already reported: it hangs below a cycle.
    if (cycle.length === 0 || reported.has(cycle[0]!)) return;
    cycle.forEach((member) => reported.add(member));
    const ids = cycle.map((member) => `"${comments[member]!.id}"`);
    problems.push({
      source: fileOf(cycle[0]!),
      commentId: comments[cycle[0]!]!.id,
      field: 'parent',
      problem: `replies go round in a circle: ${ids.join(' → ')} → ${ids[0]}`,
      fix: 'point one of these "parent" fields at a comment outside the circle, or remove it.',
    });
  });

  if (problems.length > 0) throw new CommentThreadError(problems);

  // Link each node under its parent; pre-order keeps siblings oldest first.
  for (const { node, parent } of shown) parent?.replies.push(node);
  for (let i = shown.length - 1; i >= 0; i--) {
    const { node } = shown[i]!;
    node.descendantCount = node.replies.reduce((sum, reply) => sum + 1 + reply.descendantCount, 0);
  }

  return {
    roots: shown.filter(({ parent }) => parent === undefined).map(({ node }) => node),
    count: shown.length,
    hiddenCount: hidden,
  };
}

/**
 * Follows parent links from `start`; returns the cycle it runs into, or [] if it reaches a comment that is
 * not on one.
 */
function findCycleFrom<C extends ThreadableComment>(
  start: number,
  comments: readonly C[],
  byId: ReadonlyMap<string, number>,
): number[] {
  const seenAt = new Map<number, number>();
  const path: number[] = [];
  let current: number | undefined = start;
  while (current !== undefined && !seenAt.has(current)) {
    seenAt.set(current, path.length);
    path.push(current);
    const parent: string | undefined = comments[current]!.parent;
    if (parent === undefined || parent === comments[current]!.id) return [];
    current = byId.get(parent);
  }
  if (current === undefined) return [];
  // Start the cycle at the member that comes first in the file, so the message is stable.
  const cycle = path.slice(seenAt.get(current)!);
  const first = cycle.indexOf(Math.min(...cycle));
  return [...cycle.slice(first), ...cycle.slice(0, first)];
}
