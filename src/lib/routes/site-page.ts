/**
 * Site pages from `content/pages/<slug>.mdx` (about, editorial policy, medical disclaimer…), at `/<slug>/`:
 * what `pages/[slug].astro` shows besides the rendered MDX.
 */
import { site } from '@/config/site';
import { getSitePages, type SitePage } from '@/lib/content';
import { formatDate, machineDate } from '@/lib/dates';
import { usesCallouts } from '@/lib/editorial/callouts';

export type SitePageData = {
  title: string;
  description: string;
  /** Whether the text uses a health callout, whose styles the page then loads. */
  usesCallouts: boolean;
  /** "Page last updated", when the frontmatter gives `updated`. */
  updated: { datetime: string; text: string } | undefined;
};

/** Every site page. The content check keeps them off the addresses the site's other routes use. */
export async function sitePagePaths() {
  return (await getSitePages()).map((page) => ({ params: { slug: page.id }, props: { page } }));
}

export function sitePageData(page: Pick<SitePage, 'data' | 'body'>): SitePageData {
  const { title, description, updated } = page.data;
  return {
    title,
    description,
    usesCallouts: usesCallouts(page.body ?? ''),
    updated: updated && { datetime: machineDate(updated), text: formatDate(updated, site.dateLocale) },
  };
}
