/**
 * Reader questions in the build and in `npm run dev`: the build says in one line whether it shows the
 * question form and where submissions go (`config/questions.ts`), and the dev server answers the question
 * handler's address, `{base}api/questions`, as the hosts and `npm run preview` do, loading each ask page
 * from itself.
 */
import type { AddressInfo } from 'node:net';

import type { AstroIntegration } from 'astro';

import { questions } from '../config/questions';
import { createNodeQuestionMount } from '../lib/questions/node-mount';
import { askPageOverHttp } from '../lib/questions/settings';

export function questionsIntegration(contentDir: string): AstroIntegration {
  let base = '/';
  return {
    name: 'health-site:questions',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:start': ({ logger }) => {
        logger.info(questions.summary);
      },
      'astro:server:setup': ({ server, logger }) => {
        logger.info(questions.summary);
        if (questions.sink === 'off') return;
        let mount: ReturnType<typeof createNodeQuestionMount>;
        try {
          mount = createNodeQuestionMount({
            env: process.env,
            contentDir,
            basePath: base,
            // The dev server renders the ask page when asked: ask it, at the address it listens on.
            loadAskPage: (slug) => {
              const { port } = server.httpServer!.address() as AddressInfo;
              return askPageOverHttp(fetch, `http://127.0.0.1:${port}`, base)(slug);
            },
          });
        } catch (error) {
          logger.warn(`The question form will not work: ${error instanceof Error ? error.message : error}`);
          return;
        }
        server.middlewares.use((request, response, next) => {
          mount(request, response).then(
            (handled) => handled || next(),
            (error: unknown) => next(error),
          );
        });
      },
    },
  };
}
