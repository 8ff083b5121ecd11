/**
 * WordPress's theme test data imported with its media, served by a local stand-in for its media host
 * (wpthemetestdata.files.wordpress.com): no article is left showing or linking a file on the old site.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';

import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { formatReport, importWordPress, type ImportReport } from '@/lib/import/wordpress';
import { mediaReferences } from '@/lib/import/wordpress/media-files';
import { MediaImporter, type MediaSummary } from '@/lib/import/wordpress/media';

import { removeTemporaryFolders, temporaryFolder, THEME_DATA } from './helpers';

const MEDIA_HOST = 'https://wpthemetestdata.files.wordpress.com';

/** A small file of the type each extension names. */
const FILES: Record<string, Buffer> = {
  pdf: Buffer.from('%PDF-1.4\n%%EOF\n'),
  mp3: Buffer.from('ID3\u0004\u0000 sound', 'latin1'),
  mov: Buffer.from('\u0000\u0000\u0000\u0014ftypqt   video', 'latin1'),
};

let server: Server;
let origin = '';
let outDir = '';
let report: ImportReport;
let summary: MediaSummary;
const articles = new Map<string, string>();

beforeAll(async () => {
  const square = sharp({ create: { width: 16, height: 16, channels: 3, background: '#808080' } });
  Object.assign(FILES, {
    jpg: await square.clone().jpeg().toBuffer(),
    jpeg: await square.clone().jpeg().toBuffer(),
    png: await square.clone().png().toBuffer(),
    gif: await square.clone().gif().toBuffer(),
  });
  server = createServer((request, response) => {
    const extension = /\.([a-z0-9]+)$/i.exec(new URL(request.url ?? '/', 'http://x').pathname)?.[1]?.toLowerCase();
    const body = extension && FILES[extension];
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const xml = (await readFile(THEME_DATA, 'utf8')).replaceAll(MEDIA_HOST, origin);
  outDir = await temporaryFolder('wordpress-theme-media-');
  const media = new MediaImporter({ outDir });
  report = await importWordPress({
    includePages: true,
    openExport: () => [xml],
    onFile: (file) => void articles.set(file.path, file.contents),
    media,
  });
  summary = media.summary();
}, 60_000);

afterAll(async () => {
  await new Promise((closed) => server.close(closed));
  await removeTemporaryFolders();
});

describe('the theme test data imported with its media', () => {
  test('every file its posts use is downloaded, none fails', () => {
    expect(summary.failed).toEqual([]);
    expect(summary.downloaded).toBeGreaterThanOrEqual(37);
    expect(report.warnings.filter((warning) => warning.kind === 'media-file')).toEqual([]);
    expect(formatReport(report)).not.toContain('Media not downloaded');
  });

  test('no article shows an image or links a file on the old media host', () => {
    const onOldHost = [...articles].flatMap(([path, contents]) =>
      mediaReferences(contents)
        .filter(({ address, use }) => address.startsWith(origin) && (use === 'image' || /\.\w{2,4}$/.test(address)))
        .map(({ address }) => `${path}: ${address}`),
    );
    expect(onOldHost).toEqual([]);
  });

  test('every image and file an article points at is in the media folder', () => {
    const missing: string[] = [];
    let checked = 0;
    for (const [path, contents] of articles) {
      if (!path.startsWith('articles/')) continue;
      for (const [, destination] of contents.matchAll(/\]\(((?:\.\.\/)+media\/[^)]+)\)/g)) {
        // An image is relative to the article file; a link to the article's page (one folder deeper).
        const file = destination!.startsWith('../../')
          ? join(outDir, destination!.slice('../../'.length))
          : resolve(join(outDir, dirname(path)), destination!);
        checked++;
        if (!existsSync(file)) missing.push(`${path}: ${destination}`);
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });
});
