import { z } from 'astro/zod';

/** A calendar date written as `YYYY-MM-DD` in frontmatter (YAML may already have parsed it). */
export const calendarDate = () =>
  z.union([z.date(), z.iso.date().transform((value) => new Date(`${value}T00:00:00Z`))], {
    error: 'must be a real date written as YYYY-MM-DD',
  });

/** Who checked an article for medical accuracy, and when. */
export const medicalReviewSchema = () =>
  z.strictObject({
    /** Name of the medical reviewer, as it should appear on the page. */
    reviewer: z.string().trim().min(1),
    /** Date the review was completed. */
    date: calendarDate(),
  });

/** Frontmatter of an article in `content/articles/<slug>.mdx`. The file name is the slug. */
export const articleSchema = () =>
  z.strictObject({
    /** Headline shown on the page, in the browser tab and in the comment heading. */
    title: z.string().trim().min(1),
    /** One or two sentences for search results and the article list. */
    description: z.string().trim().min(1),
    /** Date this site first published the article. */
    published: calendarDate(),
    /** Date of the last meaningful change; leave out if never updated. */
    updated: calendarDate().optional(),
    /** Writer's name as it should appear in the byline; leave out if not known. */
    author: z.string().trim().min(1).optional(),
    /** Topics, shown under the headline. Defaults to none. */
    tags: z.array(z.string().trim().min(1)).default([]),
    /** A draft is kept in the content but neither listed nor published. Defaults to false. */
    draft: z.boolean().default(false),
    /** Medical review; leave out if nobody has reviewed it, and the page will say so. */
    medicalReview: medicalReviewSchema().optional(),
  });

export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
