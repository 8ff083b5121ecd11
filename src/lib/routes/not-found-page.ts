/** The page a static host serves for an address the site does not have (`pages/404.astro`). */
import { homePath } from '@/lib/urls';

export type NotFoundPageData = {
  /** The list of articles, where a lost reader can start again. */
  homeHref: string;
};

export function notFoundPageData(): NotFoundPageData {
  return { homeHref: homePath() };
}
