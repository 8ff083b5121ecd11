/**
 * Reads the article bodies of built pages in a worker thread for `editorial-lint.ts`: parsing every
 * article page is most of the lint's cost, and here it runs beside the end of the build. Pages whose
 * article is unchanged since an earlier build are taken from the cache (`article-body-cache.ts`). Run by
 * Node as it is (see `worker-thread.ts`).
 */
import { parentPort, workerData } from 'node:worker_threads';

import { readArticleBodies, type ArticleBodyCache } from './article-body-cache.ts';

const { pages, cache } = workerData as { pages: string[]; cache: ArticleBodyCache };
parentPort!.postMessage(readArticleBodies(pages, cache));
