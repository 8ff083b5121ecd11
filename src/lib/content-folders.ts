/**
 * Where each collection's files are in the content folder, and whether a folder a site may do without
 * is there: the one place that asks. A content folder with nobody credited yet has no `people/`, one
 * without site pages no `pages/`; their collections are then empty, with no warning at every build.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { contentDir } from '@/config/content-dir';

/** The folder of the content folder that each collection reads: `sitePages` are `pages/`. */
const COLLECTION_FOLDERS = {
  articles: 'articles',
  comments: 'comments',
  people: 'people',
  sitePages: 'pages',
} as const;

export type CollectionName = keyof typeof COLLECTION_FOLDERS;

/** The folder a collection's files are read from. */
export function collectionFolder(collection: CollectionName): string {
  return join(contentDir, COLLECTION_FOLDERS[collection]);
}

/** Whether the folder of a collection is there. */
export function hasCollectionFolder(collection: CollectionName): boolean {
  return existsSync(collectionFolder(collection));
}

/**
 * The folder of images and files that articles use (`media/<yyyy>/<mm>/<name>`, as the WordPress import
 * writes it). Articles point at an image by its path from the article (`../media/…`), and Astro optimises
 * it; every file in it is also copied into the built site at `<base>media/…`, for links (`../../media/…`
 * from an article page) to documents and full-size images.
 */
export const MEDIA_FOLDER = 'media';
