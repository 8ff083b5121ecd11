/**
 * Breadcrumbs: where a page sits in the site, shown as a trail of links and given to search engines
 * as schema.org `BreadcrumbList` data.
 */

/** One step of the trail. The last step is the page itself. */
export interface Crumb {
  /** Text of the step, such as the site's name, a tag or the article's title. */
  name: string;
  /** Address of the step within the site, base path included (from `src/lib/urls.ts`). */
  path: string;
}

/**
 * The trail as a schema.org `BreadcrumbList`, with absolute addresses on `siteUrl`. Serialize it with
 * `serializeJsonLd`.
 */
export function breadcrumbList(crumbs: readonly Crumb[], siteUrl: string) {
  return { '@context': 'https://schema.org', ...breadcrumbListData(crumbs, siteUrl) };
}

/** The same `BreadcrumbList` without `@context`, to nest as a page's `breadcrumb` property. */
export function breadcrumbListData(crumbs: readonly Crumb[], siteUrl: string) {
  return {
    '@type': 'BreadcrumbList' as const,
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem' as const,
      position: index + 1,
      name: crumb.name,
      item: new URL(crumb.path, siteUrl).href,
    })),
  };
}
