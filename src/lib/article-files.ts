/**
 * Articles read straight from the content folder, for build work that runs beside Astro's content layer
 * rather than inside it: the editorial lint and the sharing images. Each caller checks the frontmatter
 * with the schema it needs; before any build, the content check (`lib/content-check`) has already
 * stopped on an article whose frontmatter does not parse.
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { extractFrontmatter } from 'astro/markdown';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';

export interface ArticleFile {
  /** The file, inside the content folder. */
  path: string;
  /** Its page address: the file name without `.mdx`. */
  slug: string;
  /** The frontmatter as plain data (dates kept as text), or undefined when it is not valid YAML. */
  frontmatter: unknown;
}

/** Every article file in `contentDir/articles/`, by file name. */
export function readArticleFiles(contentDir: string): ArticleFile[] {
  return globSync('articles/**/*.mdx', { cwd: contentDir })
    .sort()
    .map((file) => {
      const path = join(contentDir, file);
      let frontmatter: unknown;
      try {
        frontmatter = loadYaml(extractFrontmatter(readFileSync(path, 'utf8')) ?? '', { schema: CORE_SCHEMA }) ?? {};
      } catch {
        frontmatter = undefined;
      }
      return { path, slug: file.slice('articles/'.length, -'.mdx'.length), frontmatter };
    });
}
