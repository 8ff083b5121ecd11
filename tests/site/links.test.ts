import { describe, expect, test } from 'vitest';

import { checkLinks } from '../../scripts/link-check';
import { builtSites } from '../helpers/fixture-sites';
import { site } from '@/config/site';

const [SITE_DIST, FIXTURE_DIST] = await builtSites('site', 'fixture');

describe.each([
  ['the site', SITE_DIST],
  ['the fixture site', FIXTURE_DIST],
])('links in %s', (_, dist) => {
  const report = checkLinks({ dist, siteOrigin: site.url });

  test('every internal link, asset and #fragment resolves', () => {
    expect(report.pages.length).toBeGreaterThanOrEqual(3);
    expect(report.broken).toEqual([]);
  });

  test('external links are listed, not fetched', () => {
    // Printed so a person can review them; the fixture site links to example.org on purpose.
    console.info(`External links in ${dist}:\n${report.external.join('\n') || '(none)'}`);
    expect(report.external.every((url) => /^https?:\/\//.test(url))).toBe(true);
  });
});
