import { describe, expect, test } from 'vitest';

import { siteSettingsFrom } from '@/config/site-settings';

/** The one-line messages a build stops with, for `env`. */
function refusal(env: Record<string, string>): string[] {
  try {
    siteSettingsFrom(env);
  } catch (error) {
    return (error as Error).message.split('\n');
  }
  throw new Error(`${JSON.stringify(env)} was accepted`);
}

describe('siteSettingsFrom', () => {
  test('defaults to the local preview address, the domain root and the site name', () => {
    expect(siteSettingsFrom({})).toEqual({
      url: 'http://localhost:4321',
      basePath: '/',
      owner: { name: 'Health Questions' },
    });
  });

  test('takes the origin, the base path with a slash at each end, and the owner', () => {
    expect(
      siteSettingsFrom({ SITE_URL: 'https://example.org/', BASE_PATH: 'health/blog/', SITE_OWNER: 'Clinic Ltd' }),
    ).toEqual({ url: 'https://example.org', basePath: '/health/blog/', owner: { name: 'Clinic Ltd' } });
  });

  test('refuses an address without its scheme, naming the setting and the fix', () => {
    expect(refusal({ SITE_URL: 'x.org' })).toEqual([
      'SITE_URL="x.org" is not a full web address: write it with https://, such as SITE_URL=https://x.org.',
    ]);
    expect(refusal({ SITE_URL: 'ftp://x.org' })[0]).toContain('such as SITE_URL=https://x.org.');
  });

  test('refuses an address with a path, pointing at BASE_PATH', () => {
    expect(refusal({ SITE_URL: 'https://x.org/health' })).toEqual([
      'SITE_URL="https://x.org/health" holds more than the site\'s origin: set SITE_URL=https://x.org and BASE_PATH=/health (the path the site is served under).',
    ]);
  });

  test.each(['../x', 'a/../b', '../', 'a b', 'a?b', 'a\\b'])('refuses BASE_PATH=%s with one line', (basePath) => {
    expect(refusal({ BASE_PATH: basePath })).toEqual([
      expect.stringMatching(
        /^BASE_PATH=".*" is not a path the site can be served under \(".*"\): .* such as BASE_PATH=\/health-blog\.$/,
      ),
    ]);
  });

  test('reports every bad setting at once, one line each', () => {
    expect(refusal({ SITE_URL: 'x.org', BASE_PATH: '..', SITE_OWNER: 'A\u0000' })).toHaveLength(3);
  });
});
