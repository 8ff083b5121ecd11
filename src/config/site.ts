/**
 * Site-wide settings, read everywhere and defined only here.
 */
import { siteSettingsFrom, siteUrlNotice } from '@/config/site-settings';

export interface SiteConfig {
  /** Name shown in the header, the page titles and the footer. */
  title: string;
  /** Default meta description for pages that have none of their own (home, 404). */
  description: string;
  /**
   * Absolute origin the site is deployed to (`SITE_URL`): canonical links, sharing tags, structured data,
   * the sitemap, robots.txt and the RSS feed give full addresses on it.
   */
  url: string;
  /** Path the site is served under (`BASE_PATH`), with leading and trailing slash; `/` at a domain's root. */
  basePath: string;
  /**
   * Who publishes the site and answers for it: named as publisher in structured data, in the footer
   * and on the about page. Replace with the real person or organisation before going live.
   */
  owner: {
    name: string;
    url?: string | undefined;
    /** Whether the owner is an organisation or a single person, for structured data. Default `Organization`. */
    type?: 'Organization' | 'Person' | undefined;
  };
  /** Years between reviews of an article: "Next review due" is this long after the last review. */
  reviewCycleYears: number;
  /** BCP 47 language tag for `<html lang>`. */
  lang: string;
  /** Locale used to format dates for readers. */
  dateLocale: string;
  /** Short medical disclaimer printed in every page footer. */
  disclaimer: string;
  /** Label on every reader answer: answers are readers' experience, not advice. */
  readerAnswerLabel: string;
  /**
   * Reply depth at which indentation stops growing. Deeper replies are listed at this depth
   * with a "replying to" link to their parent, so long chains stay readable on a phone.
   */
  maxCommentIndent: number;
  /** Top-level comment threads per page; longer comment sections continue on numbered pages. */
  commentThreadsPerPage: number;
  /** Articles per page of the article list (home page) and of each tag page; more continue on `/page/2/`… */
  articlesPerPage: number;
  /** Reading pace behind "N minute read": words per minute of an unhurried adult reader. */
  readingWordsPerMinute: number;
  /** Second-level headings an article needs before it gets a table of contents. */
  tableOfContentsMinHeadings: number;
  /** Related articles (sharing a tag) listed at the end of an article, at most. */
  relatedArticleCount: number;
  /**
   * Newest articles the RSS feed carries, in full. Feed readers fetch the feed again and again, so it holds
   * what is new, not the whole archive (WordPress's default is 10).
   */
  feedArticleCount: number;
}

export const site: SiteConfig = {
  title: 'Health Questions',
  description: 'Health articles with their readers’ questions and answers.',
  ...siteSettingsFrom(process.env),
  reviewCycleYears: 3,
  lang: 'en-GB',
  dateLocale: 'en-GB',
  disclaimer:
    'The information on this site is general and is not a substitute for advice from a doctor, pharmacist or other qualified health professional. In an emergency, call your local emergency number.',
  readerAnswerLabel: 'A reader’s experience, not medical advice',
  maxCommentIndent: 4,
  commentThreadsPerPage: 50,
  articlesPerPage: 10,
  // Adults read about 240 words a minute on screen; health pages are read more carefully.
  readingWordsPerMinute: 200,
  tableOfContentsMinHeadings: 3,
  relatedArticleCount: 3,
  feedArticleCount: 20,
};

/** Said at the end of a build that has no `SITE_URL` (`site-settings.ts`); undefined when it has one. */
export const missingSiteUrlNotice: string | undefined = siteUrlNotice(process.env);
