/**
 * Vercel's copy of the site: its Build Output API folder (`.vercel/output/`), written from `dist/` after
 * the build (see `vercel.json` and `write-vercel-output.ts`).
 *
 * Vercel reads no `_headers` file, and `vercel.json` is read before the build, so it cannot hold the
 * Content-Security-Policy: the hashes of the inline styles exist only once the pages are built. So the
 * rules of `dist/_headers` (written by the build from `src/lib/headers/rules.ts`) become routes of
 * `.vercel/output/config.json`, which Vercel reads after the build.
 * https://vercel.com/docs/build-output-api/configuration
 */
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parseHeadersFile, type HeaderRule } from '@/lib/headers/rules';
import { matchablePath, parseRedirectsFile, type RedirectRule } from '@/lib/redirects/redirect-rules';

/** One entry of `routes` in `config.json`, as far as this site uses them. */
export type VercelRoute =
  | {
      /** PCRE matched against the request path. */
      src: string;
      headers?: Record<string, string>;
      /** Keep matching later routes: set on header routes so every matching rule adds its headers. */
      continue?: boolean;
      /** File to serve instead. */
      dest?: string;
      status?: number;
      /** Conditions on the request: here, query parameters that must hold these values. */
      has?: { type: 'query'; key: string; value: string }[];
    }
  | { handle: 'filesystem' };

export interface VercelBuildOutputConfig {
  version: 3;
  routes: VercelRoute[];
}

/** A `_headers` path pattern (`*` matches anything) as a route's `src`. */
export function routeSource(pattern: string): string {
  return `^${pattern
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*')}$`;
}

/** A `_redirects` rule as a route: its path with or without the trailing slash, its query as `has`. */
export function redirectRoute(rule: RedirectRule): VercelRoute {
  const path = matchablePath(rule.path);
  const src = `^${path.replace(/[.+?^${}()|[\]\\]/g, '\\$&')}${path === '/' ? '' : '/?'}$`;
  return {
    src,
    headers: { Location: rule.to },
    status: rule.status,
    ...(rule.query.length > 0 && {
      has: rule.query.map(([key, value]) => ({ type: 'query' as const, key, value: decodeURIComponent(value) })),
    }),
  };
}

/**
 * `config.json` for a site served under `base`: the header rules first, then the redirects from old
 * addresses (`dist/_redirects`), then the files, then the site's own 404 page, with status 404, for any
 * address no file answers.
 */
export function vercelBuildOutputConfig(
  rules: HeaderRule[],
  base: string,
  redirects: RedirectRule[] = [],
): VercelBuildOutputConfig {
  return {
    version: 3,
    routes: [
      ...rules.map(({ path, headers }) => ({ src: routeSource(path), headers, continue: true })),
      ...redirects.map(redirectRoute),
      { handle: 'filesystem' },
      { src: '^/.*$', dest: `${base}404.html`, status: 404 },
    ],
  };
}

export interface VercelOutputOptions {
  /** The built site, holding the `_headers` file the build wrote. */
  dist: string;
  /** Where to write the Build Output API folder; Vercel looks for `.vercel/output`. */
  output: string;
  /** Path the site was built for (`BASE_PATH`), with leading and trailing slash. */
  base: string;
}

/**
 * Writes the Build Output API folder: the files of `dist` under `static/<base>`, so a sub-path build
 * is served at its sub-path too, and `config.json` with the headers of `dist/_headers`.
 */
export function writeVercelOutput({ dist, output, base }: VercelOutputOptions): VercelBuildOutputConfig {
  const headersFile = join(dist, '_headers');
  if (!existsSync(headersFile)) {
    throw new Error(`${headersFile} is missing: run \`npm run build\` first, it writes the headers.`);
  }
  const redirectsFile = join(dist, '_redirects');
  const redirects = existsSync(redirectsFile) ? parseRedirectsFile(readFileSync(redirectsFile, 'utf8')) : [];
  const config = vercelBuildOutputConfig(parseHeadersFile(readFileSync(headersFile, 'utf8')), base, redirects);

  rmSync(output, { recursive: true, force: true });
  const staticRoot = join(output, 'static', base);
  mkdirSync(staticRoot, { recursive: true });
  // The headers and redirects now live in config.json; Vercel would serve their files as plain files.
  const hostFiles = new Set([resolve(headersFile), resolve(redirectsFile)]);
  cpSync(dist, staticRoot, { recursive: true, filter: (source) => !hostFiles.has(resolve(source)) });
  writeFileSync(join(output, 'config.json'), `${JSON.stringify(config, null, 2)}\n`);
  return config;
}
