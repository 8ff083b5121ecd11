/**
 * The question handler on a host (Netlify, Cloudflare Pages, Vercel): settings and sink from the host's
 * environment, each ask page from the site's own files. Each host's adapter is a few lines over this.
 */
import { createQuestionHandler } from './handler';
import { basePathFrom, handlerSettingsFromEnvironment, type Environment } from './settings';
import { sinkFromEnvironment } from './sinks';

export interface HostOptions {
  /** The ask page of an article from the deployed site's files; `undefined` for a 404. */
  loadAskPage: (slug: string) => Promise<string | undefined>;
}

/**
 * The handler for a host's environment. `QUESTIONS` must be `github` (a host has no files to write to),
 * with `GITHUB_TOKEN`, `GITHUB_REPOSITORY` and `QUESTIONS_SECRET`; Turnstile when both of its keys are set.
 * @throws Error naming each missing setting; the adapters answer 503 with it in the host's log
 */
export function questionHandlerForHost(env: Environment, { loadAskPage }: HostOptions) {
  return createQuestionHandler({
    sink: sinkFromEnvironment(env, { contentDir: 'content' }),
    ...handlerSettingsFromEnvironment(env),
    basePath: basePathFrom(env),
    loadAskPage,
  });
}

/**
 * What an adapter answers when the handler cannot be set up (a missing setting): 503, the reason in the
 * host's log, not on the page.
 */
export function unavailable(error: unknown): Response {
  console.error(error instanceof Error ? error.message : String(error));
  return new Response('Questions are not available right now. Please try again later.', {
    status: 503,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
