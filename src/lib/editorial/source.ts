/**
 * Gathers what the editorial lint reads: each published article's frontmatter from the content folder,
 * and its body from the built page in `dist/`, when that page is there and newer than the article.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

import { z } from 'astro/zod';

import { buildDay } from '@/config/build-day';
import { readArticleFiles } from '@/lib/article-files';
import { isPublishedOn, type CalendarDay } from '@/lib/publication';
import { articleSchema } from '@/schemas/article';

import type { LintInput, LintWarning } from '@/lib/editorial/lint';
import { readArticleBody, type RenderedArticle } from '@/workers/rendered-article';

/**
 * The article schema, except that the description may be missing or empty: that is a lint warning
 * here (the content check reports it as an error before any build).
 */
const lintedArticleSchema = () => articleSchema().extend({ description: z.string().optional() });

export interface LintSources {
  /** Every published article, ready to lint. */
  inputs: LintInput[];
  /** Problems that stop part of the lint: no build to read, a stale page, frontmatter the lint cannot read. */
  warnings: LintWarning[];
}

export interface LintSourceOptions {
  /** Folder holding `articles/`. */
  contentDir: string;
  /** The built site, holding `articles/<slug>/index.html`. */
  dist: string;
  /** Folder that file names in messages are relative to (the project). */
  root?: string;
  /** The build day: drafts and articles scheduled after it have no page to lint. Defaults to `BUILD_DATE` or today. */
  today?: CalendarDay;
}

const REBUILD = 'run `npm run build`, then lint again.';

/** One published article to lint, with the built page to read its body from. */
export interface LintEntry {
  file: string;
  frontmatter: LintInput['frontmatter'];
  /** The built page to read, or undefined when there is none fit to read (the plan's warnings say why). */
  page: string | undefined;
}

export interface LintPlan {
  entries: LintEntry[];
  warnings: LintWarning[];
}

/**
 * What the lint will read: each published article's frontmatter, and which built page holds its body.
 * Reading the pages is left to the caller, so a build can read them on another thread.
 */
export function planLint({ contentDir, dist, root = process.cwd(), today = buildDay }: LintSourceOptions): LintPlan {
  const entries: LintEntry[] = [];
  const warnings: LintWarning[] = [];
  const display = (path: string) => relative(root, path) || path;
  const built = existsSync(join(dist, 'articles'));
  // Made once: building a zod schema costs more than checking an article against it.
  const schema = lintedArticleSchema();
  if (!built) {
    warnings.push({
      file: display(dist),
      problem: 'there is no built site to read, so headings, images and readability were not checked',
      fix: REBUILD,
    });
  }
  for (const article of readArticleFiles(contentDir)) {
    const source = article.path;
    const file = display(source);
    const parsed = schema.safeParse(article.frontmatter);
    if (!parsed.success) {
      warnings.push({
        file,
        problem: 'the frontmatter has errors, so the article was not linted',
        fix: 'run `npm run check:content`, which says what to correct.',
      });
      continue;
    }
    if (!isPublishedOn(parsed.data, today)) continue;
    const page = join(dist, 'articles', article.slug, 'index.html');
    let readable: string | undefined;
    if (!built) {
      readable = undefined;
    } else if (!existsSync(page)) {
      warnings.push({
        file,
        problem: `${display(page)} is missing, so its headings, images and readability were not checked`,
        fix: REBUILD,
      });
    } else if (statSync(page).mtimeMs < statSync(source).mtimeMs) {
      warnings.push({
        file,
        problem: `${display(page)} is older than the article, so its headings, images and readability were not checked`,
        fix: REBUILD,
      });
    } else {
      readable = page;
    }
    entries.push({ file, frontmatter: parsed.data, page: readable });
  }
  return { entries, warnings };
}

/** The lint's inputs, reading each planned page with `readBody`. */
export function lintInputs(plan: LintPlan, readBody: (page: string) => RenderedArticle | undefined): LintInput[] {
  return plan.entries.map(({ file, frontmatter, page }) => ({
    file,
    frontmatter,
    rendered: page === undefined ? undefined : readBody(page),
  }));
}

/** Everything the lint reads, the pages read here and now. */
export function readLintSources(options: LintSourceOptions): LintSources {
  const plan = planLint(options);
  return {
    inputs: lintInputs(plan, (page) => readArticleBody(readFileSync(page, 'utf8'))),
    warnings: plan.warnings,
  };
}
