import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';

import { collectionFolder, hasCollectionFolder, type CollectionName } from '@/lib/content-folders';
import { contentGlob } from '@/lib/content-loader';
import { withoutBodies } from '@/lib/comments/file-bodies';
// Loaded for the schema's visible-text rule, which then renders bodies with the fast renderer it installs.
import '@/lib/comments/render-body';
import { articleSchema } from '@/schemas/article';
import { commentsFileSchema } from '@/schemas/comments';
import { sitePageSchema } from '@/schemas/page';
import { personSchema } from '@/schemas/person';

/** Articles: `<content>/articles/<slug>.mdx`. The entry id is the slug. */
const articles = defineCollection({
  loader: contentGlob({ pattern: '**/*.mdx', base: collectionFolder('articles') }),
  schema: articleSchema(),
});

/**
 * The comments schema without the comments' bodies: Astro keeps the whole store in memory through a
 * build and bundles it into the build's code, and the bodies were a third of it. Each comment keeps a
 * digest of its body instead; a page reads the bodies it shows from the comment's file, and renders only
 * a body whose digest is the one validated here (`lib/comments/file-bodies.ts`). The content check
 * validates with the plain schema.
 */
const commentsWithoutBodiesSchema = () => commentsFileSchema().transform(withoutBodies);

/**
 * The glob loader, first emptying the collection's cache when the comments schema has changed: Astro
 * clears its cache when this file changes, not when a module it imports does. The schema's source, the
 * modules its rules come from and the package lock (the versions of zod and of the libraries those
 * rules call) say which code made the cached entries.
 */
function commentsLoader(options: Parameters<typeof glob>[0]): Loader {
  const loader = contentGlob(options);
  return {
    ...loader,
    load: async (context) => {
      const source = (path: string) => readFileSync(new URL(path, context.config.root), 'utf8');
      const schema = createHash('sha256')
        .update(source('src/schemas/comments.ts'))
        .update(source('src/schemas/fields.ts'))
        .update(source('src/lib/comments/render-body.ts'))
        .update(source('src/lib/comments/render-body-reference.ts'))
        .update(source('src/lib/comments/file-bodies.ts'))
        .update(source('src/lib/text/visible-text.ts'))
        .update(source('package-lock.json'))
        .digest('hex');
      if (context.meta.get('comments-schema') !== schema) {
        context.store.clear();
        context.meta.set('comments-schema', schema);
      }
      // Pages read bodies from each entry's file: an entry the glob loader would keep although its file
      // is gone (renamed in letter case only) or in another content folder (`npm run dev` keeps one
      // store for every CONTENT_DIR) is read again from the folder's files.
      const root = fileURLToPath(context.config.root);
      const folder = resolve(root, collectionFolder('comments'));
      for (const [id, entry] of context.store.entries()) {
        const file = entry.filePath === undefined ? undefined : resolve(root, entry.filePath);
        if (!file || !file.startsWith(`${folder}${sep}`) || !existsSync(file)) context.store.delete(id);
      }
      // A site with no comments yet may have no comments folder: an empty collection, no warning.
      if (hasCollectionFolder('comments')) await loader.load(context);
      else context.store.clear();
    },
  };
}

/** Reader comments: `<content>/comments/<article-slug>.json`. The entry id is the article's slug. */
const comments = defineCollection({
  loader: commentsLoader({ pattern: '**/*.json', base: collectionFolder('comments') }),
  schema: commentsWithoutBodiesSchema(),
});

/**
 * The glob loader for a folder a site may not have (`lib/content-folders.ts`): the collection is then
 * empty, without a warning at every build.
 */
function optionalFolder(collection: CollectionName, pattern: string): Loader {
  const loader = contentGlob({ pattern, base: collectionFolder(collection) });
  return {
    name: 'optional-folder',
    load: async (context) => (hasCollectionFolder(collection) ? loader.load(context) : context.store.clear()),
  };
}

/** Writers and medical reviewers: `<content>/people/<id>.yaml`, each with a page at `/people/<id>/`. */
const people = defineCollection({
  loader: optionalFolder('people', '**/*.yaml'),
  schema: personSchema(),
});

/**
 * Site pages such as the editorial policy: `<content>/pages/<slug>.mdx`, served at `/<slug>/`. Named
 * `sitePages`: a "page" alone is one of Astro's routes.
 */
const sitePages = defineCollection({
  loader: optionalFolder('sitePages', '**/*.mdx'),
  schema: sitePageSchema(),
});

export const collections = { articles, comments, people, sitePages };
