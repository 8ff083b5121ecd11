/**
 * WordPress's theme test data imported with its media, served by a local stand-in for its media host
 * (wpthemetestdata.files.wordpress.com): no article is left showing or linking a file on the old site.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { formatReport, importWordPress, type ImportReport } from '@/lib/import/wordpress';
import { mediaReferences } from '@/lib/import/wordpress/media-files';
import { MediaImporter, type MediaSummary } from '@/lib/import/wordpress/media';

import { startMediaHost, THEME_DATA_MEDIA_HOST, type MediaHost } from '../../../../helpers/media-host';
import { removeTemporaryFolders, temporaryFolder, THEME_DATA } from './helpers';

let host: MediaHost;
let outDir = '';
let report: ImportReport;
let summary: MediaSummary;
const articles = new Map<string, string>();

beforeAll(async () => {
  host = await startMediaHost();
  const xml = (await readFile(THEME_DATA, 'utf8')).replaceAll(THEME_DATA_MEDIA_HOST, host.origin);
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
  await host.close();
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
        .filter(
          ({ address, use }) => address.startsWith(host.origin) && (use === 'image' || /\.\w{2,4}$/.test(address)),
        )
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
