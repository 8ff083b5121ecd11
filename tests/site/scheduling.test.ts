/**
 * Drafts and scheduled articles on a real build of a small content folder: the build leaves them and
 * their comments out of every page, the feed, the sitemap, the sharing images and the search index, and
 * a build on a scheduled article's day publishes it. The build day is pinned with `BUILD_DATE`.
 */
import { existsSync, globSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { astroBuild } from '../helpers/astro-build';

const folder = mkdtempSync(join(tmpdir(), 'scheduling-build-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const article = (title: string, published: string, extra = '') =>
  `---\ntitle: ${title}\ndescription: ${title}, a test article.\npublished: ${published}\ntags:\n  - ${title.toLowerCase()} tag\n${extra}---\n\n${title} holds the made-up word ${title.toLowerCase()}word.\n`;

const files: Record<string, string> = {
  'articles/leg-cramps.mdx': article('Published', '2026-12-01'),
  'articles/unfinished.mdx': article('Draft', '2026-12-01', 'draft: true\n'),
  'articles/winter-flu.mdx': article('Scheduled', '2026-12-24'),
  'comments/winter-flu.json': JSON.stringify({
    comments: [{ id: 'q1', body: 'A question kept with the scheduled article: commentword.' }],
  }),
};
const SCHEDULED_DAY = '2026-12-24';

/** Every text a build ships, by file: pages, feed, sitemap, and the search index's fragments unzipped. */
function shippedText(dist: string): Map<string, string> {
  return new Map(
    globSync('**/*.{html,xml,json,txt,pf_fragment}', { cwd: dist }).map((file) => {
      const bytes = readFileSync(join(dist, file));
      return [file, file.endsWith('.pf_fragment') ? gunzipSync(bytes).toString('utf8') : bytes.toString('utf8')];
    }),
  );
}

/** The files among `shipped` that hold `text`. */
const holding = (shipped: Map<string, string>, text: string) =>
  [...shipped].filter(([, contents]) => contents.includes(text)).map(([file]) => file);

const build = async (day: string) => {
  const dist = join(folder, `dist-${day}`);
  await astroBuild(dist, { CONTENT_DIR: join(folder, 'content'), BUILD_DATE: day, SITE_URL: 'https://example.org' });
  return { dist, shipped: shippedText(dist) };
};

let before: Awaited<ReturnType<typeof build>>;
let onTheDay: Awaited<ReturnType<typeof build>>;

beforeAll(async () => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, 'content', path)), { recursive: true });
    writeFileSync(join(folder, 'content', path), text);
  }
  // The day before, then the day itself with the first build's cache: the new day must not be copied.
  before = await build('2026-12-23');
  onTheDay = await build(SCHEDULED_DAY);
}, 600_000);

describe('a build the day before a scheduled article’s day', () => {
  test('publishes the published article everywhere: page, sitemap, feed, search index', () => {
    expect(holding(before.shipped, 'publishedword')).toEqual(
      expect.arrayContaining(['articles/leg-cramps/index.html', 'rss.xml']),
    );
    expect(holding(before.shipped, '/articles/leg-cramps/')).toContain('index.html');
    expect(holding(before.shipped, 'https://example.org/articles/leg-cramps/')).toContain('sitemap-0.xml');
    expect(holding(before.shipped, 'publishedword').some((file) => file.endsWith('.pf_fragment'))).toBe(true);
  });

  test.each([
    ['the draft', 'unfinished', 'draftword'],
    ['the scheduled article', 'winter-flu', 'scheduledword'],
  ])('leaves %s out of every page, the feed, the sitemap, the search index and the sharing images', (_, slug, word) => {
    expect(existsSync(join(before.dist, 'articles', slug))).toBe(false);
    expect(existsSync(join(before.dist, 'og/articles', `${slug}.png`))).toBe(false);
    expect(holding(before.shipped, word)).toEqual([]);
    expect(holding(before.shipped, `/articles/${slug}/`)).toEqual([]);
  });

  test('leaves the scheduled article’s comments and tags out', () => {
    expect(holding(before.shipped, 'commentword')).toEqual([]);
    expect(holding(before.shipped, 'scheduled tag')).toEqual([]);
  });
});

describe('a build on the scheduled article’s day', () => {
  test('publishes it, with its comment, on its page, in the sitemap, the feed and the search index', () => {
    expect(holding(onTheDay.shipped, 'scheduledword')).toEqual(
      expect.arrayContaining(['articles/winter-flu/index.html', 'rss.xml']),
    );
    expect(holding(onTheDay.shipped, '/articles/winter-flu/')).toContain('index.html');
    expect(holding(onTheDay.shipped, 'https://example.org/articles/winter-flu/')).toContain('sitemap-0.xml');
    expect(holding(onTheDay.shipped, 'scheduledword').some((file) => file.endsWith('.pf_fragment'))).toBe(true);
    expect(holding(onTheDay.shipped, 'commentword')).toContain('articles/winter-flu/index.html');
    expect(existsSync(join(onTheDay.dist, 'og/articles/winter-flu.png'))).toBe(true);
  });

  test('links it from the article published before it, a page the day before’s build had rendered', () => {
    expect(holding(onTheDay.shipped, '/articles/winter-flu/')).toContain('articles/leg-cramps/index.html');
  });

  test('still leaves the draft out', () => {
    expect(holding(onTheDay.shipped, 'draftword')).toEqual([]);
  });
});
