/**
 * Reads the article bodies of built pages in a worker thread for `editorial-lint.ts`: parsing every
 * article page is most of the lint's cost, and here it runs beside the end of the build. Run by Node
 * as it is (see `worker-thread.ts`).
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';

import { readArticleBody } from './rendered-article.ts';

const { pages } = workerData as { pages: string[] };
parentPort!.postMessage(pages.map((page) => readArticleBody(readFileSync(page, 'utf8'))));
