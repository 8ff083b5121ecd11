/**
 * Comments files as the content store gives them to `lib/content.ts`, for tests that fake `astro:content`:
 * parsed by the real schema, stored without their bodies as `src/content.config.ts` stores them, each
 * written to a real file that the entry's `filePath` names, where pages read the bodies.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';

import { withoutBodies } from '@/lib/comments/file-bodies';
import { commentsFileSchema, type CommentInput } from '@/schemas/comments';

/** This test file's content folder. */
const folder = mkdtempSync(join(tmpdir(), 'stored-comments-'));

/** The entry of the comments file `id` (`<slug>` or `<slug>/<comment id>`), its file written with `comments`. */
export function storedCommentsEntry(id: string, comments: CommentInput[], digest = JSON.stringify(comments)) {
  const file = join(folder, 'content', 'comments', `${id}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ comments }));
  // As Astro names it: from the project folder, which the tests run in.
  const filePath = relative(process.cwd(), file);
  return {
    id,
    collection: 'comments',
    digest,
    filePath,
    data: withoutBodies(commentsFileSchema().parse({ comments })),
  };
}
