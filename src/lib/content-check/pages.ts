/**
 * The content check of `pages/*.mdx`: a page address the site does not use itself, frontmatter that
 * passes the site page schema, MDX that compiles with its components used right; notes what the owner
 * must still fill in.
 */
import { globSync } from 'node:fs';
import { join } from 'node:path';

import { parseFrontmatter, readContentFile } from '@/lib/content-files';
import { reservedPageSlugs } from '@/lib/reserved-addresses';
import { mdxProblems } from '@/lib/mdx/component-uses';
import { PAGE_COMPONENT_NAMES } from '@/schemas/components';
import { sitePageSchema } from '@/schemas/page';
import { countOf } from '@/lib/text/plural';

import type { DisplayPath } from '@/lib/content-check/files';
import { SLUG } from '@/schemas/fields';
import type { ContentProblem } from '@/lib/content-check/problems';
import { frontmatterFieldPositions } from '@/lib/content-check/yaml-field-positions';
import { fieldOf, schemaProblems } from '@/lib/content-check/schema-problems';

/** Marks text in a site page that the owner must replace with facts: see `components/OwnerToFill.astro`. */
const OWNER_TO_FILL = /<OwnerToFill[\s>]/g;

export function checkPages(contentDir: string, display: DisplayPath): { problems: ContentProblem[]; notes: string[] } {
  const problems: ContentProblem[] = [];
  const notes: string[] = [];
  const schema = sitePageSchema();
  const reserved = reservedPageSlugs();
  for (const path of globSync('pages/**/*.mdx', { cwd: contentDir }).sort()) {
    const file = display(path);
    const slug = path.slice('pages/'.length, -'.mdx'.length);
    const entry = `page "${slug}"`;
    if (!SLUG.test(slug)) {
      problems.push({
        file,
        entry,
        problem: 'the file name is not a valid page address',
        fix: 'rename the file using only lowercase letters, digits and hyphens, such as editorial-policy.mdx.',
      });
      continue;
    }
    if (reserved.has(slug)) {
      problems.push({
        file,
        entry,
        problem: `the address /${slug}/ is used by the site itself`,
        fix: `rename the file to something else, such as about-${slug}.mdx.`,
      });
      continue;
    }
    const decoded = readContentFile(join(contentDir, path));
    if (!('data' in decoded)) {
      problems.push({ file, entry, ...decoded });
      continue;
    }
    const text = decoded.data;
    const read = parseFrontmatter(text, 'title and description');
    if (!('data' in read)) {
      problems.push({ file, entry, ...read });
      continue;
    }
    const parsed = schema.safeParse(read.data);
    if (!parsed.success) {
      const position = frontmatterFieldPositions(text);
      problems.push(...schemaProblems(file, parsed.error, read.data, fieldOf(entry), { position }));
    }
    problems.push(
      ...mdxProblems(text, { components: PAGE_COMPONENT_NAMES }).map((problem) => ({ file, entry, ...problem })),
    );
    if (!parsed.success) continue;
    const toFill = text.match(OWNER_TO_FILL)?.length ?? 0;
    if (toFill > 0) {
      notes.push(
        `${file}: ${countOf(toFill, 'placeholder')} (<OwnerToFill>) for the site owner to replace with facts before going live.`,
      );
    }
  }
  return { problems, notes };
}
