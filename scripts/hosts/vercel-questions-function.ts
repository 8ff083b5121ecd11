/**
 * Vercel: the question handler as a Node.js function of the Build Output API, bundled by
 * `vercel-questions.ts` into `.vercel/output/functions/<base>api/questions.func/`. Settings are the
 * project's environment variables (QUESTIONS=github, GITHUB_TOKEN, GITHUB_REPOSITORY, QUESTIONS_SECRET, …);
 * the ask pages are copied into the function beside it, so it reads them without a request.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { questionHandlerForHost, unavailable } from '@/lib/questions/host';
import { sendWebResponse, toWebRequest } from '@/lib/questions/node-mount';

/** Folder of the function's copies of the ask pages: `<slug>.html`. */
const ASK_PAGES = join(dirname(fileURLToPath(import.meta.url)), 'ask-pages');

async function loadAskPage(slug: string): Promise<string | undefined> {
  try {
    return await readFile(join(ASK_PAGES, `${slug}.html`), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export default async function questions(request: IncomingMessage, response: ServerResponse): Promise<void> {
  let answer: Response;
  try {
    answer = await questionHandlerForHost(process.env, { loadAskPage })(toWebRequest(request, 'http://localhost'));
  } catch (error) {
    answer = unavailable(error);
  }
  await sendWebResponse(answer, response);
}
