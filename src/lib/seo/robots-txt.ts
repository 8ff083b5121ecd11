/** robots.txt: tells crawlers where the sitemap is. */

/**
 * robots.txt: everything may be crawled (the 404 page says `noindex` itself), and the sitemap is at
 * `sitemapUrl`. Crawlers read robots.txt only at a domain's root; under a base path the file is still
 * written, for a host that serves the folder at the root of another domain.
 */
export function robotsTxt(sitemapUrl: string): string {
  return ['User-agent: *', 'Allow: /', '', `Sitemap: ${sitemapUrl}`, ''].join('\n');
}
