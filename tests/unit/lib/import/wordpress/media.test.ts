/**
 * The media step against a local WordPress-like server: what is downloaded, where, how articles point at
 * it, and what happens to slow, missing, moved, mistyped and oversized files.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';

import { formatReport, importWordPress } from '@/lib/import/wordpress';
import { MediaImporter, type MediaOptions } from '@/lib/import/wordpress/media';

import { bodyOf, removeTemporaryFolders, temporaryFolder, wxr, type ItemSpec } from './helpers';

const UPLOADS = '/wp-content/uploads/2020/01';
let jpeg: Buffer;
let png: Buffer;
const pdf = Buffer.from('%PDF-1.4\n% leaflet\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

let server: Server;
let origin = '';
/** Requests by path, to see what was fetched and how often. */
const requests: string[] = [];
let inFlight = 0;
let mostInFlight = 0;

type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;
const send =
  (body: Buffer | string, type: string): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
    response.end(body);
  };
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const ROUTES: Record<string, Route> = {
  [`${UPLOADS}/photo.jpg`]: (request, response) => send(jpeg, 'image/jpeg')(request, response),
  [`${UPLOADS}/photo-300x200.jpg`]: (request, response) => send(jpeg, 'image/jpeg')(request, response),
  [`${UPLOADS}/second.png`]: (request, response) => send(png, 'application/octet-stream')(request, response),
  [`${UPLOADS}/leaflet.pdf`]: send(pdf, 'application/pdf'),
  [`${UPLOADS}/missing.jpg`]: (_request, response) => {
    response.writeHead(404, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>Not found</title>');
  },
  [`${UPLOADS}/soft-404.jpg`]: send('<!DOCTYPE html><html><body>Page not found</body></html>', 'text/html'),
  [`${UPLOADS}/moved.png`]: (_request, response) => {
    response.writeHead(301, { location: `${UPLOADS}/second.png` });
    response.end();
  },
  [`${UPLOADS}/offsite.jpg`]: (_request, response) => {
    response.writeHead(302, { location: `http://localhost:${new URL(origin).port}/elsewhere/photo.jpg` });
    response.end();
  },
  [`${UPLOADS}/huge.pdf`]: send(Buffer.concat([pdf, Buffer.alloc(4096)]), 'application/pdf'),
  [`${UPLOADS}/huge-unannounced.pdf`]: (_request, response) => {
    response.writeHead(200, { 'content-type': 'application/pdf' });
    response.write(pdf);
    response.end(Buffer.alloc(4096));
  },
  [`${UPLOADS}/slow.jpg`]: async (request, response) => {
    await delay(1500);
    send(jpeg, 'image/jpeg')(request, response);
  },
  [`${UPLOADS}/cut-off.jpg`]: (_request, response) => {
    response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length });
    response.write(jpeg.subarray(0, 100));
    setTimeout(() => response.destroy(), 20);
  },
  '/elsewhere/photo.jpg': (request, response) => send(jpeg, 'image/jpeg')(request, response),
};

beforeAll(async () => {
  jpeg = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#c05030' } })
    .jpeg()
    .toBuffer();
  png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#3050c0' } })
    .png()
    .toBuffer();
  server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    inFlight++;
    mostInFlight = Math.max(mostInFlight, inFlight);
    response.on('close', () => inFlight--);
    await delay(10);
    const route = ROUTES[path];
    if (route) await route(request, response);
    else {
      response.writeHead(404);
      response.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await removeTemporaryFolders();
});

beforeEach(() => {
  requests.length = 0;
  mostInFlight = 0;
});

/** An export of the site at `origin`, with the attachments its posts use. */
function siteExport(...items: ItemSpec[]): string {
  return wxr(
    {
      id: 900,
      type: 'attachment',
      status: 'inherit',
      attachmentUrl: `${origin}${UPLOADS}/photo.jpg`,
      imageAlt: 'A red square',
    },
    ...items,
  ).replaceAll('https://blog.example', origin);
}

const image = (name: string, alt = 'An image') => `<img src="${origin}${UPLOADS}/${name}" alt="${alt}">`;

/** Runs the import with media into a new content folder, as the command does. */
async function importWithMedia(xml: string, options: Partial<MediaOptions> & { outDir?: string } = {}) {
  const outDir = options.outDir ?? (await temporaryFolder('wordpress-media-test-'));
  const media = new MediaImporter({ timeoutMs: 5000, ...options, outDir });
  const articles = new Map<string, string>();
  const report = await importWordPress({
    openExport: () => [xml],
    onFile: (file) => {
      const slug = /^articles\/(.+)\.mdx$/.exec(file.path)?.[1];
      if (slug) articles.set(slug, bodyOf(file.contents));
    },
    media,
  });
  return { outDir, articles, report, summary: media.summary() };
}

const post = (id: number, content: string): ItemSpec => ({ id, slug: `post-${id}`, content });

describe('downloading the media posts use', () => {
  test('an image is kept under media/ by year and month, and the article points at it with its alt text', async () => {
    const { outDir, articles, summary } = await importWithMedia(
      siteExport(post(1, `<p>${image('photo.jpg', 'A red square')}</p>`)),
    );
    expect(articles.get('post-1')).toBe('![A red square](../media/2020/01/photo.jpg)\n');
    expect(await readFile(join(outDir, 'media/2020/01/photo.jpg'))).toEqual(jpeg);
    expect(summary).toMatchObject({ downloaded: 1, alreadyThere: 0, failed: [] });
  });

  test('a size WordPress made of an attachment is downloaded as the original', async () => {
    const { outDir, articles } = await importWithMedia(siteExport(post(1, image('photo-300x200.jpg'))));
    expect(articles.get('post-1')).toBe('![An image](../media/2020/01/photo.jpg)\n');
    expect(requests).toEqual([`${UPLOADS}/photo.jpg`]);
    expect(existsSync(join(outDir, 'media/2020/01/photo-300x200.jpg'))).toBe(false);
  });

  test('a linked file is downloaded and linked where the built site serves it', async () => {
    const { outDir, articles } = await importWithMedia(
      siteExport(post(1, `<p><a href="${origin}${UPLOADS}/leaflet.pdf">The leaflet</a></p>`)),
    );
    expect(articles.get('post-1')).toBe('[The leaflet](../../media/2020/01/leaflet.pdf)\n');
    expect(await readFile(join(outDir, 'media/2020/01/leaflet.pdf'))).toEqual(pdf);
  });

  test('a link to an attachment’s page on the old site becomes a link to the file itself', async () => {
    const linked = (href: string) => `<p><a href="${href}">${image('photo-300x200.jpg')}</a></p>`;
    const { articles } = await importWithMedia(
      siteExport(post(1, linked(`${origin}/?p=900`)), post(2, linked(`${origin}/?attachment_id=900`))),
    );
    const local = '[![An image](../media/2020/01/photo.jpg)](../../media/2020/01/photo.jpg)\n';
    expect(articles.get('post-1')).toBe(local);
    expect(articles.get('post-2')).toBe(local);
    expect(requests).toEqual([`${UPLOADS}/photo.jpg`]);
  });

  test('a post’s featured image is shown above its text, once', async () => {
    const { articles } = await importWithMedia(
      siteExport(
        { ...post(1, '<p>Text.</p>'), featuredImageId: 900 },
        { ...post(2, `<p>${image('photo-300x200.jpg')}</p>`), featuredImageId: 900 },
      ),
    );
    expect(articles.get('post-1')).toBe('![A red square](../media/2020/01/photo.jpg)\n\nText.\n');
    expect(articles.get('post-2')).toBe('![An image](../media/2020/01/photo.jpg)\n');
  });

  test('a gallery shortcode’s attachments are downloaded', async () => {
    const { articles } = await importWithMedia(siteExport(post(1, '[gallery ids="900"]')));
    expect(articles.get('post-1')).toContain('![A red square](../media/2020/01/photo.jpg)');
  });

  test('a file used by several posts is fetched once', async () => {
    const { articles } = await importWithMedia(siteExport(post(1, image('photo.jpg')), post(2, image('photo.jpg'))));
    expect(requests).toEqual([`${UPLOADS}/photo.jpg`]);
    expect(articles.get('post-2')).toBe('![An image](../media/2020/01/photo.jpg)\n');
  });

  test('a second run fetches only what is missing and writes the same articles', async () => {
    const xml = siteExport(post(1, image('photo.jpg')), post(2, image('second.png')));
    const first = await importWithMedia(xml);
    requests.length = 0;
    const second = await importWithMedia(xml, { outDir: first.outDir });
    expect(requests).toEqual([]);
    expect(second.articles).toEqual(first.articles);
    expect(second.summary).toMatchObject({ downloaded: 0, alreadyThere: 2 });
  });

  test('downloads run concurrently, never more at once than the limit', async () => {
    const names = ['photo.jpg', 'second.png', 'leaflet.pdf'];
    const posts = names.map((name, index) => post(index + 1, `<a href="${origin}${UPLOADS}/${name}">file</a>`));
    await importWithMedia(siteExport(...posts), { concurrency: 2 });
    expect(requests).toHaveLength(3);
    expect(mostInFlight).toBe(2);
  });

  test('a file that cannot be handed on stops the import, as without media', async () => {
    const media = new MediaImporter({ outDir: await temporaryFolder('wordpress-media-test-') });
    const imported = importWordPress({
      openExport: () => [
        siteExport(
          post(1, '<p>No media.</p>'),
          ...Array.from({ length: 20 }, (_, index) => post(index + 2, image('photo.jpg'))),
        ),
      ],
      onFile: (file) => {
        if (file.path === 'articles/post-1.mdx') throw new Error('ENOSPC: no space left on device');
      },
      media,
    });
    await expect(imported).rejects.toThrow('ENOSPC');
  });

  test('a dry run fetches nothing and leaves the articles pointing at the old site', async () => {
    const { outDir, articles, summary } = await importWithMedia(siteExport(post(1, image('photo.jpg'))), {
      dryRun: true,
    });
    expect(requests).toEqual([]);
    expect(existsSync(join(outDir, 'media'))).toBe(false);
    expect(articles.get('post-1')).toBe(`![An image](${origin}${UPLOADS}/photo.jpg)\n`);
    expect(summary.wouldDownload).toBe(1);
  });

  test('without the media step, articles keep loading images from the old site (--no-media)', async () => {
    const files = new Map<string, string>();
    await importWordPress({
      openExport: () => [siteExport(post(1, image('photo.jpg')))],
      onFile: (file) => void files.set(file.path, file.contents),
    });
    expect(bodyOf(files.get('articles/post-1.mdx')!)).toBe(`![An image](${origin}${UPLOADS}/photo.jpg)\n`);
    expect(requests).toEqual([]);
  });
});

describe('what is not fetched', () => {
  test('an image on another site is left there and named in the report, unless its host is allowed', async () => {
    const elsewhere = `http://localhost:${new URL(origin).port}/elsewhere/photo.jpg`;
    const xml = siteExport(post(1, `<img src="${elsewhere}" alt="Elsewhere">`));
    const left = await importWithMedia(xml);
    expect(requests).toEqual([]);
    expect(left.articles.get('post-1')).toBe(`![Elsewhere](${elsewhere})\n`);
    expect(left.report.warnings).toEqual([
      expect.objectContaining({
        kind: 'media-file',
        article: 'post-1',
        message: expect.stringContaining('--media-from localhost'),
      }),
    ]);

    const allowed = await importWithMedia(xml, { extraHosts: ['localhost'] });
    expect(allowed.articles.get('post-1')).toBe('![Elsewhere](../media/localhost/elsewhere/photo.jpg)\n');
  });

  test('a link to a page of the old site is not a file to download', async () => {
    const { articles } = await importWithMedia(
      siteExport(post(1, `<a href="${origin}/2020/01/leg-cramps/">Cramps</a>`)),
    );
    expect(requests).toEqual([]);
    expect(articles.get('post-1')).toBe(`[Cramps](${origin}/2020/01/leg-cramps/)\n`);
  });
});

describe('files that cannot be downloaded', () => {
  /** Imports a post using one file; the failure's reason, and whether the article kept the old address. */
  async function failure(html: string, options: Partial<MediaOptions> = {}) {
    const run = await importWithMedia(siteExport(post(1, html), post(2, image('photo.jpg'))), options);
    const [failed] = run.summary.failed;
    return { ...run, failed, mediaFiles: readdirSync(join(run.outDir, 'media/2020/01')) };
  }

  test('a missing file (404) is reported with the post that uses it, and the import goes on', async () => {
    const { failed, articles, report, mediaFiles } = await failure(image('missing.jpg'));
    expect(failed).toEqual({
      address: `${origin}${UPLOADS}/missing.jpg`,
      reason: 'the server answered 404 Not Found',
      articles: ['post-1'],
    });
    expect(articles.get('post-1')).toBe(`![An image](${origin}${UPLOADS}/missing.jpg)\n`);
    expect(articles.get('post-2')).toBe('![An image](../media/2020/01/photo.jpg)\n');
    expect(mediaFiles).toEqual(['photo.jpg']);
    expect(formatReport(report)).toContain(
      `post-1: ${origin}${UPLOADS}/missing.jpg was not downloaded: the server answered 404 Not Found; still loaded from the old site`,
    );
  });

  test('a redirect within the site is followed, and the file kept under the name the post uses', async () => {
    const { outDir, articles } = await importWithMedia(siteExport(post(1, image('moved.png'))));
    expect(requests).toEqual([`${UPLOADS}/moved.png`, `${UPLOADS}/second.png`]);
    expect(articles.get('post-1')).toBe('![An image](../media/2020/01/moved.png)\n');
    expect(await readFile(join(outDir, 'media/2020/01/moved.png'))).toEqual(png);
  });

  test('a redirect to another host is not followed', async () => {
    const { failed } = await failure(image('offsite.jpg'));
    expect(failed?.reason).toMatch(
      /^redirected to http:\/\/localhost:\d+\/elsewhere\/photo\.jpg, outside the site's uploads/,
    );
    expect(requests).not.toContain('/elsewhere/photo.jpg');
  });

  test('a page served in place of an image is refused; an image served with a wrong type is kept', async () => {
    const { failed } = await failure(image('soft-404.jpg'));
    expect(failed?.reason).toBe('the server sent an HTML page, not a .jpg file (Content-Type: text/html)');
    const kept = await importWithMedia(siteExport(post(1, image('second.png'))));
    expect(kept.summary.failed).toEqual([]);
  });

  test('a file over the size limit is refused, whether or not the server says its size first', async () => {
    for (const name of ['huge.pdf', 'huge-unannounced.pdf']) {
      const { failed, mediaFiles } = await failure(`<a href="${origin}${UPLOADS}/${name}">Big</a>`, { maxBytes: 1000 });
      expect(failed?.reason).toBe('larger than the 0.0 MB limit (--media-max-size raises it)');
      expect(mediaFiles).toEqual(['photo.jpg']);
    }
  });

  test('a slow answer times out', async () => {
    const { failed } = await failure(image('slow.jpg'), { timeoutMs: 300 });
    expect(failed?.reason).toBe('no complete answer within 0.3 s');
  });

  test('a download cut off half-way leaves no partial file behind', async () => {
    const { failed, mediaFiles } = await failure(image('cut-off.jpg'));
    expect(failed).toBeDefined();
    expect(mediaFiles).toEqual(['photo.jpg']);
  });
});
