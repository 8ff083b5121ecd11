/**
 * The W3C Nu HTML Checker over every page of the four built sites, beside html-validate: it parses
 * pages as browsers do (a `<script>` after `</html>` is a "stray start tag" to it, not to
 * html-validate). One run of the checker for all the sites, since each start of Java takes seconds.
 */
import { sep } from 'node:path';

import { beforeAll, describe, expect, test } from 'vitest';

import { hasJava, NO_JAVA, nuHtmlErrors, runNuHtmlChecker, type NuMessage } from '../helpers/nu-html-checker';
import { builtSites } from '../helpers/fixture-sites';

const [SITE_DIST, FIXTURE_DIST, SUB_PATH_DIST, WORDPRESS_DIST] = await builtSites(
  'site',
  'fixture',
  'sub-path',
  'wordpress',
);

const SITES = [
  { name: 'the site', dist: SITE_DIST },
  { name: 'the fixture site', dist: FIXTURE_DIST },
  { name: 'the site under /health-blog/', dist: SUB_PATH_DIST },
  { name: 'the imported WordPress site', dist: WORDPRESS_DIST },
];

let messages: NuMessage[];
beforeAll(async () => {
  if (!(await hasJava())) throw new Error(NO_JAVA);
  messages = await runNuHtmlChecker(SITES.map((site) => site.dist));
}, 300_000);

/** A site's messages: those about files inside its folder. */
const inside = (dist: string) => {
  const folder = `file:${dist.endsWith(sep) ? dist : dist + sep}`;
  return messages.filter((message) => message.url?.replace(/^file:\/+/, 'file:/').startsWith(folder));
};

describe.each(SITES)('the Nu HTML Checker on $name', ({ dist }) => {
  test('checked its pages', () => {
    const checked = new Set(inside(dist).map((message) => message.url));
    // Every page has at least the CSS messages about Tailwind's stylesheet, so each checked page shows up.
    expect(checked.size).toBeGreaterThanOrEqual(3);
  });

  test('finds no HTML errors', () => {
    expect(nuHtmlErrors(inside(dist), dist)).toEqual([]);
  });
});
