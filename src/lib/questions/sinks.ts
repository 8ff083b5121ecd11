/**
 * The sink the `QUESTIONS` setting chooses, built from the environment: the one place that turns settings
 * into a sink, for the question handler on every host and for the preview and dev servers.
 */
import { questionsConfigFrom } from '@/config/questions';

import { createGitHubSink } from './github-sink';
import type { CommentSink, Submission } from './sink';

/**
 * @param env the environment (`process.env`, or a Cloudflare Worker's `env`)
 * @param options.contentDir the content folder the local sink writes into
 * @throws Error when questions are off, and naming every missing or malformed setting
 */
export function sinkFromEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  options: { contentDir: string },
): CommentSink {
  const { sink } = questionsConfigFrom(env);
  if (sink === 'off') {
    throw new Error('Reader questions are off (QUESTIONS=off, or unset on a host): there is nowhere to store them.');
  }
  if (sink === 'local') return lazyLocalSink(options.contentDir);
  const missing = ['GITHUB_TOKEN', 'GITHUB_REPOSITORY'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new Error(
      `Reader questions go to GitHub (QUESTIONS=github), but ${missing.join(' and ')} ${missing.length === 1 ? 'is' : 'are'} not set: ` +
        'set GITHUB_TOKEN to a fine-grained token for the site’s repository and GITHUB_REPOSITORY to owner/name.',
    );
  }
  return createGitHubSink({
    token: env.GITHUB_TOKEN!.trim(),
    repository: env.GITHUB_REPOSITORY!.trim(),
    branch: env.GITHUB_BRANCH?.trim() || 'main',
  });
}

/**
 * The local sink, its module (files and locks, Node only) loaded on the first submission, so that a
 * handler built for Cloudflare or Vercel Edge with the GitHub sink never runs Node-only code.
 */
function lazyLocalSink(contentDir: string): CommentSink {
  let sink: Promise<CommentSink> | undefined;
  return {
    name: 'local files',
    async submit(submission: Submission) {
      sink ??= import('./local-store').then(({ createLocalSink }) => createLocalSink(contentDir));
      return (await sink).submit(submission);
    },
  };
}
