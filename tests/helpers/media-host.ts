/**
 * A stand-in for a WordPress site's media host, for imports with media: it answers any path with a small
 * valid file of the type its extension names (images drawn by sharp, documents and sound by their magic
 * bytes), and 404 for anything else. WordPress's theme test data keeps its media on
 * wpthemetestdata.files.wordpress.com, which the tests cannot reach; they rewrite it to this host.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

import sharp from 'sharp';

/** The theme test data's media host, as its export names it. */
export const THEME_DATA_MEDIA_HOST = 'https://wpthemetestdata.files.wordpress.com';

export interface MediaHost {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Paths requested so far. */
  requested: string[];
  close(): Promise<void>;
}

export async function startMediaHost(): Promise<MediaHost> {
  const square = sharp({ create: { width: 48, height: 32, channels: 3, background: '#808080' } });
  const files: Record<string, Buffer> = {
    jpg: await square.clone().jpeg().toBuffer(),
    jpeg: await square.clone().jpeg().toBuffer(),
    png: await square.clone().png().toBuffer(),
    gif: await square.clone().gif().toBuffer(),
    pdf: Buffer.from('%PDF-1.4\n%%EOF\n'),
    mp3: Buffer.from('ID3\u0004\u0000 sound', 'latin1'),
    mov: Buffer.from('\u0000\u0000\u0000\u0014ftypqt   video', 'latin1'),
  };
  const requested: string[] = [];
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requested.push(path);
    const body = files[/\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? ''];
    if (!body) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-length': body.length }).end(body);
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requested,
    close: () => new Promise((closed) => server.close(() => closed())),
  };
}
