/**
 * The bodies of comments, read from their comments file when a page shows them. The content store keeps
 * every other field and a digest of the body (`src/content.config.ts`): Astro holds the whole store in
 * memory through a build and bundles it into the build's code, and the bodies were a third of it. A body
 * is used only when its digest is the stored one, so a page never shows text the schema did not validate,
 * nor text its incremental-build key does not cover.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

import { parseJson, readContentFile, type ContentRead } from '@/lib/content-files';

/** A short digest of a comment's body, as the content store keeps it. */
export const bodyDigest = (body: string): string => createHash('sha256').update(body).digest('hex').slice(0, 16);

/** A comments file as the content store keeps it: each comment without its body, with the body's digest. */
export function withoutBodies<Comment extends { body: string }>({
  comments,
}: {
  comments: Comment[];
}): { comments: (Omit<Comment, 'body'> & { bodyDigest: string })[] } {
  return {
    comments: comments.map((comment) => {
      const { body, ...kept } = comment;
      return { ...kept, bodyDigest: bodyDigest(body) };
    }),
  };
}

/**
 * Each comment's Markdown body in the comments file at `path` (as the content store names it, from the
 * project folder), by comment id, read as the content check reads the file.
 * @throws Error naming the file when it can no longer be read as a comments file: it changed during the build
 */
export function readCommentBodies(path: string): Map<string, string> {
  const changed = (why: string) =>
    new Error(
      `${path}: ${why} since the build read it: it changed while the site was being built. Build again (in npm run dev, reload the page).`,
    );
  let text: ContentRead<string>;
  try {
    text = readContentFile(resolve(path));
  } catch {
    throw changed('the file is gone');
  }
  const parsed = 'data' in text ? parseJson(text.data) : text;
  if (!('data' in parsed)) throw changed(`the file can no longer be read (${parsed.problem})`);
  const comments = (parsed.data as { comments?: unknown } | null)?.comments;
  if (!Array.isArray(comments)) throw changed('the file has no "comments" list any more');
  const bodies = new Map<string, string>();
  for (const comment of comments as { id?: unknown; body?: unknown }[]) {
    if (typeof comment?.id === 'string' && typeof comment.body === 'string') bodies.set(comment.id, comment.body);
  }
  return bodies;
}

/**
 * The body of comment `id` in `bodies` (from `readCommentBodies` of `path`), which must have the digest the
 * content store keeps.
 * @throws Error naming the file and comment when the file no longer holds that body
 */
export function commentBody(bodies: ReadonlyMap<string, string>, path: string, id: string, digest: string): string {
  const body = bodies.get(id);
  if (body === undefined || bodyDigest(body) !== digest)
    throw new Error(
      `${path}: comment "${id}" ${body === undefined ? 'is no longer in the file (or has no text)' : 'has another text'} since the build read it: it changed while the site was being built. Build again (in npm run dev, reload the page).`,
    );
  return body;
}
