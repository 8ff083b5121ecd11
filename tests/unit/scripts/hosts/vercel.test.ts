import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, test } from 'vitest';

import { parseRedirectsFile } from '@/lib/redirects/redirect-rules';
import { redirectRoute, vercelBuildOutputConfig, writeVercelOutput } from '../../../../scripts/hosts/vercel';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

describe('redirects from old addresses on Vercel', () => {
  const [query, path] = parseRedirectsFile('/ p=12 /articles/x/ 301!\n/2019/05/x.y/ /articles/x/ 301\n');

  test('a path becomes a route matching it with or without its trailing slash, its dots literal', () => {
    const route = redirectRoute(path!);
    expect(route).toEqual({ src: '^/2019/05/x\\.y/?$', headers: { Location: '/articles/x/' }, status: 301 });
    const src = new RegExp((route as { src: string }).src);
    expect(['/2019/05/x.y/', '/2019/05/x.y'].every((address) => src.test(address))).toBe(true);
    expect(src.test('/2019/05/xzy/')).toBe(false);
  });

  test('a query condition becomes a "has" condition on the query parameter', () => {
    expect(redirectRoute(query!)).toEqual({
      src: '^/$',
      headers: { Location: '/articles/x/' },
      status: 301,
      has: [{ type: 'query', key: 'p', value: '12' }],
    });
  });

  test('come after the header routes and before the files, so no file can hide them', () => {
    const { routes } = vercelBuildOutputConfig([{ path: '/*', headers: { 'X-A': '1' } }], '/', [path!]);
    expect(routes.map((route) => ('handle' in route ? 'files' : route.status === 301 ? 'redirect' : 'other'))).toEqual([
      'other',
      'redirect',
      'files',
      'other',
    ]);
  });

  test('are read from dist/_redirects, which is not copied as a file', () => {
    const dist = mkdtempSync(join(tmpdir(), 'vercel-dist-'));
    const output = mkdtempSync(join(tmpdir(), 'vercel-output-'));
    folders.push(dist, output);
    mkdirSync(join(dist, 'articles/x'), { recursive: true });
    writeFileSync(join(dist, 'articles/x/index.html'), '<p>x</p>');
    writeFileSync(join(dist, '_headers'), '/*\n  X-A: 1\n');
    writeFileSync(join(dist, '_redirects'), '/2019/05/x/ /articles/x/ 301\n');
    const config = writeVercelOutput({ dist, output, base: '/' });
    expect(config.routes).toContainEqual({ src: '^/2019/05/x/?$', headers: { Location: '/articles/x/' }, status: 301 });
    expect(JSON.parse(readFileSync(join(output, 'config.json'), 'utf8'))).toEqual(config);
    expect(existsSync(join(output, 'static', '_redirects'))).toBe(false);
  });
});
