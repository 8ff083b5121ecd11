import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';

import { builtSite } from '../helpers/fixture-sites';
import { readSeed, type SeedComment } from '../helpers/seed';

const SITE_DIST = await builtSite('site');

const ARTICLE_HTML = join(SITE_DIST, 'articles/leg-cramps-sign-of-pregnancy/index.html');
const seed = readSeed();

/** Text as a reader sees it: runs of whitespace (line breaks included) count as one space. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

let $: cheerio.CheerioAPI;
beforeAll(() => {
  $ = cheerio.load(readFileSync(ARTICLE_HTML, 'utf8'));
});

/** The list item holding the question whose heading is `title`. */
function questionItem(title: string) {
  const item = $('#comments > div > ol > li').filter((_, li) => $(li).find('> article h3').text() === title);
  expect(item, `question "${title}"`).toHaveLength(1);
  return item;
}

const bodyOf = (article: ReturnType<typeof $>) => words(article.find('.comment-body').text());

describe('the seed article page', () => {
  test('has the seed’s title as its only h1', () => {
    expect($('h1')).toHaveLength(1);
    expect($('h1').text()).toBe(seed.title);
  });

  test('publishes every paragraph of the article word for word, in order', () => {
    const prose = $('main article .prose p')
      .map((_, p) => words($(p).text()))
      .get();
    expect(prose).toEqual(seed.paragraphs.map(words));
  });

  test('says honestly that the article has not been medically reviewed', () => {
    expect($('main article header').text()).toContain('This article has not been medically reviewed.');
  });

  test('publishes every question with its question line and body word for word', () => {
    for (const question of seed.questions) {
      const article = questionItem(question.title!).children('article');
      expect(bodyOf(article)).toBe(words(question.body));
    }
  });

  test('nests every answer inside its question’s list item, word for word', () => {
    for (const question of seed.questions) {
      const answers = questionItem(question.title!).find('> details > ol > li > article');
      expect(answers.map((_, a) => bodyOf($(a))).get()).toEqual(
        question.answers.map((answer: SeedComment) => words(answer.body)),
      );
    }
  });

  test('keeps the writers’ line breaks as line breaks', () => {
    const labourQuestion = questionItem('What signs did you have before going into labor?');
    expect(labourQuestion.find('> article .comment-body br').length).toBeGreaterThanOrEqual(6);
    expect(labourQuestion.find('> article .comment-body p')).toHaveLength(3);
  });

  test('counts in its heading exactly the comments it shows', () => {
    const shown = $('#comments article.comment').length;
    expect(shown).toBe(seed.commentCount);
    expect($('#comments h2').text()).toBe(`${shown} thoughts on “${seed.title}”`);
  });

  test('invents no names or dates for the comments', () => {
    expect($('#comments time')).toHaveLength(0);
    const names = new Set(
      $('#comments .comment-author')
        .map((_, s) => $(s).text())
        .get(),
    );
    expect([...names]).toEqual(['Anonymous']);
  });

  test('ships no JavaScript (JSON-LD data blocks are not run)', () => {
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0);
  });
});
