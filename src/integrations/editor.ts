/**
 * The browser editor, Decap CMS, at `{base}admin/`. `npm run dev` serves it on this machine's content
 * with no account: its local backend (`lib/editor/local-backend.ts`) and the reader-questions page
 * (`lib/editor/moderation-page.ts`) answer under `{base}admin/`, from this machine only. A build writes
 * `dist/admin/` only with `CMS=github` (`config/editor.ts`): the same page, talking to GitHub.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { build } from 'esbuild';
import type { Plugin } from 'vite';

import { editorSettings } from '@/config/editor';
import { site } from '@/config/site';
import { adminPageHtml } from '@/lib/editor/admin-page';
import { editorConfigYaml, type EditorBackend } from '@/lib/editor/config';
import { createLocalBackend } from '@/lib/editor/local-backend';
import { createModerationPage } from '@/lib/editor/moderation-page';
import { editorHeaders } from '@/lib/headers/rules';

/** Origins the editor talks to on GitHub, besides the site. */
export const GITHUB_ORIGINS = ['https://api.github.com', 'https://raw.githubusercontent.com'] as const;

/** The largest request the local backend reads: a 25 MB image, as base64 in JSON. */
const MAX_REQUEST_BYTES = 40 * 1024 * 1024;

/** Decap CMS's files: its script and the chunks and WebAssembly it loads from beside it. */
function decapFolder(): string {
  return dirname(createRequire(import.meta.url).resolve('decap-cms/dist/decap-cms.js'));
}

/**
 * The files the page loads: `decap-cms.js`, the chunks it loads by name (`<n>.decap-cms.js`) and its
 * WebAssembly. The package also ships the same build as `cms.js`, and source maps.
 */
const decapFiles = (folder: string) =>
  readdirSync(folder).filter((name) => /^(\d+\.)?decap-cms\.js$|\.wasm$/.test(name));

/** The site's script for the editor (`src/client/editor/editor.ts`), bundled for the browser. */
async function editorScript(root: string): Promise<string> {
  const result = await build({
    entryPoints: [join(root, 'src/client/editor/editor.ts')],
    bundle: true,
    format: 'iife',
    minify: true,
    write: false,
    target: 'es2022',
    tsconfig: join(root, 'tsconfig.json'),
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export function editor(contentDir: string): AstroIntegration {
  let base = '/';
  let root = process.cwd();
  return {
    name: 'health-site:editor',
    hooks: {
      'astro:config:setup': ({ command, updateConfig, logger, config }) => {
        root = fileURLToPath(config.root);
        if (command !== 'dev') return;
        updateConfig({ vite: { plugins: [devEditorPlugin(() => ({ base, root, contentDir }), logger)] } });
      },
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (editorSettings.mode !== 'github') return;
        const admin = join(fileURLToPath(dir), 'admin');
        mkdirSync(admin, { recursive: true });
        const backend: EditorBackend = {
          kind: 'github',
          repository: editorSettings.repository,
          branch: editorSettings.branch,
          authUrl: editorSettings.authUrl,
          authEndpoint: editorSettings.authEndpoint,
        };
        const contentFolder = relative(root, resolve(root, contentDir)).split('\\').join('/');
        writeFileSync(join(admin, 'index.html'), adminPageHtml(site.title, contentFolder));
        writeFileSync(
          join(admin, 'config.yml'),
          editorConfigYaml({ backend, contentFolder, siteUrl: new URL(base, site.url).href }),
        );
        writeFileSync(join(admin, 'editor.js'), await editorScript(root));
        const decap = decapFolder();
        for (const name of decapFiles(decap)) copyFileSync(join(decap, name), join(admin, name));
        logger.info(
          `Wrote the browser editor at ${base}admin/ (GitHub: ${editorSettings.repository}, ${editorSettings.branch}).`,
        );
      },
    },
  };
}

interface DevPlaces {
  base: string;
  root: string;
  contentDir: string;
}

/**
 * Serves the editor in `npm run dev`, in front of Astro's own middleware (as the question handler is).
 * The local backend writes files: it answers only requests from the editor's own page on this machine.
 */
function devEditorPlugin(places: () => DevPlaces, logger: AstroIntegrationLogger): Plugin {
  return {
    name: 'health-site:editor-dev',
    configureServer(server) {
      return () => {
        if (!server.httpServer) return;
        let state: ReturnType<typeof devState> | undefined;
        server.middlewares.stack.unshift({
          route: '',
          handle: (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => {
            const { base } = places();
            const path = new URL(request.url ?? '/', 'http://localhost').pathname;
            if (!path.startsWith(`${base}admin/`) && path !== `${base}admin`) return next();
            state ??= devState(places(), logger);
            state.handle(request, response, path.slice(`${base}admin`.length)).catch((error: unknown) => next(error));
          },
        });
      };
    },
  };
}

function devState({ base, root, contentDir }: DevPlaces, logger: AstroIntegrationLogger) {
  const backend = createLocalBackend({ contentDir: resolve(root, contentDir) });
  // File names in its messages start at the content folder's name, as the editor's do.
  const moderation = createModerationPage({
    root: dirname(resolve(root, contentDir)),
    contentDir: resolve(root, contentDir),
    base,
  });
  const decap = decapFolder();
  const decapNames = new Set(decapFiles(decap));
  let script: Promise<string> | undefined;
  logger.info(
    `Browser editor: ${base}admin/ (this machine's ${contentDir}); reader questions: ${base}admin/questions/`,
  );

  const send = (response: ServerResponse, status: number, type: string, body: string | Buffer, headers = {}) => {
    response.writeHead(status, { ...editorHeaders(), 'Content-Type': type, ...headers });
    response.end(body);
  };

  async function handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void> {
    const method = request.method ?? 'GET';
    if (path === '') return send(response, 301, 'text/plain', '', { Location: `${base}admin/` });
    if (path.startsWith('/api/') || path.startsWith('/questions/') || path === '/questions') {
      const refusal = foreignRequest(request);
      if (refusal) return send(response, 403, 'text/plain; charset=utf-8', refusal);
    }
    if (path === '/api/v1' && method === 'POST') {
      const body = await readBody(request);
      if (body === undefined) return send(response, 413, 'application/json', JSON.stringify({ error: 'Too large.' }));
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return send(response, 400, 'application/json', JSON.stringify({ error: 'The request is not JSON.' }));
      }
      const answer = await backend.answer(parsed);
      return send(response, answer.status, 'application/json; charset=utf-8', JSON.stringify(answer.body));
    }
    if (path === '/questions' || path === '/questions/') {
      const form = method === 'POST' ? await readBody(request) : undefined;
      const url = new URL(request.url ?? '/', 'http://localhost');
      const page = await moderation.answer(method, url.searchParams, form);
      return send(response, page.status, 'text/html; charset=utf-8', page.html, page.headers);
    }
    if (method !== 'GET' && method !== 'HEAD') return send(response, 405, 'text/plain', 'Method not allowed');
    // Paths of the local backend start at the content folder's name (`lib/editor/local-backend.ts`).
    const contentFolder = basename(resolve(root, contentDir));
    if (path === '/') return send(response, 200, 'text/html; charset=utf-8', adminPageHtml(site.title, contentFolder));
    if (path === '/config.yml') {
      const host = request.headers.host ?? 'localhost';
      const yaml = editorConfigYaml({
        backend: { kind: 'local', apiUrl: `${base}admin/api/v1` },
        contentFolder,
        siteUrl: `http://${host}${base}`,
      });
      return send(response, 200, 'text/yaml; charset=utf-8', yaml);
    }
    if (path === '/editor.js') {
      script ??= editorScript(root);
      return send(response, 200, 'text/javascript; charset=utf-8', await script);
    }
    const name = path.slice(1);
    if (decapNames.has(name)) {
      const type = name.endsWith('.js')
        ? 'text/javascript'
        : name.endsWith('.wasm')
          ? 'application/wasm'
          : name.endsWith('.css')
            ? 'text/css'
            : 'application/octet-stream';
      return send(response, 200, type, readFileSync(join(decap, name)));
    }
    return send(response, 404, 'text/plain; charset=utf-8', 'Not found');
  }

  return { handle };
}

/**
 * Why a request to the local backend or the questions page is refused, if it is: the dev server listens
 * on this machine, but any page open in the same browser could post to it, and another host name could
 * point at it (DNS rebinding). Only the editor's own pages, on localhost, may change files.
 */
export function foreignRequest(
  request: Pick<IncomingMessage, 'headers' | 'method'> & { socket?: { remoteAddress?: string | undefined } },
): string | undefined {
  // \`npm run dev -- --host\` listens on the network too: the editor still answers this machine only.
  const from = request.socket?.remoteAddress ?? '';
  if (!/^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/.test(from)) {
    return `The editor answers this machine only, not ${from || 'an unknown address'}.`;
  }
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  if (!['localhost', '127.0.0.1', '[::1]'].includes(host)) {
    return `The editor answers on localhost only, not "${host}".`;
  }
  if (request.method === 'GET' || request.method === 'HEAD') return undefined;
  const ownPagesOnly = 'Only the editor’s own pages may change files.';
  const fetchSite = request.headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return ownPagesOnly;
  const origin = request.headers.origin;
  if (origin === undefined) return fetchSite === undefined ? ownPagesOnly : undefined;
  try {
    return new URL(origin).host === request.headers.host ? undefined : ownPagesOnly;
  } catch {
    return ownPagesOnly; // "null", or not an address
  }
}

/** The request's body as text, or undefined when larger than the limit. */
function readBody(request: IncomingMessage): Promise<string | undefined> {
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) {
        resolvePromise(undefined);
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on('end', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
