import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

import { contentDir } from './config/content-dir';
import { articleSchema } from './schemas/article';
import { commentsFileSchema } from './schemas/comments';

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

export const collections = { articles, comments };
