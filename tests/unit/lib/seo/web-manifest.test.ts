import { describe, expect, test } from 'vitest';

import { webManifest } from '@/lib/seo/web-manifest';

describe('webManifest', () => {
  const manifest = webManifest({
    name: 'Health Questions',
    lang: 'en-GB',
    homePath: '/health-blog/',
    iconPath: (name) => `/health-blog/${name}.png`,
  });

  test('opens at the home page and stays within the base path', () => {
    expect(manifest).toMatchObject({ start_url: '/health-blog/', scope: '/health-blog/' });
  });

  test('names the site and its language', () => {
    expect(manifest).toMatchObject({ name: 'Health Questions', short_name: 'Health Questions', lang: 'en-GB' });
  });

  test('lists the 192 and 512 pixel PNG icons under the base path', () => {
    expect(manifest.icons).toEqual([
      { src: '/health-blog/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/health-blog/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
    ]);
  });
});
