import { z } from 'astro/zod';

import { calendarDate, editorText } from '@/schemas/fields';

/**
 * A site page that is not an article, such as the editorial policy: `content/pages/<slug>.mdx`,
 * served at `/<slug>/` and linked from the footer when `footer` is set.
 */
export const sitePageSchema = () =>
  z.strictObject({
    /** Heading and browser-tab title. */
    title: editorText(),
    /** One or two sentences for search results. */
    description: editorText(),
    /** Position in the footer's list of site pages, lowest first; leave out to keep the page out of the footer. */
    footer: z.number().int().nonnegative().optional(),
    /** Date of the last meaningful change, shown at the foot of the page; leave out if never updated. */
    updated: calendarDate().optional(),
  });

export type SitePageData = z.output<ReturnType<typeof sitePageSchema>>;
