/**
 * Finding articles on the built sites: the paginated article list, tag pages and the tag list,
 * breadcrumbs and their JSON-LD, related and previous/next articles, tables of contents and reading
 * time. Expectations come from the fixture content's frontmatter, read through the article schema.
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { extractFrontmatter } from 'astro/markdown';
import * as cheerio from 'cheerio';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';
import { describe, expect, test } from 'vitest';

import { TEST_BUILD_DATE } from '../helpers/build-day';
import { builtSites } from '../helpers/fixture-sites';
import { FIXTURE_CONTENT } from '../helpers/paths';
import { site } from '@/config/site';
import { slugifyTag } from '@/lib/discovery/tags';
import { isPublishedOn } from '@/lib/publication';
import { articleSchema, type ArticleData } from '@/schemas/article';

const [SITE_DIST, FIXTURE_DIST] = await builtSites('site', 'fixture');

/** The built page at `path` (below the site's root), parsed. */
function page(dist: string, path: string): cheerio.CheerioAPI {
  return cheerio.load(readFileSync(join(dist, path, 'index.html'), 'utf8'));
}

const text = (value: string) => value.replace(/\s+/g, ' ').trim();

interface FixtureArticle extends ArticleData {
  slug: string;
}

/** Every published fixture article (generated ones included), newest first, ties by title. */
function fixtureArticles(): FixtureArticle[] {
  return globSync('articles/*.mdx', { cwd: FIXTURE_CONTENT })
    .map((path) => {
      const frontmatter = extractFrontmatter(readFileSync(join(FIXTURE_CONTENT, path), 'utf8')) ?? '';
      const data = articleSchema().parse(loadYaml(frontmatter, { schema: CORE_SCHEMA }));
      return { ...data, slug: path.replace(/^articles\/|\.mdx$/g, '') };
    })
    .filter((article) => isPublishedOn(article, TEST_BUILD_DATE))
    .sort((a, b) => b.published.getTime() - a.published.getTime() || a.title.localeCompare(b.title));
}

const articles = fixtureArticles();
const bySlug = (slug: string) => articles.find((article) => article.slug === slug)!;

/** The titles of the articles a list page shows, in order. */
const listedTitles = ($: cheerio.CheerioAPI) =>
  $('main li.py-5 > :is(h2, h3) > a')
    .map((_, a) => text($(a).text()))
    .get();

/** The breadcrumb trail as [text, href or undefined] pairs, without the chevrons between steps. */
const breadcrumbs = ($: cheerio.CheerioAPI) =>
  $('nav[aria-label="Breadcrumb"] > ol > li')
    .map((_, li) => [[text($(li).find('a, [aria-current]').text()), $(li).find('a').attr('href')]])
    .get() as [string, string | undefined][];

/** Every JSON-LD block of the page, parsed. */
const jsonLd = ($: cheerio.CheerioAPI): Record<string, unknown>[] =>
  $('script[type="application/ld+json"]')
    .toArray()
    .map((script) => JSON.parse($(script).text()) as Record<string, unknown>);

/**
 * The page's BreadcrumbList items as [position, name, item] triples: a BreadcrumbList of its own, or an
 * article's MedicalWebPage `breadcrumb` (one JSON-LD block per page).
 */
function breadcrumbListItems($: cheerio.CheerioAPI) {
  const lists = jsonLd($)
    .map((data) => (data['@type'] === 'MedicalWebPage' ? (data.breadcrumb as Record<string, unknown>) : data))
    .filter((data) => data['@type'] === 'BreadcrumbList');
  expect(lists).toHaveLength(1);
  return (lists[0]!.itemListElement as { position: number; name: string; item: string }[]).map((item) => [
    item.position,
    item.name,
    item.item,
  ]);
}

describe('the article list of the fixture site', () => {
  const perPage = site.articlesPerPage;

  test('has enough fixture articles to need a second page', () => {
    expect(articles.length).toBeGreaterThan(perPage);
  });

  test('lists the newest articles on the home page, newest first', () => {
    expect(listedTitles(page(FIXTURE_DIST, ''))).toEqual(articles.slice(0, perPage).map((a) => a.title));
  });

  test('continues on /page/2/ with the rest, and has no page after the last', () => {
    expect(listedTitles(page(FIXTURE_DIST, 'page/2'))).toEqual(articles.slice(perPage).map((a) => a.title));
    const pages = Math.ceil(articles.length / perPage);
    expect(existsSync(join(FIXTURE_DIST, `page/${pages + 1}/index.html`))).toBe(false);
  });

  test('gives page 1 no second address', () => {
    expect(existsSync(join(FIXTURE_DIST, 'page/1/index.html'))).toBe(false);
  });

  test('shows each article’s description, date, reading time and tags linked to their pages', () => {
    const $ = page(FIXTURE_DIST, '');
    const item = $('main li.py-5').filter(
      (_, li) => $(li).find('h3 a').attr('href') === '/articles/table-of-contents/',
    );
    expect(text(item.find('p.mt-1').first().text())).toBe(bySlug('table-of-contents').description);
    expect(item.find('time').attr('datetime')).toBe('2024-06-01');
    expect(text(item.text())).toContain('3 minute read');
    expect(
      item
        .find('ul[aria-label="Tags"] a')
        .map((_, a) => [[$(a).text(), $(a).attr('href')]])
        .get(),
    ).toEqual([
      ['fixture', '/tags/fixture/'],
      ['Sleep & Rest', '/tags/sleep-rest/'],
      ['hydration', '/tags/hydration/'],
    ]);
  });

  test('shows the comment count each article page shows', () => {
    const $ = page(FIXTURE_DIST, '');
    for (const li of $('main li.py-5').toArray()) {
      const href = $(li).find('h3 a').attr('href')!;
      const listed = Number(/(\d+) reader comments?/.exec($(li).text())?.[1]);
      const articlePage = page(FIXTURE_DIST, href);
      const heading = articlePage('#comments-heading').text();
      const shown = heading ? Number(/^\d+/.exec(text(heading))?.[0] ?? 0) : 0;
      expect(listed, href).toBe(shown);
    }
  });

  test('says a long thread’s comment count without building it: 10,000 on the huge-thread fixture', () => {
    expect(text(page(FIXTURE_DIST, '').text())).toContain('10000 reader comments');
  });

  test('links the pages in a labelled navigation, marking the current page and the previous one', () => {
    const $ = page(FIXTURE_DIST, 'page/2');
    const nav = $('nav[aria-label="Article pages"]');
    expect(nav.find('a[aria-current="page"]').attr('href')).toBe('/page/2/');
    expect(nav.find('a[rel="prev"]').attr('href')).toBe('/');
    expect(nav.find('a[rel="next"]')).toHaveLength(0);
  });

  test('links the next page from the home page', () => {
    const nav = page(FIXTURE_DIST, '')('nav[aria-label="Article pages"]');
    expect(nav.find('a[rel="next"]').attr('href')).toBe('/page/2/');
    expect(nav.find('a[aria-current="page"]').attr('href')).toBe('/');
  });

  test('titles later pages with their number', () => {
    const $ = page(FIXTURE_DIST, 'page/2');
    expect($('h1').text()).toMatch(/page 2 of 2/);
    expect($('title').text()).toMatch(/page 2 of 2/);
  });
});

describe('tag pages of the fixture site', () => {
  /** Fixture articles carrying the tag with this slug, in any spelling, newest first. */
  const carrying = (slug: string) => articles.filter((article) => article.tags.some((tag) => slugifyTag(tag) === slug));

  test('list the articles carrying the tag, newest first, over pages of the list’s size', () => {
    const tagged = carrying('fixture');
    expect(tagged.length).toBeGreaterThan(site.articlesPerPage);
    expect(listedTitles(page(FIXTURE_DIST, 'tags/fixture'))).toEqual(
      tagged.slice(0, site.articlesPerPage).map((a) => a.title),
    );
    expect(listedTitles(page(FIXTURE_DIST, 'tags/fixture/page/2'))).toEqual(
      tagged.slice(site.articlesPerPage).map((a) => a.title),
    );
  });

  test('link their pages with the current one marked and rel prev/next', () => {
    const first = page(FIXTURE_DIST, 'tags/fixture');
    expect(first('main nav a[rel="next"]').attr('href')).toBe('/tags/fixture/page/2/');
    expect(first('main nav a[aria-current="page"]').attr('href')).toBe('/tags/fixture/');
    expect(page(FIXTURE_DIST, 'tags/fixture/page/2')('main nav a[rel="prev"]').attr('href')).toBe('/tags/fixture/');
  });

  test('drop accents from the address and keep them in the name', () => {
    const $ = page(FIXTURE_DIST, 'tags/cafe');
    expect($('h1').text()).toBe('Articles tagged “Café”');
    expect(listedTitles($)).toEqual(carrying('cafe').map((a) => a.title));
  });

  test('merge two spellings with one address into one tag named by the more used spelling', () => {
    const spellings = new Set(
      carrying('sleep-rest').flatMap((a) => a.tags.filter((tag) => slugifyTag(tag) === 'sleep-rest')),
    );
    expect(spellings).toEqual(new Set(['Sleep & Rest', 'sleep-rest']));
    const $ = page(FIXTURE_DIST, 'tags/sleep-rest');
    expect($('h1').text()).toBe('Articles tagged “Sleep & Rest”');
    expect(listedTitles($)).toEqual(carrying('sleep-rest').map((a) => a.title));
  });

  test('have the trail Home › Tags › tag, the tag being the current page', () => {
    const $ = page(FIXTURE_DIST, 'tags/cafe');
    expect(breadcrumbs($)).toEqual([
      ['Home', '/'],
      ['Tags', '/tags/'],
      ['Café', undefined],
    ]);
    expect($('nav[aria-label="Breadcrumb"] li:last-child [aria-current="page"]').text()).toBe('Café');
  });

  test('separate the steps of the trail with chevrons hidden from screen readers', () => {
    const $ = page(FIXTURE_DIST, 'tags/cafe');
    const chevrons = $('nav[aria-label="Breadcrumb"] li > span:not([aria-current])');
    expect(chevrons.map((_, span) => [[$(span).text(), $(span).attr('aria-hidden')]]).get()).toEqual([
      ['›', 'true'],
      ['›', 'true'],
    ]);
  });

  test('give search engines the same trail as a BreadcrumbList with absolute addresses', () => {
    expect(breadcrumbListItems(page(FIXTURE_DIST, 'tags/cafe'))).toEqual([
      [1, 'Home', new URL('/', site.url).href],
      [2, 'Tags', new URL('/tags/', site.url).href],
      [3, 'Café', new URL('/tags/cafe/', site.url).href],
    ]);
  });
});

describe('the tag list of the fixture site', () => {
  test('links every tag with the number of articles carrying it', () => {
    const $ = page(FIXTURE_DIST, 'tags');
    const listed = $('main ul li')
      .map((_, li) => [[$(li).find('a').attr('href'), text($(li).text())]])
      .get() as [string, string][];
    const counts = new Map<string, number>();
    for (const article of articles)
      for (const slug of new Set(article.tags.map(slugifyTag))) counts.set(slug, (counts.get(slug) ?? 0) + 1);
    expect(listed.map(([href]) => href).sort()).toEqual([...counts.keys()].map((slug) => `/tags/${slug}/`).sort());
    for (const [href, line] of listed) {
      const count = counts.get(href.split('/')[2]!)!;
      expect(line, href).toMatch(new RegExp(`\\(${count} articles?\\)$`));
    }
  });

  test('is linked from the home page', () => {
    expect(page(FIXTURE_DIST, '')('main a[href="/tags/"]')).toHaveLength(1);
  });
});

describe('an article page of the fixture site', () => {
  test('has the trail Home › first tag › article, the article being the current page', () => {
    const $ = page(FIXTURE_DIST, 'articles/table-of-contents');
    expect(breadcrumbs($)).toEqual([
      ['Home', '/'],
      ['fixture', '/tags/fixture/'],
      [bySlug('table-of-contents').title, undefined],
    ]);
    expect($('nav[aria-label="Breadcrumb"] [aria-current="page"]').text()).toBe(bySlug('table-of-contents').title);
  });

  test('names its first tag in the trail as the tag’s page does, whatever spelling the article uses', () => {
    const $ = page(FIXTURE_DIST, 'articles/two-headings');
    expect(bySlug('two-headings').tags[0]).toBe('sleep-rest');
    expect(breadcrumbs($)[1]).toEqual(['Sleep & Rest', '/tags/sleep-rest/']);
    expect($('main header a[href="/tags/sleep-rest/"]').text()).toBe('sleep-rest');
  });

  test('has a trail of Home and the article when the article has no tags', () => {
    expect(breadcrumbs(page(FIXTURE_DIST, 'articles/gfm-markdown'))).toEqual([
      ['Home', '/'],
      [bySlug('gfm-markdown').title, undefined],
    ]);
  });

  test('gives search engines its trail as a BreadcrumbList', () => {
    expect(breadcrumbListItems(page(FIXTURE_DIST, 'articles/table-of-contents'))).toEqual([
      [1, 'Home', new URL('/', site.url).href],
      [2, 'fixture', new URL('/tags/fixture/', site.url).href],
      [3, bySlug('table-of-contents').title, new URL('/articles/table-of-contents/', site.url).href],
    ]);
  });

  test('keeps a title that tries to close the script element as data inside its JSON-LD', () => {
    const html = readFileSync(join(FIXTURE_DIST, 'articles/hostile-title/index.html'), 'utf8');
    const $ = cheerio.load(html);
    const title = bySlug('hostile-title').title;
    expect(title).toContain('</script>');
    expect(breadcrumbListItems($).at(-1)![1]).toBe(title);
    // Only the JSON-LD block: no script element was opened by the title or the tag.
    expect($('script').length).toBe($('script[type="application/ld+json"]').length);
    expect($('script:not([type])')).toHaveLength(0);
  });

  test('lists up to three related articles at the end: most shared tags first, then newest', () => {
    const $ = page(FIXTURE_DIST, 'articles/table-of-contents');
    const related = $('main section:has(> h2:contains("Related articles")) a')
      .map((_, a) => $(a).attr('href'))
      .get();
    // two-headings shares 3 tags; cafe and night-waking share 2 each, cafe is newer.
    expect(related).toEqual(['/articles/two-headings/', '/articles/cafe/', '/articles/night-waking/']);
  });

  test('shows related articles after the article text and before the comments', () => {
    const $ = page(FIXTURE_DIST, 'articles/deep-thread');
    const order = $('main')
      .children()
      .map((_, element) => element.tagName + ($(element).is('section:has(> h2:contains("Related"))') ? ':related' : ''))
      .get();
    const related = order.indexOf('section:related');
    expect(related).toBeGreaterThan(order.indexOf('article'));
    expect(related).toBeLessThan(order.lastIndexOf('section'));
  });

  test('links the articles published just before and after it', () => {
    for (const [index, article] of articles.entries()) {
      const $ = page(FIXTURE_DIST, `articles/${article.slug}`);
      const nav = $('nav[aria-label="Previous and next articles"]');
      const link = (label: string) => nav.find(`li:contains("${label}") a`).attr('href');
      const older = articles[index + 1];
      const newer = articles[index - 1];
      expect(link('Previous article'), article.slug).toBe(older && `/articles/${older.slug}/`);
      expect(link('Next article'), article.slug).toBe(newer && `/articles/${newer.slug}/`);
    }
  });

  test('with three or more second-level headings has a table of contents whose links reach them', () => {
    const $ = page(FIXTURE_DIST, 'articles/table-of-contents');
    const links = $('nav[aria-label="Contents"] a');
    const headings = $('main article > div.prose h2');
    expect(headings.length).toBeGreaterThanOrEqual(3);
    expect(links.map((_, a) => $(a).attr('href')).get()).toEqual(headings.map((_, h) => `#${h.attribs.id}`).get());
    for (const link of links.toArray()) {
      const target = $(`[id="${$(link).attr('href')!.slice(1)}"]`);
      expect(target, $(link).attr('href')).toHaveLength(1);
      expect(text(target.text())).toBe(text($(link).text()));
    }
  });

  test('with fewer than three second-level headings has no table of contents', () => {
    const $ = page(FIXTURE_DIST, 'articles/two-headings');
    // The writer's sections; the notes' heading is inside the notes' section.
    expect($('main article > div.prose > h2')).toHaveLength(2);
    expect($('main article > div.prose section.footnotes > h2')).toHaveLength(1);
    expect($('nav[aria-label="Contents"]')).toHaveLength(0);
  });

  test('says how long it takes to read, from its word count', () => {
    // The fixture has between 401 and 600 words: three minutes at 200 words a minute.
    expect(site.readingWordsPerMinute).toBe(200);
    expect(text(page(FIXTURE_DIST, 'articles/table-of-contents')('main article header').text())).toContain(
      '3 minute read.',
    );
  });
});

describe('the real site', () => {
  const SEED = 'articles/leg-cramps-sign-of-pregnancy';
  const TAG = 'leg cramps sign of pregnancy';

  test('links the seed article’s tag to its tag page', () => {
    expect(page(SITE_DIST, SEED)(`main header a[href="/tags/${slugifyTag(TAG)}/"]`).text()).toBe(TAG);
    expect(listedTitles(page(SITE_DIST, `tags/${slugifyTag(TAG)}`))).toEqual(['Leg Cramps Sign Of Pregnancy']);
  });

  test('has the trail Home › tag › article on the seed article, with its BreadcrumbList', () => {
    const $ = page(SITE_DIST, SEED);
    expect(breadcrumbs($)).toEqual([
      ['Home', '/'],
      [TAG, '/tags/leg-cramps-sign-of-pregnancy/'],
      ['Leg Cramps Sign Of Pregnancy', undefined],
    ]);
    expect(breadcrumbListItems($).map(([, name]) => name)).toEqual(['Home', TAG, 'Leg Cramps Sign Of Pregnancy']);
  });

  test('shows no table of contents, related or previous/next links on the seed article, which has none', () => {
    const $ = page(SITE_DIST, SEED);
    expect($('nav[aria-label="Contents"], nav[aria-label="Previous and next articles"]')).toHaveLength(0);
    expect($('main h2:contains("Related articles")')).toHaveLength(0);
  });

  test('lists the seed article on a single page of articles, with its comment count', () => {
    const $ = page(SITE_DIST, '');
    expect(listedTitles($)).toEqual(['Leg Cramps Sign Of Pregnancy']);
    expect($('nav[aria-label="Article pages"]')).toHaveLength(0);
    expect(existsSync(join(SITE_DIST, 'page/2/index.html'))).toBe(false);
    const shown = Number(/^\d+/.exec(text(page(SITE_DIST, SEED)('#comments-heading').text()))?.[0]);
    expect(text($('main li.py-5').text())).toContain(`${shown} reader comments`);
  });
});
