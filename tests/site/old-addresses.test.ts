/**
 * Every old address of WordPress's theme test data leads to its page under the preview server, which
 * follows dist/_redirects as Netlify does. The expected pages come from the export and the content files
 * (each imported article names its WordPress link in a comment), not from the redirect code.
 */
import { createReadStream, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { slugifyTag } from '@/lib/discovery/tags';
import { htmlToText } from '@/lib/import/wordpress/text';
import { readWxr, type WxrItem } from '@/lib/import/wordpress/wxr';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';
import { TEST_BUILD_DATE } from '../helpers/build-day';
import { builtSite } from '../helpers/fixture-sites';
import { WORDPRESS_CONTENT } from '../helpers/paths';

const WORDPRESS_DIST = await builtSite('wordpress');
const THEME_EXPORT = 'tests/fixtures/wordpress/themeunittestdata.wordpress.xml';

/**
 * The imported articles by the WordPress link their file names, and whether each is unpublished: a draft,
 * or scheduled after the build day (the theme data's post for 2030).
 */
const articlesByLink = new Map<string, { slug: string; draft: boolean }>();
for (const file of globSync('articles/*.mdx', { cwd: WORDPRESS_CONTENT })) {
  const text = readFileSync(join(WORDPRESS_CONTENT, file), 'utf8');
  const link = /^# Imported from WordPress: (.+)$/m.exec(text)?.[1];
  if (link) {
    articlesByLink.set(link, {
      slug: file.slice('articles/'.length, -'.mdx'.length),
      draft: /\ndraft: true\n/.test(text) || /\npublished: (\d{4}-\d{2}-\d{2})\n/.exec(text)![1]! > TEST_BUILD_DATE,
    });
  }
}

const items: WxrItem[] = [];
for await (const record of readWxr(createReadStream(THEME_EXPORT))) {
  if (record.kind === 'item' && (record.item.type === 'post' || record.item.type === 'page')) items.push(record.item);
}
const published = items.filter((item) => articlesByLink.get(item.link)?.draft === false);

let server: StaticServer;
let origin: string;
beforeAll(async () => {
  server = await startStaticServer({ root: WORDPRESS_DIST });
  origin = new URL(server.url).origin;
});
afterAll(() => server.close());

/** Requests an address and follows its redirects: every hop's status, and where it ends. */
async function follow(address: string): Promise<{ statuses: number[]; path: string }> {
  const statuses: number[] = [];
  // Joined as text: `new URL('//greek/', origin)` would read the path as a host.
  let url = new URL(`${origin}${address}`);
  for (let hop = 0; hop < 5; hop++) {
    const response = await fetch(url, { redirect: 'manual' });
    statuses.push(response.status);
    const location = response.headers.get('location');
    if (!location) break;
    url = new URL(location, url);
  }
  return { statuses, path: `${url.pathname}${url.search}` };
}

const oldPath = (link: string) => {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
};

describe('old addresses of the imported WordPress blog, under the preview server', () => {
  test('the export has published posts and pages to redirect', () => {
    expect(published.length).toBeGreaterThan(50);
  });

  test('every published post’s and page’s permalink leads, by one permanent redirect, to its article', async () => {
    const wrong: string[] = [];
    for (const item of published) {
      const { slug } = articlesByLink.get(item.link)!;
      const result = await follow(oldPath(item.link));
      if (result.path !== `/articles/${slug}/` || result.statuses.join() !== '301,200') {
        wrong.push(`${oldPath(item.link)} → ${result.path} (${result.statuses.join(' → ')}), not /articles/${slug}/`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('every published post’s ?p=<id> and page’s ?page_id=<id> leads to its article', async () => {
    const wrong: string[] = [];
    for (const item of published) {
      const { slug } = articlesByLink.get(item.link)!;
      const address = `/?${item.type === 'page' ? 'page_id' : 'p'}=${item.id}`;
      const result = await follow(address);
      if (result.path !== `/articles/${slug}/` || result.statuses.join() !== '301,200') {
        wrong.push(`${address} → ${result.path} (${result.statuses.join(' → ')}), not /articles/${slug}/`);
      }
    }
    expect(wrong).toEqual([]);
  });

  test('every category and tag archive of a published post leads to the tag’s page, and the feeds to the feed', async () => {
    const archives = new Map<string, string>();
    for (const item of published.filter((post) => post.type === 'post')) {
      for (const term of item.terms) {
        if (term.domain === 'category' && term.slug !== 'uncategorized') {
          archives.set(`/category/${term.slug}/`, slugifyTag(htmlToText(term.name)));
        }
        if (term.domain === 'post_tag') archives.set(`/tag/${term.slug}/`, slugifyTag(htmlToText(term.name)));
      }
    }
    expect(archives.size).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const [address, tag] of archives) {
      const result = await follow(address);
      if (decodeURIComponent(result.path) !== `/tags/${tag}/` || result.statuses.join() !== '301,200') {
        wrong.push(`${address} → ${result.path} (${result.statuses.join(' → ')}), not /tags/${tag}/`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await follow('/feed/')).toEqual({ statuses: [301, 200], path: '/rss.xml' });
  });

  test('an unpublished article’s old address is not redirected: there is no page to lead to yet', async () => {
    // A draft's link is `/?p=<id>`, which is the home page's address: the scheduled post has a path.
    const draft = items.find((item) => articlesByLink.get(item.link)?.draft === true && !item.link.includes('?'))!;
    expect(draft).toBeDefined();
    expect((await follow(oldPath(draft.link))).statuses).toEqual([404]);
  });

  test('an address that was never the blog’s still gets the 404 page', async () => {
    expect((await follow('/2099/01/never-written/')).statuses).toEqual([404]);
    expect((await follow('/?p=99999999')).statuses).toEqual([200]);
  });
});
