/**
 * The question handler in `npm run preview`, at `{base}api/questions` as on a host, loading ask pages from
 * the built site in `dist/` and storing submissions as `QUESTIONS` says (local files by default).
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';

import { questionsConfigFrom } from '@/config/questions';
import { createNodeQuestionMount } from '@/lib/questions/node-mount';

export interface PreviewQuestionsOptions {
  /** The built site. */
  root: string;
  base: string;
  contentDir: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** The handler's clock, the real time by default: a test moves it on instead of waiting. */
  now?: () => Date;
}

/**
 * The static server's `handle` hook for the question handler, or undefined when questions are off.
 * @throws Error naming each missing setting
 */
export function questionsMount({
  root,
  base,
  contentDir,
  env = process.env,
  now,
}: PreviewQuestionsOptions): ((request: IncomingMessage, response: ServerResponse) => Promise<boolean>) | undefined {
  if (questionsConfigFrom(env).sink === 'off') return undefined;
  return createNodeQuestionMount({
    env,
    contentDir,
    basePath: base,
    now,
    // The handler checks the slug's characters before asking, so it cannot leave dist/articles/.
    loadAskPage: async (slug) => {
      try {
        return await readFile(join(root, 'articles', slug, 'ask', 'index.html'), 'utf8');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw error;
      }
    },
  });
}
