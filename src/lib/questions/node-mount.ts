/**
 * The question handler inside Node's own HTTP servers: `npm run preview` (`scripts/static-server.ts`) and
 * `npm run dev` (`integrations/questions.ts`). Node only: the secret kept in a file, and Node's request and
 * response turned into web ones and back.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';

import { createQuestionHandler } from '@/lib/questions/handler';
import { handlerSettingsFromEnvironment, type Environment } from '@/lib/questions/settings';
import { sinkFromEnvironment } from '@/lib/questions/sinks';

/** Where the local mounts keep a secret they made, when `QUESTIONS_SECRET` is unset. */
export const LOCAL_SECRET_FILE = 'node_modules/.astro/questions-secret';

/** The secret in `file`, made (random, 32 bytes) and written there the first time. */
export function localSecret(file = LOCAL_SECRET_FILE): string {
  try {
    const kept = readFileSync(file, 'utf8').trim();
    if (kept) return kept;
  } catch {
    // Not made yet.
  }
  const secret = randomBytes(32).toString('hex');
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  return secret;
}

/**
 * A web Request for the handler from Node's request. Only the headers the handler reads go across:
 * nothing about the reader (address, browser, cookies) reaches it.
 */
export function toWebRequest(request: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const name of ['content-type', 'content-length']) {
    const value = request.headers[name];
    if (typeof value === 'string') headers.set(name, value);
  }
  const method = request.method ?? 'GET';
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(request.url ?? '/', origin), {
    method,
    headers,
    ...(hasBody && { body: Readable.toWeb(request) as ReadableStream<Uint8Array>, duplex: 'half' }),
  } as RequestInit);
}

/** Writes the handler's Response to Node's response. */
export async function sendWebResponse(response: Response, destination: ServerResponse): Promise<void> {
  destination.writeHead(response.status, Object.fromEntries(response.headers));
  destination.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
}

export interface NodeMountOptions {
  env: Environment;
  contentDir: string;
  basePath: string;
  loadAskPage: (slug: string) => Promise<string | undefined>;
  /** The handler's clock, the real time by default: a test moves it on instead of waiting. */
  now?: (() => Date) | undefined;
}

/**
 * A request listener for the handler's address, `{base}api/questions`: it answers and returns true there,
 * and returns false for every other address. Settings from `env`; a secret kept in
 * `node_modules/.astro/questions-secret` when `QUESTIONS_SECRET` is unset.
 * @throws Error naming each missing setting (sink, secret, Turnstile)
 */
export function createNodeQuestionMount(
  options: NodeMountOptions,
): (request: IncomingMessage, response: ServerResponse) => Promise<boolean> {
  const settings = handlerSettingsFromEnvironment(options.env, () => localSecret());
  const handle = createQuestionHandler({
    sink: sinkFromEnvironment(options.env, { contentDir: options.contentDir }),
    ...settings,
    basePath: options.basePath,
    loadAskPage: options.loadAskPage,
    now: options.now,
  });
  const endpoint = `${options.basePath}api/questions`;
  return async (request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (path !== endpoint) return false;
    // The handler reads only the path and query: the Host header, which the client chose, is not needed.
    await sendWebResponse(await handle(toWebRequest(request, 'http://localhost')), response);
    return true;
  };
}
