/**
 * The question handler on a host (Netlify, Cloudflare Pages, Vercel): settings and sink from the host's
 * environment, each ask page from the site's own files. Each host's adapter is a few lines over this.
 */
import { plural } from '@/lib/text/plural';

import { createGitHubSink } from '@/lib/questions/github-sink';
import { createQuestionHandler } from '@/lib/questions/handler';
import { basePathFrom, handlerSettingsFromEnvironment, type Environment } from '@/lib/questions/settings';
import type { CommentSink } from '@/lib/questions/sink';

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
    sink: hostSink(env),
    ...handlerSettingsFromEnvironment(env),
    basePath: basePathFrom(env),
    loadAskPage,
  });
}

/**
 * The GitHub sink, the one sink a host can use. Not `sinkFromEnvironment` (`sinks.ts`): that module also
 * reaches the local sink's files and locks, which a Cloudflare Worker cannot bundle, and its settings module
 * reads the Node environment when loaded, which a Worker does not have.
 * @throws Error naming each missing setting, as `sinkFromEnvironment` does
 */
export function hostSink(env: Environment): CommentSink {
  const problems: string[] = [];
  if (env.QUESTIONS?.trim().toLowerCase() !== 'github') {
    problems.push(`QUESTIONS is ${env.QUESTIONS ? `"${env.QUESTIONS}"` : 'not set'}: set QUESTIONS=github on a host.`);
  }
  const missing = ['GITHUB_TOKEN', 'GITHUB_REPOSITORY'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    problems.push(
      `${missing.join(' and ')} ${plural(missing.length, 'is', 'are')} not set: set GITHUB_TOKEN to a fine-grained token for the site’s repository and GITHUB_REPOSITORY to owner/name.`,
    );
  }
  if (problems.length > 0) throw new Error(`Reader questions: ${problems.join(' ')}`);
  return createGitHubSink({
    token: env.GITHUB_TOKEN!.trim(),
    repository: env.GITHUB_REPOSITORY!.trim(),
    branch: env.GITHUB_BRANCH?.trim() || 'main',
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
