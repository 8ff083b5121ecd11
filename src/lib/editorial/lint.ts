/**
 * The editorial lint: what an editor should look at before or after publishing an article, as warnings
 * with a fix each. Nothing here stops a build; `npm run lint:content -- --strict` fails on warnings.
 */
import { formatDate } from '@/lib/dates';
import { countOf } from '@/lib/text/plural';

import { fleschKincaidGrade } from '@/workers/readability';
import type { RenderedArticle } from '@/workers/rendered-article';
import { reviewDates, type ReviewInput } from '@/lib/editorial/review';

/**
 * Longest description shown whole in search results: search engines cut snippets at about 155–160
 * characters (roughly 920 pixels on a desktop results page), and the site uses the description as the
 * page's meta description.
 */
export const DESCRIPTION_LIMIT = 160;

/** Days before the next review is due from which the lint says it is coming. */
export const REVIEW_DUE_SOON_DAYS = 30;

/**
 * Highest Flesch–Kincaid grade that health information for the public should need: the US National
 * Institutes of Health and the American Medical Association advise grade 6 to 8.
 */
export const GRADE_LIMIT = 8;

/** What the lint knows of an article's frontmatter (read loosely: the content check judges the rest). */
export interface LintedFrontmatter extends ReviewInput {
  description?: string | undefined;
  references: unknown[];
}

export interface LintInput {
  /** Article file, relative to the project: `content/articles/leg-cramps.mdx`. */
  file: string;
  frontmatter: LintedFrontmatter;
  /** The article body as built, or undefined when there is no current build of the page to read. */
  rendered: RenderedArticle | undefined;
}

export interface LintOptions {
  /** The day to judge review dates against. */
  today: Date;
  /** `site.reviewCycleYears`. */
  reviewCycleYears: number;
  /** Locale for dates in messages. */
  dateLocale: string;
}

/** A warning: what is wrong and what to do. */
export interface LintWarning {
  file: string;
  /** What is wrong, as a phrase without a final full stop. */
  problem: string;
  /** What to do, as a sentence. */
  fix: string;
}

export interface ArticleLint {
  file: string;
  warnings: LintWarning[];
  /** Flesch–Kincaid grade of the body, when it was read and has words. */
  grade: number | undefined;
  /** Words in the body's prose, when it was read. */
  words: number | undefined;
}

const DAY = 86_400_000;

function reviewWarnings(input: LintInput, options: LintOptions): Omit<LintWarning, 'file'>[] {
  const { lastReviewed, nextReviewDue } = reviewDates(input.frontmatter, options.reviewCycleYears);
  const due = formatDate(nextReviewDue, options.dateLocale);
  const since = lastReviewed
    ? `last reviewed ${formatDate(lastReviewed, options.dateLocale)}`
    : `never reviewed, published ${formatDate(input.frontmatter.published, options.dateLocale)}`;
  const fix =
    'check the article is still accurate, then set lastReviewed (or medicalReview.date, after a medical review) to the day of the review.';
  const days = Math.ceil((nextReviewDue.getTime() - options.today.getTime()) / DAY);
  if (days < 0) return [{ problem: `review overdue: it was due on ${due} (${since})`, fix }];
  if (days <= REVIEW_DUE_SOON_DAYS)
    return [{ problem: `review due on ${due}, in ${countOf(days, 'day')} (${since})`, fix }];
  return [];
}

function frontmatterWarnings({ frontmatter }: LintInput): Omit<LintWarning, 'file'>[] {
  const warnings: Omit<LintWarning, 'file'>[] = [];
  const description = frontmatter.description?.trim() ?? '';
  if (!description) {
    warnings.push({
      problem: 'no description',
      fix: 'add description: one or two sentences saying what the article answers, for search results and the article list.',
    });
  } else if (description.length > DESCRIPTION_LIMIT) {
    warnings.push({
      problem: `the description is ${description.length} characters; search results show about ${DESCRIPTION_LIMIT}, so its end is cut off`,
      fix: `shorten it to ${DESCRIPTION_LIMIT} characters or fewer.`,
    });
  }
  if (frontmatter.references.length === 0) {
    warnings.push({
      problem: 'no references',
      fix: 'list the sources the article relies on under references (title, publisher, url, date) and cite them in the text.',
    });
  }
  return warnings;
}

/** Markdown's way of writing a heading level. */
const hashes = (level: number) => '#'.repeat(level);

/** Headings must go down one level at a time; under the page title (`<h1>`) the first is level 2. */
export function headingWarnings(headings: RenderedArticle['headings']): Omit<LintWarning, 'file'>[] {
  const warnings: Omit<LintWarning, 'file'>[] = [];
  let previous: RenderedArticle['headings'][number] | undefined;
  for (const heading of headings) {
    const parentLevel = previous?.level ?? 1;
    if (heading.level > parentLevel + 1) {
      const after = previous
        ? `after level ${previous.level} "${previous.text}"`
        : 'as the first heading, under the page title (level 1)';
      warnings.push({
        problem: `heading "${heading.text}" is level ${heading.level} (${hashes(heading.level)}) ${after}: it skips level ${parentLevel + 1}`,
        fix: `make it level ${parentLevel + 1} (${hashes(parentLevel + 1)}).`,
      });
    }
    previous = heading;
  }
  return warnings;
}

export function imageWarnings(images: RenderedArticle['images']): Omit<LintWarning, 'file'>[] {
  return images
    .filter((image) => !image.alt?.trim())
    .map((image) => ({
      problem: `image "${image.src}" has no alternative text`,
      fix: `say what the image shows for readers who cannot see it: ![what it shows](${image.src}).`,
    }));
}

/** Lints one article: frontmatter always, body when it has been built. */
export function lintArticle(input: LintInput, options: LintOptions): ArticleLint {
  const warnings = [...reviewWarnings(input, options), ...frontmatterWarnings(input)];
  let grade: number | undefined;
  let words: number | undefined;
  if (input.rendered) {
    warnings.push(...headingWarnings(input.rendered.headings), ...imageWarnings(input.rendered.images));
    grade = fleschKincaidGrade(input.rendered.statistics);
    words = input.rendered.statistics.words;
    if (grade !== undefined && grade > GRADE_LIMIT) {
      warnings.push({
        problem: `hard to read: Flesch–Kincaid grade ${grade.toFixed(1)}, above grade ${GRADE_LIMIT}, the most health information for the public should need`,
        fix: 'shorten long sentences and prefer everyday words to long ones.',
      });
    }
  }
  return { file: input.file, warnings: warnings.map((warning) => ({ file: input.file, ...warning })), grade, words };
}

/** One line per warning: file, what is wrong, what to do. */
export const formatWarning = ({ file, problem, fix }: LintWarning) => `${file}: ${problem}. Fix: ${fix}`;

/** The readability line printed for every article whose body was read. */
export function formatReadability({ file, grade, words }: ArticleLint): string | undefined {
  if (words === undefined) return undefined;
  return grade === undefined
    ? `${file}: readability: no prose to measure.`
    : `${file}: readability: Flesch–Kincaid grade ${grade.toFixed(1)} (${countOf(words, 'word')}).`;
}

/**
 * The closing line: how many warnings in how many articles, and the range of readability grades.
 * @param otherWarnings warnings about the lint itself (no build, stale pages), counted in the total
 */
export function summarizeLint(results: ArticleLint[], otherWarnings = 0): string {
  const warned = results.filter((result) => result.warnings.length > 0).length;
  const count = results.reduce((sum, result) => sum + result.warnings.length, otherWarnings);
  const grades = results.flatMap((result) => (result.grade === undefined ? [] : [result.grade]));
  const range =
    grades.length > 0
      ? ` Flesch–Kincaid grades ${Math.min(...grades).toFixed(1)} to ${Math.max(...grades).toFixed(1)}.`
      : '';
  return `Editorial lint: ${countOf(count, 'warning')}, ${warned} of ${countOf(results.length, 'published article')} with warnings.${range}`;
}
