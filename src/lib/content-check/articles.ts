/**
 * The content check of `articles/*.mdx`: a file name that can be a page address, frontmatter that
 * passes the article schema and names people who exist, and MDX that compiles with every component
 * used as its declared props say.
 */
import { globSync } from 'node:fs';
import { join } from 'node:path';

import { parseFrontmatter, readContentFile } from '@/lib/content-files';
import { mdxProblems } from '@/lib/mdx/component-uses';
import { articleSchema, type ArticleData } from '@/schemas/article';
import { ARTICLE_COMPONENT_NAMES } from '@/schemas/components';

import type { DisplayPath } from '@/lib/content-check/files';
import { SLUG } from '@/schemas/fields';
import type { ContentProblem } from '@/lib/content-check/problems';
import { frontmatterFieldPositions } from '@/lib/content-check/yaml-field-positions';
import { ARTICLE_FIXES, fieldOf, fieldPath, schemaProblems } from '@/lib/content-check/schema-problems';

/** What the check found for one article. */
export interface ArticleCounts {
  slug: string;
  draft: boolean;
  /** The day the article is published: a later day than the build's is a scheduled article. */
  published: Date;
  /** Comments that will be published. */
  approved: number;
  pending: number;
  spam: number;
}

export interface ArticlesCheck {
  problems: ContentProblem[];
  /** Every valid article by slug, its comments not yet counted. */
  articles: Map<string, ArticleCounts>;
  /**
   * The slug of every article file whose name is a valid slug, valid or not: comments for an article
   * whose frontmatter has a problem are not also reported as comments without an article.
   */
  files: Set<string>;
}

/** @param people the ids of the people in `people/` */
export function checkArticles(contentDir: string, display: DisplayPath, people: ReadonlySet<string>): ArticlesCheck {
  const problems: ContentProblem[] = [];
  const articles = new Map<string, ArticleCounts>();
  const files = new Set<string>();
  // Made once: building a schema costs more than checking a file with it.
  const frontmatterSchema = articleSchema();
  for (const path of globSync('articles/**/*.mdx', { cwd: contentDir }).sort()) {
    const file = display(path);
    const slug = path.slice('articles/'.length, -'.mdx'.length);
    const entry = `article "${slug}"`;
    if (!SLUG.test(slug)) {
      problems.push({
        file,
        entry,
        problem: 'the file name is not a valid page address',
        fix: 'rename the file using only lowercase letters, digits and hyphens, such as leg-cramps.mdx.',
      });
      continue;
    }
    files.add(slug);
    const decoded = readContentFile(join(contentDir, path));
    if (!('data' in decoded)) {
      problems.push({ file, entry, ...decoded });
      continue;
    }
    const text = decoded.data;
    const read = parseFrontmatter(text, 'title, description and published');
    if (!('data' in read)) {
      problems.push({ file, entry, ...read });
      continue;
    }
    const parsed = frontmatterSchema.safeParse(read.data);
    const position = frontmatterFieldPositions(text);
    if (parsed.success) {
      problems.push(
        ...creditProblems(parsed.data, people).map(({ path, ...problem }) => ({
          file,
          ...position(path),
          entry,
          ...problem,
        })),
      );
    } else {
      problems.push(
        ...schemaProblems(file, parsed.error, read.data, fieldOf(entry), { fixes: ARTICLE_FIXES, position }),
      );
    }
    // The body is checked even when the frontmatter is not, so that one run shows every mistake; the
    // citations only against a reference list that is valid.
    const referenceCount = parsed.success ? parsed.data.references.length : undefined;
    problems.push(
      ...mdxProblems(text, { components: ARTICLE_COMPONENT_NAMES, referenceCount }).map((problem) => ({
        file,
        entry,
        ...problem,
      })),
    );
    if (parsed.success)
      articles.set(slug, {
        slug,
        draft: parsed.data.draft,
        published: parsed.data.published,
        approved: 0,
        pending: 0,
        spam: 0,
      });
  }
  return { problems, articles, files };
}

/** An article's author and medical reviewer must be people in `people/`. */
function creditProblems(
  article: ArticleData,
  people: ReadonlySet<string>,
): (Omit<ContentProblem, 'file' | 'entry'> & { path: string[] })[] {
  const credits = [
    { path: ['author'], id: article.author },
    { path: ['medicalReview', 'reviewer'], id: article.medicalReview?.reviewer },
  ];
  return credits.flatMap(({ path, id }) =>
    id === undefined || people.has(id)
      ? []
      : [
          {
            path,
            field: fieldPath(path),
            problem: `names "${id}", who is not in content/people`,
            fix: `add content/people/${id}.yaml with at least their name, or correct the id to the file name of a person there.`,
          },
        ],
  );
}
