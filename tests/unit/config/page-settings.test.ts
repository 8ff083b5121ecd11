import { globSync, readFileSync } from 'node:fs';

import { afterEach, describe, expect, test, vi } from 'vitest';

/** The digest of the page settings as a build with `env` makes them. */
async function digestWith(env: Record<string, string>): Promise<string> {
  vi.resetModules();
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  const { pageSettingsDigest } = await import('@/config/page-settings');
  return pageSettingsDigest();
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

describe('pageSettingsDigest', () => {
  const usual = { SITE_URL: 'https://example.org', BASE_PATH: '', SITE_OWNER: 'Health Questions', QUESTIONS: 'local' };

  test('is the same for the same settings', async () => {
    expect(await digestWith(usual)).toBe(await digestWith(usual));
  });

  test.each([
    ['SITE_OWNER', 'Another Owner'],
    ['SITE_URL', 'https://example.com'],
    ['BASE_PATH', 'health'],
    ['QUESTIONS', 'off'],
  ])('changes when %s changes, so incremental builds render every article page again', async (name, value) => {
    expect(await digestWith({ ...usual, [name]: value })).not.toBe(await digestWith(usual));
  });
});

describe('pageSettingsDigest and unpublished articles', () => {
  test('differs between `npm run dev`, which shows drafts, and a build', async () => {
    vi.stubEnv('DEV', true);
    const dev = await digestWith({});
    vi.stubEnv('DEV', false);
    expect(await digestWith({})).not.toBe(dev);
  });
});

describe('where the environment is read', () => {
  /** Source files that read an environment variable. */
  const readers = globSync('src/**/*.{ts,astro}')
    .filter((file) => /process\??\.env|import\.meta\.env\.(?!BASE_URL)/.test(readFileSync(file, 'utf8')))
    .sort();

  test('only modules in src/config read the environment', () => {
    expect(readers.filter((file) => !file.startsWith('src/config/'))).toEqual([]);
  });

  test('every setting module that reads it is in the page settings, but the content folder (its own cache), the build day, the redirect pages and the editor', () => {
    const pageSettings = readFileSync('src/config/page-settings.ts', 'utf8');
    const imported = [...pageSettings.matchAll(/from '@\/config\/([\w-]+)'/g)].map(
      ([, name]) => `src/config/${name}.ts`,
    );
    // The guard only checks the same settings first, to stop a build on a bad one without a stack trace.
    // The build day reaches the cache keys as the articles it publishes (tests/unit/content.test.ts).
    // REDIRECT_PAGES and CMS only add files after the build, and render no page.
    expect(readers).toEqual(
      [
        ...imported,
        'src/config/build-day.ts',
        'src/config/content-dir.ts',
        'src/config/editor.ts',
        'src/config/redirect-pages.ts',
        'src/config/settings-guard.ts',
      ].sort(),
    );
  });
});
