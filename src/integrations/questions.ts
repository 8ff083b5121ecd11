/**
 * Reader questions in the build and in `npm run dev`: the build says in one line whether it shows the
 * question form and where submissions go (`config/questions.ts`), and the dev server answers the question
 * handler's address, `{base}api/questions`, as the hosts and `npm run preview` do, loading each ask page
 * from itself.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import type { Plugin } from 'vite';

import { questions, questionsEnvironment } from '@/config/questions';
import { createNodeQuestionMount } from '@/lib/questions/node-mount';
import { askPageOverHttp } from '@/lib/questions/settings';

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
      'astro:config:setup': ({ command, updateConfig, logger }) => {
        if (command !== 'dev') return;
        updateConfig({ vite: { plugins: [devMountPlugin(contentDir, () => base, logger)] } });
      },
    },
  };
}

/**
 * A Vite plugin putting the handler first among the dev server's middleware. Astro puts its own in front
 * once the server is configured, and those answer an address without a trailing slash (the handler's)
 * with a 404 page; a plugin's post hook runs after Astro's, so the handler is put in front of them.
 */
function devMountPlugin(contentDir: string, base: () => string, logger: AstroIntegrationLogger): Plugin {
  return {
    name: 'health-site:questions-dev',
    configureServer(server) {
      return () => {
        // Vite servers without an HTTP server of their own (Vitest's) serve no questions.
        if (!server.httpServer) return;
        logger.info(questions.summary);
        if (questions.sink === 'off') return;
        let mount: ReturnType<typeof createNodeQuestionMount>;
        try {
          mount = createNodeQuestionMount({
            env: questionsEnvironment,
            contentDir,
            basePath: base(),
            // The dev server renders the ask page when asked: ask it, at the address it listens on.
            loadAskPage: (slug) => {
              const { port } = server.httpServer!.address() as AddressInfo;
              return askPageOverHttp(fetch, `http://127.0.0.1:${port}`, base())(slug);
            },
          });
        } catch (error) {
          logger.warn(`The question form will not work: ${error instanceof Error ? error.message : error}`);
          return;
        }
        server.middlewares.stack.unshift({
          route: '',
          handle: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
            mount(request, response).then(
              (handled) => handled || next(),
              (error: unknown) => next(error),
            );
          },
        });
      };
    },
  };
}
