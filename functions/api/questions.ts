/**
 * Cloudflare Pages Functions: the question handler at /api/questions (this file's path). Settings are the
 * project's variables and secrets (QUESTIONS=github, GITHUB_TOKEN, GITHUB_REPOSITORY, QUESTIONS_SECRET, …);
 * ask pages come from the deployment's own static files through `env.ASSETS`.
 * https://developers.cloudflare.com/pages/functions/api-reference/
 */
import { askPageOverHttp, basePathFrom } from '@/lib/questions/settings';
import { questionHandlerForHost, unavailable } from '@/lib/questions/host';

/** The part of Cloudflare's `EventContext` used here. */
interface PagesContext {
  request: Request;
  /** The project's variables and secrets, and its bindings (`ASSETS`, the static files). */
  env: { ASSETS: { fetch: (url: URL) => Promise<Response> } } & Record<string, unknown>;
}

export const onRequest = async ({ request, env }: PagesContext): Promise<Response> => {
  // Settings are the text values; bindings are objects.
  const settings: Record<string, string> = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  try {
    const handle = questionHandlerForHost(settings, {
      loadAskPage: askPageOverHttp((url) => env.ASSETS.fetch(url), new URL(request.url).origin, basePathFrom(settings)),
    });
    return await handle(request);
  } catch (error) {
    return unavailable(error);
  }
};
