/**
 * Who wrote and reviewed what, review dates, references, trust pages and the footer, on the built
 * sites: the real one (which credits nobody and has reviewed nothing) and the fixture site (whose
 * people are fictional).
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';

import { builtSites } from '../helpers/fixture-sites';
import { SUB_PATH } from '../helpers/sub-path';

const [SITE_DIST, FIXTURE_DIST, SUB_PATH_DIST] = await builtSites('site', 'fixture', 'sub-path');

const load = (dist: string, path: string) => cheerio.load(readFileSync(join(dist, path, 'index.html'), 'utf8'));

/** Text as a reader gets it: runs of whitespace as one space. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

const TRUST_PAGES = [
  ['about', 'About this site'],
  ['editorial-policy', 'Editorial policy'],
  ['medical-disclaimer', 'Medical disclaimer'],
  ['community-guidelines', 'Community guidelines'],
  ['accessibility', 'Accessibility statement'],
  ['privacy', 'Privacy'],
] as const;

describe('the seed article (nobody credited, never reviewed)', () => {
  const $ = load(SITE_DIST, 'articles/leg-cramps-sign-of-pregnancy');
  const lines = $('.review-dates p')
    .map((_, p) => words($(p).text()))
    .get();

  test('shows no byline, since its writer is not known', () => {
    expect($('main article header').text()).not.toMatch(/\bBy\b/);
  });

  test('says at its foot that the page has not been reviewed, and that a review is due three years after publication', () => {
    expect(lines).toEqual(['Page last reviewed: not yet reviewed', 'Next review due: 27 November 2029']);
    expect($('.review-dates time').attr('datetime')).toBe('2029-11-27');
  });

  test('has no References section, since it lists no sources', () => {
    expect($('#references-heading')).toHaveLength(0);
  });
});

describe('the trust pages', () => {
  test.each(TRUST_PAGES)('/%s/ is a page headed “%s”', (slug, title) => {
    const $ = load(SITE_DIST, slug);
    expect($('h1').text()).toBe(title);
    expect($('title').text()).toBe(`${title} | Health Questions`);
  });

  test.each(TRUST_PAGES)('/%s/ marks what the owner must fill in, so no placeholder passes as a fact', (slug) => {
    const $ = load(SITE_DIST, slug);
    expect($('.to-fill').length).toBeGreaterThan(0);
    $('.to-fill').each((_, box) => expect($(box).find('strong').first().text()).toBe('For the site owner to fill in:'));
  });

  test('the editorial policy states the review cycle from the site config', () => {
    expect(words(load(SITE_DIST, 'editorial-policy')('main').text())).toContain(
      'A review is due 3 years after the last one',
    );
  });
});

describe('the footer', () => {
  const footerLinks = (dist: string, path: string) => {
    const $ = load(dist, path);
    return $('footer nav a')
      .map((_, a) => [[$(a).attr('href'), $(a).text().trim()]])
      .get();
  };
  const expected = TRUST_PAGES.map(([slug, title]) => [`/${slug}/`, title]);

  test.each(['', 'articles/leg-cramps-sign-of-pregnancy', 'people', 'privacy'])(
    'of page "/%s" links every trust page in footer order',
    (path) => {
      expect(footerLinks(SITE_DIST, path)).toEqual(expected);
    },
  );

  test('of the page-not-found page links them too', () => {
    const $ = cheerio.load(readFileSync(join(SITE_DIST, '404.html'), 'utf8'));
    expect($('footer nav a')).toHaveLength(TRUST_PAGES.length);
  });

  test('follows the base path of a site built under a sub-path', () => {
    expect(footerLinks(SUB_PATH_DIST, '').map(([href]) => href)).toEqual(
      TRUST_PAGES.map(([slug]) => `${SUB_PATH}${slug}/`),
    );
  });

  test('is left out on a site without trust pages', () => {
    expect(load(FIXTURE_DIST, '')('footer nav')).toHaveLength(0);
  });

  test('of every page holds no empty element', () => {
    const pagesWithEmptyElements = globSync('**/*.html', { cwd: FIXTURE_DIST }).filter((page) => {
      const html = readFileSync(join(FIXTURE_DIST, page), 'utf8');
      // Only the footer is parsed: some fixture pages hold thousands of comments.
      const $ = cheerio.load(html.slice(html.lastIndexOf('<footer')));
      return $('footer *').filter((_, element) => $(element).text().trim() === '' && $(element).children().length === 0)
        .length;
    });
    expect(pagesWithEmptyElements).toEqual([]);
  });
});

describe('the people pages of a site that credits nobody', () => {
  test('the people list says that nobody is listed yet', () => {
    expect(load(SITE_DIST, 'people')('main').text()).toContain('No writers or medical reviewers are listed yet.');
  });

  test('no person page is made up', () => {
    expect(globSync('people/*/index.html', { cwd: SITE_DIST })).toEqual([]);
  });
});

describe('the people pages of the fixture site', () => {
  test('the people list names everyone, by name, each linking to their page', () => {
    const $ = load(FIXTURE_DIST, 'people');
    const people = $('main li h2 a')
      .map((_, a) => [[$(a).text().trim(), $(a).attr('href')]])
      .get();
    expect(people).toEqual([
      ['Dr Rey Viewer (fictional)', '/people/test-reviewer/'],
      ['Ed Itor (fictional)', '/people/test-editor/'],
      ['Tess Writer (fictional)', '/people/test-writer/'],
    ]);
  });

  test('a person page shows their name, credentials, bio and profile link', () => {
    const $ = load(FIXTURE_DIST, 'people/test-reviewer');
    expect($('h1').text()).toBe('Dr Rey Viewer (fictional)');
    expect(words($('main').text())).toContain('MBBS, MRCGP (fictional)');
    expect(words($('main').text())).toContain('A fictional medical reviewer who exists only in the test suite');
    const profile = $('main a[href="https://example.org/people/rey-viewer"]');
    expect(words(profile.text())).toBe('Profile of Dr Rey Viewer (fictional) on example.org');
  });

  test('a reviewer’s page lists the articles they reviewed, with the review dates, newest first', () => {
    const $ = load(FIXTURE_DIST, 'people/test-reviewer');
    const section = $('section').filter((_, s) => $(s).find('h2').text() === 'Articles medically reviewed');
    expect(
      section
        .find('li')
        .map((_, li) => [[words($(li).find('h3').text()), words($(li).find('p').text())]])
        .get(),
    ).toEqual([
      ['Fixture: byline, medical review, references and health callouts', 'Reviewed 10 June 2024'],
      ['Fixture: every editorial field filled in', 'Reviewed 10 June 2024'],
      ['Fixture: a reply chain twelve levels deep', 'Reviewed 2 March 2024'],
    ]);
    expect(
      $('h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['Articles medically reviewed']);
  });

  test('a writer’s page lists the articles they wrote, linking to them', () => {
    const $ = load(FIXTURE_DIST, 'people/test-writer');
    const links = $('section a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(links).toEqual(['/articles/editorial-features/', '/articles/structured-data/', '/articles/deep-thread/']);
  });

  test('the page of someone credited with nothing says so', () => {
    expect(words(load(FIXTURE_DIST, 'people/test-editor')('main').text())).toContain(
      'Ed Itor (fictional) has not written or reviewed any published article yet.',
    );
  });
});

describe('the fixture article with a writer, a reviewer, references and callouts', () => {
  const $ = load(FIXTURE_DIST, 'articles/editorial-features');
  const header = words($('main article header').text());

  test('carries the callouts’ styles, which an article without callouts does not', () => {
    const styles = (page: cheerio.CheerioAPI) => page('head style').text();
    expect(styles($)).toContain('.callout-heading');
    expect(styles(load(SITE_DIST, 'articles/leg-cramps-sign-of-pregnancy'))).not.toContain('.callout');
  });

  test('has a byline linking to the writer’s page', () => {
    expect(header).toContain('By Tess Writer (fictional).');
    const byline = $('main article header a').filter((_, a) => $(a).text() === 'Tess Writer (fictional)');
    expect(byline.attr('href')).toBe('/people/test-writer/');
    expect(existsSync(join(FIXTURE_DIST, 'people/test-writer/index.html'))).toBe(true);
  });

  test('names its medical reviewer with credentials and the date of the review', () => {
    expect(header).toContain(
      'Medically reviewed by Dr Rey Viewer (fictional), MBBS, MRCGP (fictional) on 10 June 2024.',
    );
  });

  test('dates its last review from the later editorial review, and its next review three years on', () => {
    expect(
      $('.review-dates p')
        .map((_, p) => words($(p).text()))
        .get(),
    ).toEqual(['Page last reviewed: 1 July 2024', 'Next review due: 1 July 2027']);
  });

  test('lists its references in order, and every citation points at one of them', () => {
    expect($('#references-heading').text()).toBe('References');
    expect(
      $('section.references ol > li')
        .map((_, li) => $(li).attr('id'))
        .get(),
    ).toEqual(['ref-1', 'ref-2', 'ref-3']);
    $('sup.cite a').each((_, a) => expect($($(a).attr('href')!)).toHaveLength(1));
    $('section.references a[href^="#"]').each((_, a) => expect($($(a).attr('href')!)).toHaveLength(1));
  });

  test('shows every kind of callout', () => {
    expect(
      $('.callout')
        .map((_, c) => $(c).attr('class'))
        .get(),
    ).toEqual([
      'callout key-points',
      'callout care-non-urgent',
      'callout care-urgent',
      'callout care-emergency',
      'callout warning',
      'callout warning',
    ]);
  });
});

describe('staff answers on the fixture site', () => {
  const $ = load(FIXTURE_DIST, 'articles/structured-data');

  test('show who answered, with credentials and role, linking to their page, apart from readers’ answers', () => {
    const staff = $('#comment-r-fixture1');
    const credit = staff.find('p').filter((_, p) => $(p).text().includes('Answered by'));
    expect(words(credit.text())).toBe(
      'Staff answer Answered by Dr Rey Viewer (fictional), MBBS, MRCGP (fictional) (GP (fictional))',
    );
    expect(credit.find('a').attr('href')).toBe('/people/test-reviewer/');
    expect(staff.text()).not.toContain('not medical advice');
  });

  test('cannot be claimed by a reader who types the person’s name', () => {
    const reader = $('#comment-r-fixture2');
    expect(reader.text()).not.toContain('Answered by');
    expect(reader.text()).toContain('not medical advice');
    expect(
      $('.staff-answer')
        .map((_, a) => $(a).attr('id'))
        .get(),
    ).toEqual(['comment-r-fixture1']);
  });
});
