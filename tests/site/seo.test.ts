/**
 * SEO and sharing on the built sites: the article page's structured data, sharing tags and images,
 * sitemap, RSS feed, robots.txt and web manifest, each read back the way a crawler or feed reader reads
 * it and checked against the content files, not against the site's own code.
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as cheerio from 'cheerio';
import { load as loadYaml } from 'js-yaml';
import { describe, expect, test } from 'vitest';

import { builtSites } from '../helpers/fixture-sites';
import { decodePng, hexColour } from '../helpers/png';
import { TEST_BUILD_DATE } from '../helpers/build-day';
import { FIXTURE_CONTENT } from '../helpers/paths';
import { readSeed } from '../helpers/seed';
import { SUB_PATH, SUB_PATH_SITE_URL } from '../helpers/sub-path';
import { childText, childrenNamed, parseXml } from '../helpers/xml';
import { site } from '@/config/site';

const [SITE_DIST, FIXTURE_DIST, SUB_PATH_DIST] = await builtSites('site', 'fixture', 'sub-path');

const CONTENT_NS = 'http://purl.org/rss/1.0/modules/content/';
const SEED = 'leg-cramps-sign-of-pregnancy';

/** A built site: where it is, what it was built from, and the origin and base path it was built for. */
interface BuiltSite {
  dist: string;
  content: string;
  origin: string;
  base: string;
}

const REAL: BuiltSite = { dist: SITE_DIST, content: 'content', origin: site.url, base: '/' };
const FIXTURE: BuiltSite = { dist: FIXTURE_DIST, content: FIXTURE_CONTENT, origin: site.url, base: '/' };
const SUB_PATH_BUILD: BuiltSite = {
  dist: SUB_PATH_DIST,
  content: 'content',
  origin: SUB_PATH_SITE_URL,
  base: SUB_PATH,
};

/** The full address of a path below a build's base. */
const address = (built: BuiltSite, path: string) => new URL(`${built.base}${path}`, built.origin).href;

/** A `YYYY-MM-DD` frontmatter date, as the YAML parser gives it: a string, or a Date for YAML 1.1 timestamps. */
type YamlDate = string | Date;

interface Frontmatter {
  title: string;
  description: string;
  published: YamlDate;
  updated?: YamlDate;
  draft?: boolean;
  author?: string;
  medicalReview?: { reviewer: string; date: YamlDate };
  lastReviewed?: YamlDate;
  tags?: string[];
  references?: { title: string; publisher?: string; url: string; date?: YamlDate }[];
}

/** Every article file's frontmatter by slug, read with a YAML parser straight from the content folder. */
function articlesIn(content: string): Map<string, Frontmatter> {
  return new Map(
    globSync('articles/*.mdx', { cwd: content }).map((file) => {
      const text = readFileSync(join(content, file), 'utf8');
      const frontmatter = loadYaml(text.split(/^---$/m)[1]!) as Frontmatter;
      return [file.replace(/^articles\/|\.mdx$/g, ''), frontmatter];
    }),
  );
}

/** The calendar day of a frontmatter date, `YYYY-MM-DD`. */
const day = (date: YamlDate) => (date instanceof Date ? date.toISOString().slice(0, 10) : date);

/** Whether the test builds publish an article: not a draft, dated on or before their build day. */
const isPublished = (data: Frontmatter) => !data.draft && day(data.published) <= TEST_BUILD_DATE;
const published = (content: string) => [...articlesIn(content)].filter(([, data]) => isPublished(data));
/** Drafts and articles scheduled after the build day: the test builds publish none of them. */
const drafts = (content: string) => [...articlesIn(content)].filter(([, data]) => !isPublished(data));
/** A frontmatter date as milliseconds since 1970, at midnight UTC. */
const time = (date: YamlDate) => new Date(`${day(date)}T00:00:00Z`).getTime();

const pageCache = new Map<string, cheerio.CheerioAPI>();
/** A built page by its path below the base (`articles/x/`), parsed once. */
function page(built: BuiltSite, path: string): cheerio.CheerioAPI {
  const file = join(built.dist, path, 'index.html');
  let $ = pageCache.get(file);
  if (!$) {
    $ = cheerio.load(readFileSync(file, 'utf8'));
    pageCache.set(file, $);
  }
  return $;
}

/** The page's JSON-LD blocks, parsed. */
function jsonLd($: cheerio.CheerioAPI): Record<string, unknown>[] {
  return $('script[type="application/ld+json"]')
    .map((_, script) => JSON.parse($(script).text()))
    .get();
}

/** The one block of the given type. */
function jsonLdOfType<T>($: cheerio.CheerioAPI, type: string): T {
  const blocks = jsonLd($).filter((block) => block['@type'] === type);
  expect(blocks, `one ${type} block`).toHaveLength(1);
  return blocks[0] as T;
}

interface CommentNode {
  '@type': string;
  url: string;
  author?: { '@type': string; name: string; url?: string; honorificSuffix?: string; jobTitle?: string };
  dateCreated?: string;
  parentItem?: { url: string };
  comment?: CommentNode[];
}

interface MedicalWebPage {
  '@type': string;
  url: string;
  headline: string;
  description: string;
  datePublished: string;
  dateModified: string;
  lastReviewed?: string;
  author?: Record<string, unknown>;
  reviewedBy?: Record<string, unknown>;
  citation?: Record<string, unknown>[];
  publisher: Record<string, unknown>;
  inLanguage: string;
  commentCount: number;
  comment?: CommentNode[];
}

/** Every comment of a tree with the comment it answers: its nesting parent, or the one in `parentItem`. */
function flatten(roots: CommentNode[] = []): { node: CommentNode; parentUrl: string | undefined }[] {
  const list: { node: CommentNode; parentUrl: string | undefined }[] = [];
  const stack = roots.map((node) => ({ node, shownUnder: undefined as string | undefined })).reverse();
  while (stack.length > 0) {
    const { node, shownUnder } = stack.pop()!;
    list.push({ node, parentUrl: node.parentItem?.url ?? shownUnder });
    for (const reply of [...(node.comment ?? [])].reverse()) stack.push({ node: reply, shownUnder: node.url });
  }
  return list;
}

/** The element a full address points at on the built site, or undefined if there is none. */
function target(built: BuiltSite, url: string) {
  const { pathname, hash } = new URL(url);
  expect(pathname.startsWith(built.base), url).toBe(true);
  const path = pathname.slice(built.base.length);
  if (!existsSync(join(built.dist, path, 'index.html'))) return undefined;
  const $ = page(built, path);
  const found = $(`[id="${decodeURIComponent(hash.slice(1))}"]`);
  return found.length === 1 ? found : undefined;
}

/** The PNG a full address names, read from the build. */
const pngAt = (built: BuiltSite, url: string) =>
  decodePng(readFileSync(join(built.dist, new URL(url).pathname.slice(built.base.length))));

interface CommentFileEntry {
  id: string;
  parent?: string;
  author?: string;
  authorUrl?: string;
  date?: string;
  status?: string;
}
/**
 * The published comments of an article's comments file, each with the comment it is shown under: its
 * parent, or the nearest published ancestor when the parent is pending or spam.
 */
function publishedComments(built: BuiltSite, slug: string): CommentFileEntry[] {
  const all: CommentFileEntry[] = JSON.parse(
    readFileSync(join(built.content, 'comments', `${slug}.json`), 'utf8'),
  ).comments;
  const byId = new Map(all.map((comment) => [comment.id, comment]));
  const isPublished = (comment: CommentFileEntry) => (comment.status ?? 'approved') === 'approved';
  return all.filter(isPublished).map((comment) => {
    let parent = comment.parent;
    while (parent !== undefined && !isPublished(byId.get(parent)!)) parent = byId.get(parent)!.parent;
    return { ...comment, parent };
  });
}

describe('the seed article’s MedicalWebPage', () => {
  const $ = () => page(REAL, `articles/${SEED}/`);
  const data = () => jsonLdOfType<MedicalWebPage>($(), 'MedicalWebPage');
  const frontmatter = () => articlesIn('content').get(SEED)!;

  test('is the only structured data on the page, in the head, and valid JSON', () => {
    expect($()('script[type="application/ld+json"]')).toHaveLength(1);
    expect($()('head script[type="application/ld+json"]')).toHaveLength(1);
    expect(data()['@type']).toBe('MedicalWebPage');
  });

  test('has the page’s canonical address, headline, description and language', () => {
    expect(data()).toMatchObject({
      url: $()('link[rel="canonical"]').attr('href'),
      headline: frontmatter().title,
      description: $()('meta[name="description"]').attr('content'),
      inLanguage: $()('html').attr('lang'),
    });
    expect(data().url).toBe(address(REAL, `articles/${SEED}/`));
    expect(data().headline).toBe(readSeed().title);
  });

  test('is dated as the frontmatter says: published, and modified the same day as it was never updated', () => {
    expect(frontmatter().updated).toBeUndefined();
    expect(data()).toMatchObject({
      datePublished: day(frontmatter().published),
      dateModified: day(frontmatter().published),
    });
  });

  test('claims no author, review or sources, because the seed names none', () => {
    expect(frontmatter()).not.toHaveProperty('author');
    expect(frontmatter()).not.toHaveProperty('medicalReview');
    expect(frontmatter()).not.toHaveProperty('lastReviewed');
    expect(frontmatter()).not.toHaveProperty('references');
    for (const property of ['author', 'reviewedBy', 'lastReviewed', 'citation']) {
      expect(data(), property).not.toHaveProperty(property);
    }
  });

  test('names the site owner as publisher', () => {
    expect(data().publisher).toEqual({ '@type': 'Organization', name: site.owner.name });
  });

  test('counts every reader comment and lists each one once, nested as in the comments file', () => {
    const file = publishedComments(REAL, SEED);
    expect(data().commentCount).toBe(readSeed().commentCount);
    expect(data().commentCount).toBe(file.length);
    const listed = flatten(data().comment);
    const idOf = (url: string | undefined) => url && new URL(url).hash.replace('#comment-', '');
    expect(listed.map(({ node, parentUrl }) => [idOf(node.url), idOf(parentUrl)]).sort()).toEqual(
      file.map((comment) => [comment.id, comment.parent]).sort(),
    );
  });

  test('gives each comment a permalink that lands on it on this page', () => {
    for (const { node } of flatten(data().comment)) {
      expect(node['@type']).toBe('Comment');
      expect(target(REAL, node.url), node.url).toBeDefined();
    }
  });

  test('carries no comment text: the permalinks lead to it', () => {
    const json = $()('script[type="application/ld+json"]').text();
    for (const question of readSeed().questions) expect(json).not.toContain(question.title!);
  });
});

describe('the seed article’s sharing tags', () => {
  const $ = () => page(REAL, `articles/${SEED}/`);
  const meta = (property: string) => $()(`meta[property="${property}"]`).attr('content');

  test('give the title, description, canonical address and site name', () => {
    expect(meta('og:type')).toBe('article');
    expect(meta('og:title')).toBe($()('h1').text());
    expect(meta('og:description')).toBe($()('meta[name="description"]').attr('content'));
    expect(meta('og:url')).toBe($()('link[rel="canonical"]').attr('href'));
    expect(meta('og:site_name')).toBe(site.title);
    expect(meta('article:published_time')).toBe(day(articlesIn('content').get(SEED)!.published));
    expect($()('meta[name="twitter:card"]').attr('content')).toBe('summary_large_image');
  });

  test('point to the article’s own 1200 × 630 image, described for people who cannot see it', () => {
    expect(meta('og:image')).toBe(address(REAL, `og/articles/${SEED}.png`));
    const image = pngAt(REAL, meta('og:image')!);
    expect([image.width, image.height]).toEqual([1200, 630]);
    expect(meta('og:image:alt')).toContain(readSeed().title);
  });

  test('link the feed and the home-screen icon, but not the web manifest, which only the home page links', () => {
    expect($()('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe('/rss.xml');
    expect($()('link[rel="manifest"]')).toHaveLength(0);
    expect($()('link[rel="apple-touch-icon"]').attr('href')).toBe('/apple-touch-icon.png');
  });
});

describe('canonical addresses and sharing tags on every kind of page', () => {
  test.each([
    ['home', REAL, ''],
    ['article', REAL, `articles/${SEED}/`],
    ['numbered comment page', FIXTURE, 'articles/huge-thread/comments/2/'],
  ])('the %s page names its own full address as canonical and og:url', (_, built, path) => {
    const $ = page(built, path);
    expect($('link[rel="canonical"]').attr('href')).toBe(address(built, path));
    expect($('meta[property="og:url"]').attr('content')).toBe(address(built, path));
    expect(existsSync(join(built.dist, new URL($('meta[property="og:image"]').attr('content')!).pathname))).toBe(true);
  });

  test('the 404 page has no canonical address and no sharing tags, and is not for indexing', () => {
    const $ = cheerio.load(readFileSync(join(SITE_DIST, '404.html'), 'utf8'));
    expect($('link[rel="canonical"]')).toHaveLength(0);
    expect($('meta[property^="og:"]')).toHaveLength(0);
    expect($('meta[name="robots"]').attr('content')).toBe('noindex');
  });
});

describe('the fixture site’s structured data', () => {
  test('names the writer and reviewer with credentials and their pages, the reviews and every reference', () => {
    const frontmatter = articlesIn(FIXTURE_CONTENT).get('structured-data')!;
    const person = (id: string) =>
      loadYaml(readFileSync(join(FIXTURE_CONTENT, 'people', `${id}.yaml`), 'utf8')) as Record<string, string>;
    const data = jsonLdOfType<MedicalWebPage>(page(FIXTURE, 'articles/structured-data/'), 'MedicalWebPage');
    const reviewer = person(frontmatter.medicalReview!.reviewer);

    expect(data.dateModified).toBe(day(frontmatter.updated!));
    expect(data.lastReviewed).toBe(day(frontmatter.lastReviewed!));
    expect(data.author).toEqual({
      '@type': 'Person',
      name: person(frontmatter.author!).name,
      url: address(FIXTURE, `people/${frontmatter.author}/`),
    });
    expect(data.reviewedBy).toEqual({
      '@type': 'Person',
      name: reviewer.name,
      honorificSuffix: reviewer.credentials,
      url: address(FIXTURE, `people/${frontmatter.medicalReview!.reviewer}/`),
      sameAs: reviewer.profileUrl,
    });
    expect(data.citation).toEqual(
      frontmatter.references!.map((reference) => ({
        '@type': 'CreativeWork',
        name: reference.title,
        url: reference.url,
        ...(reference.publisher && { publisher: { '@type': 'Organization', name: reference.publisher } }),
        ...(reference.date && { datePublished: day(reference.date) }),
      })),
    );
  });

  test('a staff answer (in a one-comment file) names the site’s person as its author, with their page and role', () => {
    const data = jsonLdOfType<MedicalWebPage>(page(FIXTURE, 'articles/structured-data/'), 'MedicalWebPage');
    const reviewer = loadYaml(readFileSync(join(FIXTURE_CONTENT, 'people', 'test-reviewer.yaml'), 'utf8')) as Record<
      string,
      string
    >;
    const [question] = data.comment!;
    expect(new URL(question!.url).hash).toBe('#comment-q-fixture1');
    const answers = new Map(question!.comment!.map((node) => [new URL(node.url).hash, node.author]));
    expect(answers.get('#comment-r-fixture1')).toEqual({
      '@type': 'Person',
      name: reviewer.name,
      honorificSuffix: reviewer.credentials,
      url: address(FIXTURE, 'people/test-reviewer/'),
      sameAs: reviewer.profileUrl,
      jobTitle: reviewer.role,
    });
    // The same name typed by a reader is a reader's name, not the person.
    expect(answers.get('#comment-r-fixture2')).toEqual({ '@type': 'Person', name: reviewer.name });
  });

  test('the deep-thread article lists its reply chain as in its comments file, with authors, dates and permalinks', () => {
    const data = jsonLdOfType<MedicalWebPage>(page(FIXTURE, 'articles/deep-thread/'), 'MedicalWebPage');
    const file = publishedComments(FIXTURE, 'deep-thread');
    const listed = flatten(data.comment);
    expect(data.commentCount).toBe(file.length);
    expect(listed).toHaveLength(file.length);
    const byId = new Map(file.map((comment) => [comment.id, comment]));
    for (const { node, parentUrl } of listed) {
      const element = target(FIXTURE, node.url);
      expect(element, node.url).toBeDefined();
      const comment = byId.get(element!.attr('id')!.replace('comment-', ''))!;
      expect(parentUrl && target(FIXTURE, parentUrl)?.attr('id')).toBe(comment.parent && `comment-${comment.parent}`);
      expect(node.author?.name).toBe(comment.author);
      expect(node.author?.url).toBe(comment.authorUrl);
      expect(node.dateCreated && new Date(node.dateCreated).getTime()).toBe(
        comment.date && new Date(comment.date).getTime(),
      );
    }
  });

  test('a long conversation: the article lists the first page’s comments and counts all of them', () => {
    const data = jsonLdOfType<MedicalWebPage>(page(FIXTURE, 'articles/huge-thread/'), 'MedicalWebPage');
    const listed = flatten(data.comment);
    expect(data.commentCount).toBe(publishedComments(FIXTURE, 'huge-thread').length);
    expect(listed.length).toBeLessThan(data.commentCount);
    for (const { node } of listed) expect(target(FIXTURE, node.url), node.url).toBeDefined();
  });

  test('a numbered comment page lists its own comments as part of the article, each landing on that page', () => {
    const path = 'articles/huge-thread/comments/2/';
    const data = jsonLdOfType<{ url: string; isPartOf: { url: string }; comment: CommentNode[] }>(
      page(FIXTURE, path),
      'WebPage',
    );
    expect(data.url).toBe(address(FIXTURE, path));
    expect(data.isPartOf).toEqual({ '@type': 'MedicalWebPage', url: address(FIXTURE, 'articles/huge-thread/') });
    const listed = flatten(data.comment);
    expect(listed.length).toBeGreaterThan(0);
    for (const { node } of listed) {
      expect(node.url.startsWith(address(FIXTURE, path)), node.url).toBe(true);
      expect(target(FIXTURE, node.url), node.url).toBeDefined();
    }
  });

  test('hostile comment authors stay inside the JSON-LD: one data block, parsed back to the names written', () => {
    const $ = page(FIXTURE, 'articles/hostile/');
    expect($('script')).toHaveLength(1);
    const html = readFileSync(join(FIXTURE_DIST, 'articles/hostile/index.html'), 'utf8');
    const block = /<script type="application\/ld\+json">([^]*?)<\/script>/.exec(html)![1]!;
    expect(block).not.toMatch(/[<>]/);
    const names = flatten(jsonLdOfType<MedicalWebPage>($, 'MedicalWebPage').comment).flatMap(({ node }) =>
      node.author ? [node.author.name] : [],
    );
    const written = new Map(publishedComments(FIXTURE, 'hostile').map((comment) => [`comment-${comment.id}`, comment]));
    expect(names.length).toBeGreaterThan(10);
    for (const { node } of flatten(jsonLdOfType<MedicalWebPage>($, 'MedicalWebPage').comment)) {
      expect(node.author?.name).toBe(written.get(new URL(node.url).hash.slice(1))!.author);
    }
  });
});

describe.each([
  ['the site', REAL],
  ['the fixture site', FIXTURE],
  ['the /health-blog/ build', SUB_PATH_BUILD],
])('the sitemap of %s', (_, built) => {
  const urls = () => {
    const index = parseXml(readFileSync(join(built.dist, 'sitemap-index.xml'), 'utf8'));
    expect(index.name).toBe('sitemapindex');
    return childrenNamed(index, 'sitemap').flatMap((entry) => {
      const location = childText(entry, 'loc');
      expect(location.startsWith(address(built, ''))).toBe(true);
      const urlset = parseXml(
        readFileSync(join(built.dist, new URL(location).pathname.slice(built.base.length)), 'utf8'),
      );
      return childrenNamed(urlset, 'url').map((url) => childText(url, 'loc'));
    });
  };

  test('lists the home page and every published article by its full address', () => {
    const listed = urls();
    expect(listed).toContain(address(built, ''));
    for (const [slug] of published(built.content)) expect(listed).toContain(address(built, `articles/${slug}/`));
  });

  test('lists every numbered comment page', () => {
    const commentPages = globSync('articles/*/comments/*/index.html', { cwd: built.dist });
    const listed = urls();
    for (const file of commentPages) expect(listed).toContain(address(built, file.replace(/index\.html$/, '')));
  });

  test('lists only pages that exist, and no draft, scheduled article, 404 page or non-page file', () => {
    const listed = urls();
    for (const url of listed) {
      expect(url.endsWith('/'), url).toBe(true);
      expect(existsSync(join(built.dist, new URL(url).pathname.slice(built.base.length), 'index.html')), url).toBe(
        true,
      );
    }
    for (const [slug] of drafts(built.content)) expect(listed).not.toContain(address(built, `articles/${slug}/`));
    expect(listed.filter((url) => url.includes('404'))).toEqual([]);
    // The question forms are for readers who followed "Ask a question", not for search engines.
    expect(listed.filter((url) => url.endsWith('/ask/'))).toEqual([]);
  });
});

describe.each([
  ['the site', REAL],
  ['the fixture site', FIXTURE],
  ['the /health-blog/ build', SUB_PATH_BUILD],
])('the RSS feed of %s', (_, built) => {
  const channel = () => {
    const rss = parseXml(readFileSync(join(built.dist, 'rss.xml'), 'utf8'));
    expect([rss.name, rss.attributes.version]).toEqual(['rss', '2.0']);
    return childrenNamed(rss, 'channel')[0]!;
  };
  const items = () => childrenNamed(channel(), 'item');

  test('names the site, its home page and its language', () => {
    expect(childText(channel(), 'title')).toBe(site.title);
    expect(childText(channel(), 'link', '')).toBe(address(built, ''));
    expect(childText(channel(), 'language')).toBe(site.lang);
  });

  test('is linked from the pages and names itself by its full address', () => {
    const self = childrenNamed(channel(), 'link', 'http://www.w3.org/2005/Atom')[0]!;
    expect(self.attributes).toMatchObject({ rel: 'self', href: address(built, 'rss.xml') });
    expect(page(built, '')('link[rel="alternate"][type="application/rss+xml"]').attr('href')).toBe(
      `${built.base}rss.xml`,
    );
  });

  test('has one item for each of the newest published articles, newest first, and none for drafts or scheduled articles', () => {
    const expected = published(built.content)
      .sort(([, a], [, b]) => time(b.published) - time(a.published) || a.title.localeCompare(b.title))
      .slice(0, site.feedArticleCount)
      .map(([slug]) => address(built, `articles/${slug}/`));
    expect(expected.length).toBeGreaterThan(0);
    expect(items().map((item) => childText(item, 'link'))).toEqual(expected);
    const titles = items().map((item) => childText(item, 'title'));
    for (const [, draft] of drafts(built.content)) expect(titles).not.toContain(draft.title);
  });

  test('gives each item its title, description, date and full address', () => {
    const articles = articlesIn(built.content);
    for (const item of items()) {
      const slug = new URL(childText(item, 'link')).pathname.split('/').at(-2)!;
      const data = articles.get(slug)!;
      expect(childText(item, 'title')).toBe(data.title);
      expect(childText(item, 'description')).toBe(data.description);
      expect(new Date(childText(item, 'pubDate')).getTime()).toBe(time(data.published));
      expect(childText(item, 'guid')).toBe(childText(item, 'link'));
    }
  });

  test('carries each article in full, as its page shows it', () => {
    for (const item of items()) {
      const link = childText(item, 'link');
      const content = cheerio.load(childText(item, 'encoded', CONTENT_NS));
      const onPage = page(built, new URL(link).pathname.slice(built.base.length))('main article > div.prose');
      // As the page shows it: text for screen readers only is left out of the feed, which has no style sheet.
      onPage.find('.sr-only').remove();
      const words = (text: string) => text.replace(/\s+/g, ' ').trim();
      expect(words(content.root().text()), link).toBe(words(onPage.text()));
    }
  });
});

test('the feed writes every address inside an article in full', () => {
  const rss = parseXml(readFileSync(join(FIXTURE_DIST, 'rss.xml'), 'utf8'));
  const item = childrenNamed(childrenNamed(rss, 'channel')[0]!, 'item').find(
    (entry) => childText(entry, 'link') === address(FIXTURE, 'articles/structured-data/'),
  )!;
  const $ = cheerio.load(childText(item, 'encoded', CONTENT_NS));
  const hrefs = $('a[href]')
    .map((_, a) => $(a).attr('href'))
    .get();
  expect(hrefs).toContain(address(FIXTURE, 'articles/deep-thread/'));
  expect(hrefs).toContain(`${address(FIXTURE, 'articles/structured-data/')}#a-heading`);
  expect(hrefs.filter((href) => !/^https?:\/\//.test(href))).toEqual([]);
  expect($('code').text()).toBe('<a href="/not-a-link">');
});

describe.each([
  ['the site', REAL],
  ['the /health-blog/ build', SUB_PATH_BUILD],
])('robots.txt, web manifest and icons of %s', (_, built) => {
  test('robots.txt allows crawling and names the sitemap index by its full address', () => {
    const lines = readFileSync(join(built.dist, 'robots.txt'), 'utf8').split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines.filter((line) => line.startsWith('Disallow'))).toEqual([]);
    const sitemap = lines.find((line) => line.startsWith('Sitemap: '))!.slice('Sitemap: '.length);
    expect(sitemap).toBe(address(built, 'sitemap-index.xml'));
    expect(existsSync(join(built.dist, 'sitemap-index.xml'))).toBe(true);
  });

  test('the web manifest opens at the home page and stays within the base path', () => {
    const manifest = JSON.parse(readFileSync(join(built.dist, 'manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ name: site.title, lang: site.lang, start_url: built.base, scope: built.base });
    expect(page(built, '')('link[rel="manifest"]').attr('href')).toBe(`${built.base}manifest.webmanifest`);
  });

  test('every manifest icon is a PNG of the size it claims, under the base path', () => {
    const manifest = JSON.parse(readFileSync(join(built.dist, 'manifest.webmanifest'), 'utf8'));
    expect(manifest.icons.length).toBeGreaterThanOrEqual(2);
    for (const icon of manifest.icons as { src: string; sizes: string }[]) {
      expect(icon.src.startsWith(built.base)).toBe(true);
      const image = decodePng(readFileSync(join(built.dist, icon.src.slice(built.base.length))));
      expect(`${image.width}x${image.height}`).toBe(icon.sizes);
    }
  });

  test('the apple-touch-icon is a 180 × 180 PNG with no transparent pixel, as iOS wants', () => {
    const icon = decodePng(readFileSync(join(built.dist, 'apple-touch-icon.png')));
    expect([icon.width, icon.height]).toEqual([180, 180]);
    for (let y = 0; y < icon.height; y++) for (let x = 0; x < icon.width; x++) expect(icon.rgba(x, y)[3]).toBe(255);
    expect(icon.rgba(0, 0)).toEqual(hexColour('#005eb8'));
  });
});

describe('sharing images', () => {
  test.each([
    ['the site', REAL],
    ['the fixture site', FIXTURE],
  ])(
    '%s has a 1200 × 630 PNG for each published article, none for drafts or scheduled articles, and one for the site',
    (_, built) => {
      for (const [slug] of published(built.content)) {
        const image = decodePng(readFileSync(join(built.dist, 'og/articles', `${slug}.png`)));
        expect([image.width, image.height], slug).toEqual([1200, 630]);
      }
      for (const [slug] of drafts(built.content))
        expect(existsSync(join(built.dist, 'og/articles', `${slug}.png`))).toBe(false);
      const siteImage = decodePng(readFileSync(join(built.dist, 'og/site.png')));
      expect([siteImage.width, siteImage.height]).toEqual([1200, 630]);
    },
  );

  test('differ from article to article', () => {
    const bytes = published(FIXTURE_CONTENT).map(([slug]) =>
      readFileSync(join(FIXTURE_DIST, 'og/articles', `${slug}.png`)).toString('base64'),
    );
    expect(new Set(bytes).size).toBe(bytes.length);
  });
});

describe('the /health-blog/ build', () => {
  test('gives full addresses under /health-blog/ in the canonical link, sharing tags and structured data', () => {
    const $ = page(SUB_PATH_BUILD, `articles/${SEED}/`);
    const articleUrl = `${SUB_PATH_SITE_URL}${SUB_PATH}articles/${SEED}/`;
    expect($('link[rel="canonical"]').attr('href')).toBe(articleUrl);
    expect($('meta[property="og:url"]').attr('content')).toBe(articleUrl);
    expect($('meta[property="og:image"]').attr('content')).toBe(
      `${SUB_PATH_SITE_URL}${SUB_PATH}og/articles/${SEED}.png`,
    );
    const data = jsonLdOfType<MedicalWebPage>($, 'MedicalWebPage');
    expect(data.url).toBe(articleUrl);
    for (const { node } of flatten(data.comment)) {
      expect(node.url.startsWith(`${articleUrl}#comment-`), node.url).toBe(true);
      expect(target(SUB_PATH_BUILD, node.url), node.url).toBeDefined();
    }
    expect(existsSync(join(SUB_PATH_DIST, `og/articles/${SEED}.png`))).toBe(true);
  });
});
