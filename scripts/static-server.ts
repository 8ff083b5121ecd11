/**
 * Serves a built site the way a static host does: files as they are, `dir/` → `dir/index.html`,
 * `dir` → redirect to `dir/`, the rules of `_redirects` as Netlify follows them (a rule applies where no
 * file answers, or everywhere with `!`), anything missing → `404.html` with status 404, all under a base
 * path. Used by the browser tests and by `npm run preview`.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import {
  createServer,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, normalize, resolve, sep } from 'node:path';

import { lookup } from 'mrmime';

import { headersForPath, parseHeadersFile } from '@/lib/headers/rules';
import { findRedirect, parseRedirectsFile, redirectLocation, type RedirectRule } from '@/lib/redirects/redirect-rules';
import { readRequestPath, sameSiteLocation } from './request-path';

export interface StaticServerOptions {
  /** Folder to serve, such as `dist`. */
  root: string;
  /** URL path the site lives under, with leading and trailing slash. Defaults to `/`. */
  base?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  /** Address to listen on. Defaults to 127.0.0.1. */
  host?: string;
  /**
   * Extra response headers for a request path (the path below `base`, starting with `/`). Defaults
   * to the rules of the site's own `_headers` file, as Netlify and Cloudflare Pages apply them.
   */
  headersFor?: (path: string) => OutgoingHttpHeaders;
  /**
   * Answers a request before the files do, as a host's function would (the question handler): resolves
   * true when it answered, false to let the files answer.
   */
  handle?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
}

/**
 * Headers from `<root>/_headers` as the file says now, or none while the build has no such file. The
 * file is read again for every response: a build while the server runs writes new inline style hashes
 * into it, and a server keeping the old ones would have the browser block the new styles. It is a few
 * kilobytes, and parsed again only when its text has changed.
 */
export function headersFromFile(root: string, base = '/'): (path: string) => OutgoingHttpHeaders {
  const file = join(root, '_headers');
  let parsed: { text: string; rules: ReturnType<typeof parseHeadersFile> } | undefined;
  return (path) => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // No file (not built yet, or a build is replacing it): no extra headers.
      return {};
    }
    if (parsed?.text !== text) parsed = { text, rules: parseHeadersFile(text) };
    return headersForPath(parsed.rules, `${base.replace(/\/$/, '')}${path}`);
  };
}

/**
 * The rules of `<root>/_redirects` as the file says now (none while there is no such file), read again for
 * every request as `_headers` is, so a rebuild while the server runs is followed at once.
 */
export function redirectsFromFile(root: string): () => RedirectRule[] {
  const file = join(root, '_redirects');
  let parsed: { text: string; rules: RedirectRule[] } | undefined;
  return () => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      return [];
    }
    if (parsed?.text !== text) parsed = { text, rules: parseRedirectsFile(text) };
    return parsed.rules;
  };
}

export interface StaticServer {
  /** Origin and base, ending in a slash: `http://127.0.0.1:43123/`. */
  url: string;
  close(): Promise<void>;
}

async function fileAt(path: string) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : info.isDirectory() ? 'directory' : undefined;
  } catch {
    return undefined;
  }
}

export async function startStaticServer(options: StaticServerOptions): Promise<StaticServer> {
  const root = resolve(options.root);
  const base = options.base ?? '/';
  const host = options.host ?? '127.0.0.1';
  const headersFor = options.headersFor ?? headersFromFile(root, base);
  const redirectRules = redirectsFromFile(root);

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    if (options.handle && (await options.handle(request, response))) return;
    const send = (status: number, path: string | undefined, headers: OutgoingHttpHeaders = {}) => {
      const type = path ? (lookup(path) ?? 'application/octet-stream') : 'text/plain; charset=utf-8';
      response.writeHead(status, {
        'Content-Type': type.startsWith('text/') && !type.includes('charset') ? `${type}; charset=utf-8` : type,
        ...headers,
      });
      if (request.method === 'HEAD' || !path) response.end(path ? undefined : String(status));
      else
        createReadStream(path)
          .on('error', () => response.destroy())
          .pipe(response);
    };

    const requested = readRequestPath(request.url ?? '/');
    if (!requested) return send(400, undefined);
    const { decoded: pathname, raw, search } = requested;
    const redirect = findRedirect(redirectRules(), raw, search);
    const redirectTo = (rule: RedirectRule) => {
      response.writeHead(rule.status, { Location: sameSiteLocation(redirectLocation(rule, search)) });
      response.end();
    };
    if (redirect?.force) return redirectTo(redirect);
    const notFound = async () => {
      if (redirect) return redirectTo(redirect);
      const page = join(root, '404.html');
      return send(404, (await fileAt(page)) === page ? page : undefined, headersFor('/404.html'));
    };
    if (`${pathname}/` === base) {
      // The site's root without its slash, as hosts do: /health-blog → /health-blog/
      response.writeHead(301, { Location: sameSiteLocation(`${base}${search}`) });
      return response.end();
    }
    if (!pathname.startsWith(base)) return notFound();
    const inside = `/${pathname.slice(base.length)}`;
    const target = normalize(join(root, inside));
    if (target !== root && !target.startsWith(root + sep)) return notFound();

    const found = await fileAt(target);
    if (found === 'directory') {
      if (!pathname.endsWith('/')) {
        response.writeHead(301, { Location: sameSiteLocation(`${raw}/${search}`) });
        return response.end();
      }
      const index = join(target, 'index.html');
      if ((await fileAt(index)) === index) return send(200, index, headersFor(inside));
      return notFound();
    }
    if (found) return send(200, found, headersFor(inside));
    return notFound();
  };

  // Whatever goes wrong with one request is that request's 500, never the end of the server.
  const server: Server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      response.end();
    });
  });

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}${base}`,
    close: () => new Promise<void>((done, fail) => server.close((error) => (error ? fail(error) : done()))),
  };
}
