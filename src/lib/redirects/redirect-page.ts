/**
 * A small HTML page standing at an old address, for hosts that read no redirect rules (GitHub Pages): it
 * sends the reader on at once, names the new page as canonical for search engines, and carries a
 * `#comment-123` fragment across, which a `<meta http-equiv="refresh">` alone would drop.
 */

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * @param target the new page's path on this site (base path included), percent-encoded
 * @param canonical the new page's full address on the public origin
 */
export function redirectPageHtml(target: string, canonical: string): string {
  // JSON.stringify makes a JavaScript string of it; `<` is escaped so no `</script>` can close the element.
  const targetScript = JSON.stringify(target).replace(/</g, '\\u003c');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<title>This page has moved</title>',
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${escapeHtml(canonical)}">`,
    // The fragment (an old #comment-123 link) is only known in the browser: the script adds it. Without
    // JavaScript the refresh still leads to the page, at its top.
    `<script>location.replace(${targetScript} + location.hash)</script>`,
    `<noscript><meta http-equiv="refresh" content="0; url=${escapeHtml(target)}"></noscript>`,
    '</head>',
    '<body>',
    `<p>This page has moved to <a href="${escapeHtml(target)}">${escapeHtml(canonical)}</a>.</p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/**
 * The file in `dist/` that answers an old path on a static host, relative to the base path: `2019/05/x/`
 * and `2019/05/x` are `2019/05/x/index.html`; `old.html` is itself. Undefined for a path a file cannot
 * answer (the site's root, or one ending in another extension such as `feed.xml`).
 */
export function redirectPageFile(pathBelowBase: string): string | undefined {
  const path = pathBelowBase.replace(/^\/+/, '');
  if (path === '') return undefined;
  if (/\.html?$/i.test(path)) return path;
  const last = path.replace(/\/$/, '').split('/').at(-1)!;
  if (last.includes('.')) return undefined;
  return `${path.replace(/\/$/, '')}/index.html`;
}
