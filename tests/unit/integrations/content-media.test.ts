import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, test } from 'vitest';

import { mediaFileFor } from '@/integrations/content-media';
import { basePath } from '@/lib/urls';

const root = mkdtempSync(join(tmpdir(), 'content-media-'));
const media = join(root, 'media');
mkdirSync(join(media, '2020/01'), { recursive: true });
writeFileSync(join(media, '2020/01/leaflet.pdf'), '%PDF-1.4');
writeFileSync(join(root, 'secret.txt'), 'not media');
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the media files npm run dev answers', () => {
  test('an address under <base>media/ names the file of the media folder', () => {
    expect(mediaFileFor(media, `${basePath}media/2020/01/leaflet.pdf?download=1`)).toBe(
      join(media, '2020/01/leaflet.pdf'),
    );
  });

  test('nothing outside the media folder, no folder, and no other address is answered', () => {
    expect(mediaFileFor(media, `${basePath}media/../secret.txt`)).toBeUndefined();
    expect(mediaFileFor(media, `${basePath}media/%2e%2e/secret.txt`)).toBeUndefined();
    expect(mediaFileFor(media, `${basePath}media/2020/01/`)).toBeUndefined();
    expect(mediaFileFor(media, `${basePath}media/2020/01/missing.pdf`)).toBeUndefined();
    expect(mediaFileFor(media, `${basePath}articles/2020/01/leaflet.pdf`)).toBeUndefined();
    expect(mediaFileFor(media, `${basePath}media/%E0%A4%A.pdf`)).toBeUndefined();
  });
});
