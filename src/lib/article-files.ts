/**
 * Articles read straight from the content folder, for build work that runs beside Astro's content layer
 * rather than inside it: the editorial lint and the sharing images. Each caller checks the frontmatter
 * with the schema it needs; before any build, the content check (`lib/content-check`) has already
 * stopped on an article whose frontmatter does not parse.
 */
import { globSync } from 'node:fs';
import { join } from 'node:path';

import { parseFrontmatter, readContentFile } from '@/lib/content-files';

export interface ArticleFile {
  /** The file, inside the content folder. */
  path: string;
  /** Its page address: the file name without `.mdx`. */
  slug: string;
  /** The frontmatter as plain data (read as `lib/content-files` reads it), or undefined when it cannot be read. */
  frontmatter: unknown;
}

/** Every article file in `contentDir/articles/`, by file name. */
export function readArticleFiles(contentDir: string): ArticleFile[] {
  return globSync('articles/**/*.mdx', { cwd: contentDir })
    .sort()
    .map((file) => {
      const path = join(contentDir, file);
      const text = readContentFile(path);
      const read = 'data' in text ? parseFrontmatter(text.data, '') : undefined;
      const frontmatter = read && 'data' in read ? read.data : undefined;
      return { path, slug: file.slice('articles/'.length, -'.mdx'.length), frontmatter };
    });
}
