/**
 * The bodies of published comments, read from their comments file when a page shows them. The content
 * store keeps every other field (`src/content.config.ts`): Astro holds the whole store in memory
 * through a build and bundles it into the build's code, and the bodies were a third of it.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

import { decodeContentFile, parseJson } from '@/lib/content-text';

/**
 * Each comment's Markdown body in the comments file at `path` (as the content store names it, from the
 * project folder), by comment id, read as the content check reads the file.
 * @throws Error naming the file when it can no longer be read as a comments file: it changed during the build
 */
export function readCommentBodies(path: string): Map<string, string> {
  const changed = (why: string) =>
    new Error(`${path}: ${why} since the build read it: it changed during the build. Build again.`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(path));
  } catch {
    throw changed('the file is gone');
  }
  const text = decodeContentFile(bytes);
  const parsed = 'data' in text ? parseJson(text.data) : text;
  if (!('data' in parsed)) throw changed('the file is no longer valid JSON');
  const comments = (parsed.data as { comments?: unknown } | null)?.comments;
  if (!Array.isArray(comments)) throw changed('the file has no "comments" list any more');
  const bodies = new Map<string, string>();
  for (const comment of comments as { id?: unknown; body?: unknown }[]) {
    if (typeof comment?.id === 'string' && typeof comment.body === 'string') bodies.set(comment.id, comment.body);
  }
  return bodies;
}

/**
 * The body of comment `id` in `bodies` (from `readCommentBodies` of `path`).
 * @throws Error naming the file and comment when the file no longer holds it
 */
export function commentBody(bodies: ReadonlyMap<string, string>, path: string, id: string): string {
  const body = bodies.get(id);
  if (body === undefined)
    throw new Error(
      `${path}: comment "${id}" is no longer in the file (or has no text) since the build read it: it changed during the build. Build again.`,
    );
  return body;
}
