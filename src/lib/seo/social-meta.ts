/**
 * Open Graph and Twitter card tags: what a link shows when it is shared in a chat, a social network or a
 * messaging app. Every byte counts on the article page (tests/site/page-budget.test.ts), so only tags that
 * change what is shown are written: X (Twitter) reads the Open Graph title, description and image when its
 * own tags are missing, so only `twitter:card` is added; the image's size (always `SHARE_IMAGE`, in `brand.ts`) and
 * `og:locale` are left out, as sharing platforms read the image itself and show the page's text as it is.
 */
import { machineDate } from '@/lib/dates';

/** One `<meta>` tag. Open Graph names go in `property`, Twitter's in `name`. */
export type MetaTag = { property: string; content: string } | { name: string; content: string };

export interface SocialMetaInput {
  /** The page's own title, without the site name (which goes into `og:site_name`). */
  title: string;
  description: string;
  /** The page's canonical address. */
  url: string;
  /** `article` for an article, `website` for everything else. */
  type: 'website' | 'article';
  /** Full address of the sharing image, and what it shows for people who cannot see it. */
  image: { url: string; alt: string };
  siteName: string;
  /** For articles: first published and last changed. */
  published?: Date | undefined;
  modified?: Date | undefined;
}

/** The sharing tags of a page, in the order they are written. */
export function socialMeta(input: SocialMetaInput): MetaTag[] {
  const tags: MetaTag[] = [
    { property: 'og:type', content: input.type },
    { property: 'og:title', content: input.title },
    { property: 'og:description', content: input.description },
    { property: 'og:url', content: input.url },
    { property: 'og:site_name', content: input.siteName },
    { property: 'og:image', content: input.image.url },
    { property: 'og:image:alt', content: input.image.alt },
  ];
  if (input.type === 'article') {
    if (input.published) tags.push({ property: 'article:published_time', content: machineDate(input.published) });
    if (input.modified) tags.push({ property: 'article:modified_time', content: machineDate(input.modified) });
  }
  tags.push({ name: 'twitter:card', content: 'summary_large_image' });
  return tags;
}
