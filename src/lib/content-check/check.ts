/**
 * Checks the content folder before a build: every person, article (frontmatter and MDX), comments file,
 * thread and site page. Reads the files itself, so it runs in a second without building
 * (`npm run check:content`) and reports every problem of the run at once, one line each.
 */
import { globSync } from 'node:fs';
import { join, relative } from 'node:path';

import { checkArticles, type ArticleCounts } from '@/lib/content-check/articles';
import { checkComments } from '@/lib/content-check/comments';
import { ignoredFiles, unreadEntries } from '@/lib/content-check/files';
import { checkPages } from '@/lib/content-check/pages';
import { checkPeople } from '@/lib/content-check/people';
import type { ContentProblem } from '@/lib/content-check/problems';
import { readOldAddresses, type SiteAddresses } from '@/lib/redirects/old-addresses';
import { reservedPageSlugs } from '@/lib/reserved-addresses';
import { basePath } from '@/lib/urls';

export type { ArticleCounts } from '@/lib/content-check/articles';
export { commentsFilePlace } from '@/lib/content-check/comments';

export interface ContentReport {
  /** Problems that must stop a build. */
  problems: ContentProblem[];
  /** Things worth knowing that are not errors, one line each. */
  notes: string[];
  /** Every valid article, with its comment counts. */
  articles: ArticleCounts[];
}

/**
 * @param contentDir folder holding `articles/`, `comments/`, `people/` and `pages/`
 * @param root folder that file names in messages are relative to (the project)
 */
export function checkContent(contentDir: string, root = process.cwd()): ContentReport {
  const display = (path: string) => relative(root, join(contentDir, path)) || path;
  // People first: articles and staff answers name them. Then articles: comments belong to them.
  const people = checkPeople(contentDir, display);
  const articles = checkArticles(contentDir, display, people.ids);
  const comments = checkComments(contentDir, display, {
    people: people.ids,
    articles: articles.articles,
    articleFiles: articles.files,
  });
  const pages = checkPages(contentDir, display);
  const oldAddresses = readOldAddresses(contentDir, display, siteAddresses(contentDir));
  return {
    problems: [
      ...ignoredFiles(contentDir, display),
      ...people.problems,
      ...articles.problems,
      ...comments.problems,
      ...pages.problems,
      ...oldAddresses.problems,
    ],
    notes: [...unreadEntries(contentDir, display), ...comments.notes, ...pages.notes],
    articles: [...articles.articles.values()],
  };
}

/** The addresses this site's own pages take, which no old address may redirect. */
export function siteAddresses(contentDir: string): SiteAddresses {
  const pageSlugs = globSync('pages/*.mdx', { cwd: contentDir }).map((path) =>
    path.slice('pages/'.length, -'.mdx'.length),
  );
  return { base: basePath, takenSegments: new Set([...reservedPageSlugs(), ...pageSlugs]) };
}
