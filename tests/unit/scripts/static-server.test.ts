/**
 * The static server behind `npm run preview` answers every request, however malformed, and never
 * redirects off the site. Requests are written to the socket byte for byte: `fetch` would clean them up.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { sameSiteLocation } from '../../../scripts/request-path';
import { startStaticServer, type StaticServer } from '../../../scripts/static-server';

let root: string;
const servers: Record<'root' | 'base', StaticServer | undefined> = { root: undefined, base: undefined };

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'static-server-'));
  for (const file of [
    'index.html',
    '404.html',
    'articles/index.html',
    'articles/x/index.html',
    'tags/睡眠/index.html',
  ]) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), `<p>${file}</p>`);
  }
  servers.root = await startStaticServer({ root });
  servers.base = await startStaticServer({ root, base: '/health/' });
});

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server?.close()));
  rmSync(root, { recursive: true, force: true });
});

/** Sends `GET <target>` as raw bytes; resolves with the status and the Location header, if any. */
function get(server: StaticServer, target: string): Promise<{ status: number; location: string | undefined }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.setTimeout(5_000, () => socket.destroy(new Error(`no answer to ${target}`)));
    socket.on('close', () => {
      const head = Buffer.concat(chunks).toString('latin1').split('\r\n\r\n')[0]!;
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1]);
      const location = /^location: (.*)$/im.exec(head)?.[1];
      resolve({ status, location });
    });
    socket.write(
      Buffer.concat([
        Buffer.from('GET '),
        Buffer.from(target),
        Buffer.from(' HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'),
      ]),
    );
  });
}

/** Whether a Location value, read by a browser on the server's page, stays on the server's origin. */
const staysOnSite = (server: StaticServer, location: string) =>
  /^\/(?![/\\])/.test(location) && new URL(location, server.url).origin === new URL(server.url).origin;

describe('startStaticServer', () => {
  test('redirects a directory with a non-ASCII name to its address with a slash, encoded', async () => {
    expect(await get(servers.root!, '/tags/%E7%9D%A1%E7%9C%A0')).toEqual({
      status: 301,
      location: '/tags/%E7%9D%A1%E7%9C%A0/',
    });
    expect((await get(servers.root!, '/tags/%E7%9D%A1%E7%9C%A0/')).status).toBe(200);
  });

  test('never redirects to another host, whatever the path encodes', async () => {
    for (const target of [
      '/%2Fevil.com%2F..%2Farticles',
      '//evil.com/..%2Farticles',
      '/%5Cevil.com/../articles',
      '/\\evil.com/../articles',
    ]) {
      const { status, location } = await get(servers.root!, target);
      expect(status, target).toBeGreaterThanOrEqual(300);
      if (location !== undefined) expect(staysOnSite(servers.root!, location), `${target} → ${location}`).toBe(true);
    }
  });

  test('answers a malformed escape or a NUL with 400', async () => {
    expect((await get(servers.root!, '/articles%')).status).toBe(400);
    expect((await get(servers.root!, '/%E7%9D')).status).toBe(400);
    expect((await get(servers.root!, '/articles/%00')).status).toBe(400);
  });

  test('answers a huge address', async () => {
    expect((await get(servers.root!, `/${'a'.repeat(100_000)}`)).status).toBe(431);
    expect((await get(servers.root!, '/articles/x/')).status).toBe(200);
  });

  test('answers any path, under any base, and every redirect stays on the site', async () => {
    const pieces = [
      '/',
      '\\',
      '.',
      '..',
      '%',
      '%2F',
      '%2f',
      '%5C',
      '%00',
      '%E7%9D%A1',
      '%ZZ',
      '?',
      '#',
      '@',
      ':',
      'evil.com',
      'health',
      'tags',
      'articles',
      'x',
      '睡眠',
      ' ',
      '\t',
      '"',
      '<',
    ];
    const path = fc.oneof(
      fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((parts) => `/${parts.join('')}`),
      fc.string({ unit: 'binary', maxLength: 40 }).map((text) => `/${text}`),
    );
    await fc.assert(
      fc.asyncProperty(path, fc.constantFrom('root' as const, 'base' as const), async (target, which) => {
        const server = servers[which]!;
        const { status, location } = await get(server, target);
        expect(status).toBeGreaterThanOrEqual(200);
        expect(status).toBeLessThan(600);
        if (location !== undefined) expect(staysOnSite(server, location), `${target} → ${location}`).toBe(true);
      }),
      { numRuns: 400 },
    );
    // Still serving.
    expect((await get(servers.root!, '/articles/x/')).status).toBe(200);
  }, 60_000);
});

describe('the headers of dist/_headers', () => {
  /** A rebuilt page's new inline style hash, as the headers writer puts it in `_headers`. */
  const headersFile = (hash: string) => `/*\n  Content-Security-Policy: style-src 'self' '${hash}'\n`;
  const policy = async (server: StaticServer, path: string) =>
    (await fetch(new URL(path, server.url))).headers.get('content-security-policy');

  test('are read as the file says now: a rebuild while the server runs changes what it sends', async () => {
    const site = mkdtempSync(join(tmpdir(), 'static-server-headers-'));
    writeFileSync(join(site, 'index.html'), '<p>home</p>');
    const server = await startStaticServer({ root: site, base: '/health/' });
    try {
      expect(await policy(server, 'index.html')).toBeNull();
      writeFileSync(join(site, '_headers'), headersFile('sha256-first'));
      expect(await policy(server, '')).toBe("style-src 'self' 'sha256-first'");
      // Rewritten at once, as a build does: the same length and, likely, the same modification time.
      writeFileSync(join(site, '_headers'), headersFile('sha256-again'));
      expect(await policy(server, '')).toBe("style-src 'self' 'sha256-again'");
      rmSync(join(site, '_headers'));
      expect(await policy(server, '')).toBeNull();
    } finally {
      await server.close();
      rmSync(site, { recursive: true, force: true });
    }
  });
});

describe('sameSiteLocation', () => {
  test('keeps a path on this site, in ASCII', () => {
    expect(sameSiteLocation('//evil.com/x')).toBe('/evil.com/x');
    expect(sameSiteLocation('/\\evil.com/x')).toBe('/evil.com/x');
    expect(sameSiteLocation('/tags/睡眠/?q=é')).toBe('/tags/%E7%9D%A1%E7%9C%A0/?q=%C3%A9');
  });
});

describe('startStaticServer with a _redirects file', () => {
  let site: string;
  let server: StaticServer;
  beforeAll(async () => {
    site = mkdtempSync(join(tmpdir(), 'static-server-redirects-'));
    for (const file of ['index.html', '404.html', 'articles/x/index.html', 'kept/index.html']) {
      mkdirSync(dirname(join(site, file)), { recursive: true });
      writeFileSync(join(site, file), `<p>${file}</p>`);
    }
    writeFileSync(
      join(site, '_redirects'),
      [
        '/ p=12 /health/articles/x/ 301!',
        '/2019/05/x/ /health/articles/x/ 301',
        '/health/kept/ /health/articles/x/ 301',
        '/health/forced/ /health/articles/x/ 302!',
        '',
      ].join('\n'),
    );
    server = await startStaticServer({ root: site, base: '/health/' });
  });
  afterAll(async () => {
    await server.close();
    rmSync(site, { recursive: true, force: true });
  });

  test('redirects an old address outside the base path, with or without its trailing slash', async () => {
    expect(await get(server, '/2019/05/x/')).toEqual({ status: 301, location: '/health/articles/x/' });
    expect(await get(server, '/2019/05/x')).toEqual({ status: 301, location: '/health/articles/x/' });
  });

  test('passes the query on, as Netlify does', async () => {
    expect((await get(server, '/2019/05/x/?utm_source=mail')).location).toBe('/health/articles/x/?utm_source=mail');
  });

  test('follows a forced rule on its query even where a file answers the path', async () => {
    expect(await get(server, '/?p=12')).toEqual({ status: 301, location: '/health/articles/x/' });
    expect((await get(server, '/?p=13')).status).toBe(404);
  });

  test('serves a file that exists rather than follow a rule that is not forced, as Netlify does', async () => {
    expect((await get(server, '/health/kept/')).status).toBe(200);
    expect(await get(server, '/health/forced/')).toEqual({ status: 302, location: '/health/articles/x/' });
  });

  test('reads the file again when a build replaces it', async () => {
    writeFileSync(join(site, '_redirects'), '/2019/05/x/ /health/ 301\n');
    expect((await get(server, '/2019/05/x/')).location).toBe('/health/');
    rmSync(join(site, '_redirects'));
    expect((await get(server, '/2019/05/x/')).status).toBe(404);
  });
});
