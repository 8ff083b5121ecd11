/**
 * Who wrote and reviewed an article, its review dates and its references, rendered with Astro's
 * Container API.
 */
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';

import ArticleHeader from '@/components/ArticleHeader.astro';
import References from '@/components/editorial/References.astro';
import ReviewDates from '@/components/editorial/ReviewDates.astro';
import { articleComponents } from '@/components/mdx-components';
import { articleSchema, type ArticleData } from '@/schemas/article';

import EditorialArticle from '../../fixtures/site/articles/editorial-features.mdx';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
  container.addServerRenderer({ renderer: mdxRenderer });
});

/** Frontmatter as the content collection would give it: through the real schema. */
const frontmatter = (fields: Record<string, unknown> = {}): ArticleData =>
  articleSchema().parse({ title: 'Leg cramps', description: 'Why they happen.', published: '2026-11-27', ...fields });

/** Text as a reader (or a screen reader) gets it: runs of whitespace as one space. */
const words = (text: string) => text.replace(/\s+/g, ' ').trim();

const writer = { name: 'Sam Writer', href: '/people/sam-writer/' };
const reviewer = { name: 'Dr Jo Reviewer', credentials: 'MBBS, MRCGP', href: '/people/jo-reviewer/' };

describe('the article header', () => {
  const render = async (props: Record<string, unknown>) =>
    cheerio.load(await container.renderToString(ArticleHeader, { props: { commentCount: 0, ...props } }));

  test('names the writer in a byline that links to their page', async () => {
    const $ = await render({ article: frontmatter({ author: 'sam-writer' }), author: writer });
    expect(words($('p').first().text())).toMatch(/^By Sam Writer\. Published/);
    expect($('p').first().find('a').attr('href')).toBe('/people/sam-writer/');
  });

  test('shows no byline for an article without a writer', async () => {
    const $ = await render({ article: frontmatter() });
    expect($('header').text()).not.toContain('By ');
  });

  test('names the medical reviewer with their credentials and the date of the review', async () => {
    const article = frontmatter({ medicalReview: { reviewer: 'jo-reviewer', date: '2026-12-02' } });
    const $ = await render({ article, reviewer });
    const note = $('p').filter((_, p) => $(p).text().includes('Medically reviewed'));
    expect(words(note.text())).toBe('Medically reviewed by Dr Jo Reviewer, MBBS, MRCGP on 2 December 2026.');
    expect(note.find('a').attr('href')).toBe('/people/jo-reviewer/');
    expect(note.find('time').attr('datetime')).toBe('2026-12-02');
  });

  test('leaves out the comma of a reviewer who has no credentials', async () => {
    const article = frontmatter({ medicalReview: { reviewer: 'jo-reviewer', date: '2026-12-02' } });
    const $ = await render({ article, reviewer: { name: 'Jo Reviewer', href: '/people/jo-reviewer/' } });
    expect(words($('header').text())).toContain('Medically reviewed by Jo Reviewer on 2 December 2026.');
  });

  test('says honestly that an article nobody reviewed has not been medically reviewed', async () => {
    const $ = await render({ article: frontmatter() });
    expect(words($('header').text())).toContain('This article has not been medically reviewed.');
    expect($('header').text()).not.toContain('Medically reviewed by');
  });
});

describe('the review dates at the foot of an article', () => {
  /** Each line of the review dates. */
  const render = async (props: Record<string, unknown>) => {
    const $ = cheerio.load(await container.renderToString(ReviewDates, { props }));
    return $('p')
      .map((_, p) => words($(p).text()))
      .get();
  };

  test('say when the page was last reviewed and when the next review is due', async () => {
    const text = await render({ lastReviewed: new Date('2024-07-01'), nextReviewDue: new Date('2027-07-01') });
    expect(text).toEqual(['Page last reviewed: 1 July 2024', 'Next review due: 1 July 2027']);
  });

  test('say that a page never reviewed has not been reviewed, and still when its review is due', async () => {
    const text = await render({ lastReviewed: undefined, nextReviewDue: new Date('2029-11-27') });
    expect(text).toEqual(['Page last reviewed: not yet reviewed', 'Next review due: 27 November 2029']);
  });
});

describe('the References list', () => {
  const { references } = frontmatter({
    references: [
      { title: 'Leg cramps', publisher: 'NHS', url: 'https://www.nhs.uk/conditions/leg-cramps/', date: '2023-01-15' },
      { title: 'Are cramps serious?', url: 'https://example.org/cramps' },
    ],
  });
  const render = async (cited: number[]) =>
    cheerio.load(await container.renderToString(References, { props: { references, cited } }));

  test('numbers the sources in frontmatter order, each with its title, publisher, date and link', async () => {
    const $ = await render([]);
    expect($('h2').text()).toBe('References');
    const items = $('ol > li');
    expect(items.map((_, li) => $(li).attr('id')).get()).toEqual(['ref-1', 'ref-2']);
    expect(words(items.eq(0).text())).toBe('Leg cramps. NHS. 15 January 2023.');
    expect(items.eq(0).find('a').attr('href')).toBe('https://www.nhs.uk/conditions/leg-cramps/');
    expect(items.eq(0).find('time').attr('datetime')).toBe('2023-01-15');
  });

  test('adds no full stop after a title that ends in a question mark, and nothing for what a source lacks', async () => {
    const $ = await render([]);
    expect(words($('ol > li').eq(1).text())).toBe('Are cramps serious?');
  });

  test('links a cited source back to its first citation in the text, and only a cited one', async () => {
    const $ = await render([2]);
    const back = $('#ref-2 a[href^="#"]');
    expect(back.attr('href')).toBe('#cite-2');
    expect(words(back.text())).toBe('Back to text citing reference 2');
    expect($('#ref-1 a[href^="#"]')).toHaveLength(0);
  });
});

describe('an article’s MDX with the site’s components', () => {
  let $: cheerio.CheerioAPI;
  beforeAll(async () => {
    $ = cheerio.load(
      await container.renderToString(EditorialArticle, { props: { components: articleComponents }, locals: {} }),
    );
  });

  test('uses the callouts and citations without importing them', () => {
    expect($('.callout')).toHaveLength(6);
    expect($('sup.cite')).toHaveLength(3);
  });

  test('links each citation to its reference, giving a source cited twice a second id', () => {
    const citations = $('sup.cite a');
    expect(citations.map((_, a) => $(a).attr('href')).get()).toEqual(['#ref-1', '#ref-2', '#ref-1']);
    expect(citations.map((_, a) => $(a).attr('id')).get()).toEqual(['cite-1', 'cite-2', 'cite-1-2']);
  });

  test('names each citation as a reference for screen readers, shown as a bracketed number', () => {
    const citation = $('sup.cite a').first();
    expect(words(citation.text())).toBe('[reference 1]');
    expect(citation.find('.sr-only').text()).toBe('reference ');
  });
});
