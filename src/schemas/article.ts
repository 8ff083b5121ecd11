import { z } from 'astro/zod';

import { slugifyTag } from '@/lib/discovery/tags';
import { calendarDate, editorText, REFERENCE_DATE_YEARS, SLUG, webAddress } from '@/schemas/fields';
import { oldAddress } from '@/schemas/redirects';

/** Id of a person in `content/people/`: the file name without `.yaml`. */
const personId = () =>
  z.string().regex(SLUG, 'must be the id of a person in content/people (lowercase letters, digits, hyphens)');

/** A source the article relies on, listed under "References" and cited inline as `<Cite n={1} />`. */
export const referenceSchema = () =>
  z.strictObject({
    /** Title of the source as its publisher gives it. */
    title: editorText(),
    /** Organisation or journal that published it, such as "NHS" or "BMJ"; leave out if none. */
    publisher: editorText().optional(),
    /** Address of the source; http(s) only. */
    url: webAddress(),
    /** Date the source was published or last updated; leave out if it shows none. */
    date: calendarDate(REFERENCE_DATE_YEARS).optional(),
  });

/** Who checked an article for medical accuracy, and when. */
export const medicalReviewSchema = () =>
  z.strictObject({
    /** Id of the medical reviewer in `content/people/` (the file name without `.yaml`). */
    reviewer: personId(),
    /** Date the review was completed. */
    date: calendarDate(),
  });

/** Frontmatter of an article in `content/articles/<slug>.mdx`. The file name is the slug. */
export const articleSchema = () =>
  z.strictObject({
    /** Headline shown on the page, in the browser tab and in the comment heading. */
    title: editorText(),
    /** One or two sentences for search results and the article list. */
    description: editorText(),
    /** Date this site first published the article. */
    published: calendarDate(),
    /** Date of the last meaningful change; leave out if never updated. */
    updated: calendarDate().optional(),
    /** Id of the writer in `content/people/`; leave out if not known, and the page shows no byline. */
    author: personId().optional(),
    /**
     * Topics, shown under the headline, each with a page at `/tags/<slug>/`. Spellings that make the
     * same slug ("Sleep & rest", "sleep-rest") are one tag. Defaults to none.
     */
    tags: z
      .array(
        editorText().refine(
          (tag) => slugifyTag(tag) !== '',
          'must contain a letter or a digit, to give the tag a page address',
        ),
      )
      .default([]),
    /**
     * Addresses this article had on the site it came from (a WordPress import writes its permalink and
     * `/?p=<id>`): paths on that site's host, each redirected here by the build. Leave out if none.
     */
    redirectFrom: z.array(oldAddress()).optional(),
    /**
     * Whether readers may ask questions and reply under the article (when the site takes questions at
     * all, `src/config/questions.ts`). Defaults to true; `false` keeps the published thread as it is.
     */
    questions: z.boolean().default(true),
    /** A draft is kept in the content but neither listed nor published. Defaults to false. */
    draft: z.boolean().default(false),
    /** Medical review; leave out if nobody has reviewed it, and the page will say so. */
    medicalReview: medicalReviewSchema().optional(),
    /**
     * Date an editor last checked the whole page was still accurate, if later than the medical review.
     * "Page last reviewed" shows the later of this and the medical review; the next review falls due
     * `site.reviewCycleYears` after it (or after `published` if the page was never reviewed).
     */
    lastReviewed: calendarDate().optional(),
    /** Sources, numbered in this order in the References list. Defaults to none. */
    references: z.array(referenceSchema()).default([]),
  });

export type ArticleData = z.output<ReturnType<typeof articleSchema>>;
