/** The search page, `/search/`: the addresses `pages/search.astro` and its script (`scripts/search-page.ts`) use. */
import { homePath, searchLibraryPath, searchPath } from '@/lib/urls';

export type SearchPageData = {
  /** Where the form sends `?q=` without JavaScript: the page itself. */
  action: string;
  /** Pagefind's script, which the page's script loads. */
  libraryPath: string;
  /** The site's root, which result addresses are relative to, and where readers without JavaScript browse. */
  homeHref: string;
};

export function searchPageData(): SearchPageData {
  return { action: searchPath(), libraryPath: searchLibraryPath(), homeHref: homePath() };
}
