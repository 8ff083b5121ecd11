/**
 * The sink the `QUESTIONS` setting chooses, built from the environment: the one place that turns settings
 * into a sink, for the question handler on every host and for the preview and dev servers. The local
 * sink's module (files and locks) is loaded only when a submission is stored locally; a handler bundled
 * for an edge runtime that cannot load Node modules at all can use `gitHubSinkFromEnvironment` directly.
 */
import { questionsConfigFrom } from '@/config/questions';

import { gitHubSinkFromEnvironment } from '@/lib/questions/github-sink';
import type { CommentSink, Submission } from '@/lib/questions/sink';

/**
 * @param env the environment (Node's, or a Cloudflare Worker's `env`)
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
  return gitHubSinkFromEnvironment(env);
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
      sink ??= import('@/lib/questions/local-store').then(({ createLocalSink }) => createLocalSink(contentDir));
      return (await sink).submit(submission);
    },
  };
}
