import { describe, expect, test } from 'vitest';

import { robotsTxt } from '@/lib/seo/robots-txt';

describe('robotsTxt', () => {
  test('allows every crawler everywhere and names the sitemap by its full address', () => {
    const lines = robotsTxt('https://readers.example.org/health-blog/sitemap-index.xml').split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines).toContain('Sitemap: https://readers.example.org/health-blog/sitemap-index.xml');
    expect(lines.filter((line) => line.startsWith('Disallow'))).toEqual([]);
  });
});
