import * as cheerio from 'cheerio';
import type { Element } from 'domhandler';
import { beforeAll, expect, test } from 'vitest';

import { builtSite } from '../helpers/fixture-sites';
import { commentPages } from '../helpers/comment-pages';
import { ATTACKS, hostileComments } from '../helpers/generated-fixtures';

const FIXTURE_DIST = await builtSite('fixture');

// All pages of the hostile article's comments, checked as one document.
let $: cheerio.CheerioAPI;
let html: string;
beforeAll(() => {
  html = commentPages(FIXTURE_DIST, 'hostile')
    .map((page) => page.html)
    .join('\n');
  $ = cheerio.load(html);
});

const DANGEROUS_URL = /^\s*(javascript|vbscript|data):/i;

test('the corpus holds at least 60 attack strings', () => {
  expect(ATTACKS.length).toBeGreaterThanOrEqual(60);
});

test('every hostile comment is published, none dropped', () => {
  expect($('#comments article.comment')).toHaveLength(hostileComments().length);
});

test('each page holds no script but its structured data, and nothing opens or closes another', () => {
  // The only script elements are JSON-LD data blocks (page data, breadcrumbs); comment authors are in them, escaped.
  for (const page of commentPages(FIXTURE_DIST, 'hostile')) {
    const types = page
      .$('script')
      .toArray()
      .map((script) => page.$(script).attr('type'));
    expect(types.length, page.file).toBeGreaterThan(0);
    expect(new Set(types), page.file).toEqual(new Set(['application/ld+json']));
    expect(page.html.match(/<script/gi), page.file).toHaveLength(types.length);
    expect(page.html.match(/<\/script/gi), page.file).toHaveLength(types.length);
  }
});

test('no element carries an event-handler attribute', () => {
  const handlers = $('*')
    .toArray()
    .filter((node): node is Element => node.type === 'tag')
    .flatMap((element) =>
      Object.keys(element.attribs)
        .filter((name) => /^on/i.test(name))
        .map((name) => `${element.tagName}[${name}]`),
    );
  expect(handlers).toEqual([]);
});

test('no attribute holds a javascript:, vbscript: or data: address', () => {
  const urls = $('*')
    .toArray()
    .filter((node): node is Element => node.type === 'tag')
    .flatMap((element) =>
      Object.entries(element.attribs)
        .filter(
          ([name, value]) =>
            [
              'href',
              'src',
              'action',
              'formaction',
              'cite',
              'data',
              'xlink:href',
              'srcdoc',
              'background',
              'poster',
            ].includes(name) && DANGEROUS_URL.test(value),
        )
        .map(([name, value]) => `${element.tagName}[${name}=${value}]`),
    );
  expect(urls).toEqual([]);
});

test('the comments contain no element that loads, embeds, restyles or redirects', () => {
  expect(
    $('#comments').find(
      'base, meta, iframe, object, embed, style, link, form, input, button, svg, math, img, video, audio, source, textarea, template, noscript',
    ).length,
  ).toBe(0);
  expect($('#comments [style]').length).toBe(0);
});

test('no comment markup clobbers page globals through id or name', () => {
  const ids = $('#comments [id], #comments [name]')
    .toArray()
    .filter((node): node is Element => node.type === 'tag')
    .map((element) => element.attribs.id ?? element.attribs.name);
  // The site's own ids: every comment's (`comment-…`) and every conversation's (`conversation-…`).
  expect(ids.filter((id) => !/^comment-|^conversation-|^user-content-|^comments-heading$/.test(id!))).toEqual([]);
});

test('attack text stays readable as text', () => {
  expect($('#comment-body-0 .comment-body').text()).toContain('alert(1)');
  expect($('#comment-title-0 h3').text()).toBe('<script>alert(1)</script>');
  expect($('#comment-author-0 .comment-author').text()).toBe('<script>alert(1)</script>');
});

test('writer addresses keep their http(s) origin and are marked as user content', () => {
  const links = $('#comments a.comment-author')
    .toArray()
    .filter((node): node is Element => node.type === 'tag');
  expect(links.length).toBeGreaterThan(0);
  for (const link of links) {
    expect(link.attribs.href).toMatch(/^https:\/\/example\.org\//);
    expect(link.attribs.rel).toBe('nofollow ugc noopener');
  }
});
