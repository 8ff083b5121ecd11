/**
 * What the site search finds: which built pages go into the Pagefind index, which part of each page is
 * read, and which Pagefind files the site ships. Used by `integrations/search-index.ts` after each build.
 */

/**
 * The searchable pages, as a glob inside `dist/`: every article (`articles/<slug>/index.html`) and every
 * further page of its readers' questions and answers (`articles/<slug>/comments/<n>/index.html`). The
 * question forms (`articles/<slug>/ask/index.html`) are left out. Lists, tag and people pages only repeat
 * what these pages say; the 404 and search pages say nothing worth finding.
 */
export const SEARCHABLE_PAGES = 'articles/*/{index.html,comments/*/index.html}';

/*
 * The parts of a page that are read carry `data-pagefind-body`: the article (`pages/articles/[slug].astro`)
 * and the comment section (`components/comments/CommentSection.astro`). Everything else on the page (site
 * header, breadcrumbs, related articles, footer) is left out; the page's `<h1>` still gives its title.
 */

/**
 * Parts of those that are not worth finding, because every page or every comment repeats them, and
 * whose words would otherwise fill the excerpts shown in search results:
 * - the article's header: its title (Pagefind still takes the page's `<h1>` as the result's title and
 *   finds the page by it), byline, dates, reading time, comment count, review note and tags;
 * - the review dates at its foot, the numbers of its citations ("[2]") and the references' "Back to
 *   text" links;
 * - text written for screen readers only (`sr-only`: "reference" in a citation, "Non-urgent advice:" in a
 *   care card's heading), which readers of the results never saw on the page;
 * - navigation (the table of contents, comment pages);
 * - the comment section's heading ("13 thoughts on …") and standing introduction, each comment's date,
 *   permalink, "replying to" and "not medical advice" lines, and the fold controls.
 * A comment's heading and body are kept.
 */
export const SEARCH_EXCLUDE_SELECTORS: readonly string[] = [
  'article > header',
  '.review-dates',
  '.cite',
  '.references a[href^="#"]',
  '.sr-only',
  'nav',
  '#comments-heading',
  '#comments > p',
  '.comment > p',
  'details > summary',
];

/**
 * Pagefind files the search page needs: the search library, its worker and WebAssembly, and the index.
 * Pagefind also writes ready-made interfaces (`pagefind-ui.js` and others), which the site does not use.
 */
export function isShippedSearchFile(path: string): boolean {
  const file = path.replace(/\\/g, '/').replace(/^\/+/, '');
  return (
    /^(pagefind\.js|pagefind-worker\.js|pagefind-entry\.json)$/.test(file) ||
    /^wasm\.[\w-]+\.pagefind$/.test(file) ||
    /^pagefind\.[\w-]+\.pf_meta$/.test(file) ||
    /^(index|fragment|filter)\/[^/]+$/.test(file)
  );
}
