import { describe, expect, test } from 'vitest';

import { builtSite } from '../helpers/fixture-sites';
import { hugeThreadComments, longChainComments, STRANGE_BODIES } from '../helpers/generated-fixtures';
import { commentIdsOn as idsOn, commentPages } from '../helpers/comment-pages';

const FIXTURE_DIST = await builtSite('fixture');

describe('an article with 10,000 comments', () => {
  const pages = commentPages(FIXTURE_DIST, 'huge-thread');

  test('is split into pages of 50 conversations', () => {
    expect(pages).toHaveLength(40);
    expect(pages.map(({ $ }) => $('#comments > div > ol > li').length)).toEqual(Array(40).fill(50));
  });

  test('shows every comment exactly once', () => {
    const shown = pages.flatMap(({ $ }) => idsOn($));
    expect(shown).toHaveLength(10_000);
    expect(new Set(shown)).toEqual(new Set(hugeThreadComments().map((comment) => comment.id)));
  });

  test('counts all 10,000 in the heading of every page', () => {
    for (const { $ } of pages)
      expect($('#comments-heading').text()).toBe('10000 thoughts on “Fixture: ten thousand comments”');
  });

  test('gives every comment a permalink to the page that holds it', () => {
    for (const { file, $ } of pages) {
      const path = `/${file.replace(/index\.html$/, '')}`;
      // Each comment element found once, not looked up by id among 10,000 (as slow as the page is long).
      for (const comment of $('article.comment').toArray()) {
        const id = comment.attribs.id!.replace(/^comment-/, '');
        const permalink = $(comment)
          .find('a')
          .filter((_, a) => $(a).text() === 'Link to this comment');
        expect(permalink.attr('href')).toBe(`${path}#comment-${id}`);
      }
    }
  });

  test('links each page to the previous and next', () => {
    const nav = pages[1]!.$('nav[aria-label="Comment pages"]');
    expect(nav.find('a[rel="prev"]').attr('href')).toBe('/articles/huge-thread/');
    expect(nav.find('a[rel="next"]').attr('href')).toBe('/articles/huge-thread/comments/3/');
  });

  test('orders answers oldest first although the file lists them out of order', () => {
    const { $ } = pages[0]!;
    expect(
      $('#comment-h0 + details > ol > li > article')
        .map((_, a) => a.attribs.id)
        .get(),
    ).toEqual(['comment-h0-a1', 'comment-h0-a3']);
  });
});

describe('a reply chain 500 deep', () => {
  const { $ } = commentPages(FIXTURE_DIST, 'long-chain')[0]!;

  test('shows every reply exactly once, in order', () => {
    expect(idsOn($)).toEqual(longChainComments().map((comment) => comment.id));
  });

  test('nests no deeper than the indentation cap', () => {
    expect($('ol ol ol ol ol ol')).toHaveLength(0);
    expect(
      $('#comment-link499 a')
        .filter((_, a) => $(a).text() === 'Chain writer 498')
        .attr('href'),
    ).toBe('#comment-link498');
  });
});

describe('strange text', () => {
  const { $ } = commentPages(FIXTURE_DIST, 'strange-text')[0]!;

  test.each(Object.keys(STRANGE_BODIES))('keeps the %s comment’s characters exactly', (id) => {
    const shown = $(`#comment-${id} .comment-body`).text();
    const written = STRANGE_BODIES[id]!;
    // Line breaks become <br>, and whitespace-only lines separate paragraphs: compare the words.
    const words = (text: string) => text.split(/[ \n\t]+/).filter(Boolean);
    expect(words(shown)).toEqual(words(written));
  });

  test('keeps the longest comment allowed whole', () => {
    const characters = (text: string) => text.replace(/\n/g, '').length;
    expect(characters($('#comment-longest .comment-body').text())).toBe(characters(STRANGE_BODIES.longest!));
  });
});
