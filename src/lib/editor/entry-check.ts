/**
 * The content check of one entry as the editor is about to save it, in the browser: the frontmatter of
 * an article or a site page, or a person, against the same schema and in the same words as
 * `npm run check:content` (`content-check/`). It runs on every save (Decap's `preSave`), so that on GitHub,
 * where no local backend checks the whole content, the editor still refuses what the check would refuse;
 * the pull request's check then reads the text as well (components, citations).
 */
import type { z } from 'astro/zod';

import { formatProblem } from '@/lib/content-check/problems';
import { ARTICLE_FIXES, fieldOf, schemaProblems } from '@/lib/content-check/schema-problems';
import { articleSchema } from '@/schemas/article';
import { sitePageSchema } from '@/schemas/page';
import { personSchema } from '@/schemas/person';

interface CheckedCollection {
  folder: string;
  extension: string;
  /** How the check names an entry: `article "leg-cramps"`. */
  entry: (slug: string) => string;
  schema: () => z.ZodType;
  fixes?: Readonly<Record<string, string>>;
}

/** The collections checked in the browser, by the editor's collection name (`lib/editor/config.ts`). */
const CHECKED: Readonly<Record<string, CheckedCollection>> = {
  articles: {
    folder: 'articles',
    extension: 'mdx',
    entry: (slug) => `article "${slug}"`,
    schema: articleSchema,
    fixes: ARTICLE_FIXES,
  },
  pages: { folder: 'pages', extension: 'mdx', entry: (slug) => `page "${slug}"`, schema: sitePageSchema },
  people: { folder: 'people', extension: 'yaml', entry: (slug) => `person "${slug}"`, schema: personSchema },
};

/**
 * The check's lines for an entry's fields (the text of an article or a page, `body`, is not one of them).
 * @param slug the entry's file name without extension
 */
export function entryProblems(
  collection: string,
  slug: string,
  data: Record<string, unknown>,
  contentFolder: string,
): string[] {
  const checked = CHECKED[collection];
  if (!checked) return [];
  const { body: _body, ...fields } = data;
  void _body;
  const parsed = checked.schema().safeParse(fields);
  if (parsed.success) return [];
  const file = `${contentFolder}/${checked.folder}/${slug}.${checked.extension}`;
  return schemaProblems(file, parsed.error, fields, fieldOf(checked.entry(slug)), {
    ...(checked.fixes && { fixes: checked.fixes }),
  }).map(formatProblem);
}

/**
 * The file name Decap gives a new entry (`slug: { encoding: ascii, clean_accents: true }` in its
 * configuration): the title in lowercase ASCII letters and digits, joined by hyphens.
 */
export function newEntrySlug(title: unknown): string {
  return String(title ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
