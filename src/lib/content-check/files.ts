/**
 * What the content check knows about the content folder as a whole: the files each folder is read for,
 * names that can be page addresses, and files the build would skip without a word.
 */
import { existsSync, globSync, readdirSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';

import type { ContentProblem } from '@/lib/content-check/problems';
import { MEDIA_FOLDER } from '@/lib/content-folders';
import { REDIRECTS_FILE } from '@/lib/redirects/old-addresses';

/** A file's name in messages, from its path inside the content folder. */
export type DisplayPath = (path: string) => string;

/** The extension of the files each content folder is read for; the build reads nothing else there. */
const CONTENT_FILE_EXTENSIONS = { articles: '.mdx', comments: '.json', people: '.yaml', pages: '.mdx' } as const;

/** What each folder holds, for messages: "people files end in .yaml". */
const FOLDER_FILES = { articles: 'articles', comments: 'comments files', people: 'people files', pages: 'site pages' };

/**
 * Files in a content folder that the build would skip without a word, such as `articles/x.md` or
 * `people/x.yml`. Hidden files (`.DS_Store`, an editor's `.x.swp`) are left alone.
 */
export function ignoredFiles(contentDir: string, display: DisplayPath): ContentProblem[] {
  return Object.entries(CONTENT_FILE_EXTENSIONS).flatMap(([folder, extension]) =>
    globSync(`${folder}/**/*`, { cwd: contentDir, withFileTypes: true })
      .filter((found) => found.isFile() && !found.name.startsWith('.') && !found.name.endsWith(extension))
      .map((found) => relative(contentDir, join(found.parentPath, found.name)))
      .sort()
      .map((path) => ({
        file: display(path),
        problem: `is ignored: ${FOLDER_FILES[folder as keyof typeof FOLDER_FILES]} end in ${extension}`,
        fix: `rename it to ${basename(path, extname(path))}${extension}, or move it out of the content folder.`,
      })),
  );
}

/**
 * Files and folders at the top of the content folder that the site does not read, such as a misspelt
 * `article/`: a note, since a content folder may also hold the editors' own notes.
 */
export function unreadEntries(contentDir: string, display: DisplayPath): string[] {
  const folders = [...Object.keys(CONTENT_FILE_EXTENSIONS), MEDIA_FOLDER];
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter(
      (found) =>
        !found.name.startsWith('.') &&
        !(found.isDirectory() && folders.includes(found.name)) &&
        !(found.isFile() && found.name === REDIRECTS_FILE),
    )
    .map((found) => found.name)
    .sort()
    .map(
      (name) =>
        `${display(name)}: not read by the site, which reads only ${folders.map((folder) => `${folder}/`).join(', ')} and ${REDIRECTS_FILE} in the content folder.`,
    );
}
