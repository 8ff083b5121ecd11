import { existsSync } from 'node:fs';

import { defineCollection } from 'astro:content';
import { glob, type Loader } from 'astro/loaders';

import { contentDir } from './config/content-dir';
import { articleSchema } from './schemas/article';
import { commentsFileSchema } from './schemas/comments';
import { sitePageSchema } from './schemas/page';
import { personSchema } from './schemas/person';

/** Articles: `<content>/articles/<slug>.mdx`. The entry id is the slug. */
const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: `${contentDir}/articles` }),
  schema: articleSchema(),
});

/** Reader comments: `<content>/comments/<article-slug>.json`. The entry id is the article's slug. */
const comments = defineCollection({
  loader: glob({ pattern: '**/*.json', base: `${contentDir}/comments` }),
  schema: commentsFileSchema(),
});

/**
 * The glob loader for a folder a site may not have: a site with nobody credited yet has no `people/`,
 * and one without site pages no `pages/`. The collection is then empty, without a warning at every build.
 */
function optionalFolder(options: { pattern: string; base: string }): Loader {
  const loader = glob(options);
  return {
    name: 'optional-folder',
    load: async (context) => (existsSync(options.base) ? loader.load(context) : context.store.clear()),
  };
}

/** Writers and medical reviewers: `<content>/people/<id>.yaml`, each with a page at `/people/<id>/`. */
const people = defineCollection({
  loader: optionalFolder({ pattern: '**/*.yaml', base: `${contentDir}/people` }),
  schema: personSchema(),
});

/** Site pages such as the editorial policy: `<content>/pages/<slug>.mdx`, served at `/<slug>/`. */
const pages = defineCollection({
  loader: optionalFolder({ pattern: '**/*.mdx', base: `${contentDir}/pages` }),
  schema: sitePageSchema(),
});

export const collections = { articles, comments, people, pages };
