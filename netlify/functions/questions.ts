/**
 * Netlify Functions (v2 API): the question handler at /api/questions. Settings are the site's environment
 * variables in Netlify (QUESTIONS=github, GITHUB_TOKEN, GITHUB_REPOSITORY, QUESTIONS_SECRET, …); ask pages
 * come from the site itself. https://docs.netlify.com/functions/api/
 */
import { askPageOverHttp, basePathFrom } from '@/lib/questions/settings';
import { questionHandlerForHost, unavailable } from '@/lib/questions/host';

/** The part of Netlify's context object used here. */
interface NetlifyContext {
  site: { url?: string | undefined };
}

export default async (request: Request, context: NetlifyContext): Promise<Response> => {
  try {
    const handle = questionHandlerForHost(process.env, {
      loadAskPage: askPageOverHttp(fetch, context.site.url ?? new URL(request.url).origin, basePathFrom(process.env)),
    });
    return await handle(request);
  } catch (error) {
    return unavailable(error);
  }
};

/** Netlify reads this literally: with a BASE_PATH, put it in front (`/health-blog/api/questions`). */
export const config = { path: '/api/questions' };
