/**
 * Footnotes ("notes") beside citations ("references") in an article, rendered by the site's Markdown
 * processor with Astro's Container API. As on Wikipedia, notes are lettered and references numbered, so a
 * note marker next to a citation "[1]" cannot be taken for it.
 */
import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';

import { articleComponents } from '@/components/mdx-components';

import NotesArticle, { getHeadings } from '../../fixtures/markdown/notes-and-citations.mdx';

/** Text as a reader sees it on screen: without screen-reader-only text, whitespace runs as one space. */
const visibleText = (element: ReturnType<cheerio.CheerioAPI>) => {
  const copy = element.clone();
  copy.find('.sr-only').remove();
  return copy.text().replace(/\s+/g, ' ').trim();
};
/** Text as a screen reader names it: all of it, whitespace runs as one space. */
const accessibleText = (element: ReturnType<cheerio.CheerioAPI>) => element.text().replace(/\s+/g, ' ').trim();

let $: cheerio.CheerioAPI;
beforeAll(async () => {
  const container = await AstroContainer.create();
  container.addServerRenderer({ renderer: mdxRenderer });
  $ = cheerio.load(
    await container.renderToString(NotesArticle, { props: { components: articleComponents }, locals: {} }),
  );
});

const noteMarkers = () => $('a[data-footnote-ref]');

describe('footnotes', () => {
  test('open with a visible "Notes" heading, so they do not read as part of the last section', () => {
    const heading = $('section.footnotes > h2');
    expect(heading.text()).toBe('Notes');
    expect(heading.attr('class')).toBeUndefined();
    expect(heading.attr('hidden')).toBeUndefined();
  });

  test('are called "Notes" in the headings the page reports, which the table of contents lists', () => {
    expect(getHeadings().filter((heading) => heading.slug === $('section.footnotes > h2').attr('id'))).toEqual([
      expect.objectContaining({ depth: 2, text: 'Notes' }),
    ]);
  });

  test('are marked in the text with superscript letters, in order, where citations show bracketed numbers', () => {
    expect(
      noteMarkers()
        .map((_, marker) => visibleText($(marker)))
        .get(),
    ).toEqual(['a', 'b', 'a']);
    expect(noteMarkers().first().parent().is('sup')).toBe(true);
    expect(visibleText($('sup.cite a'))).toBe('[1]');
  });

  test('are named "note a" for screen readers, where a citation is named "reference 1"', () => {
    expect(
      noteMarkers()
        .map((_, marker) => accessibleText($(marker)))
        .get(),
    ).toEqual(['note a', 'note b', 'note a']);
    expect(accessibleText($('sup.cite a'))).toBe('[reference 1]');
  });

  test('are listed with the letters of their markers', () => {
    const list = $('section.footnotes ol');
    expect(list.attr('type')).toBe('a');
    expect(
      list
        .children('li')
        .map((_, item) => visibleText($(item).find('p')))
        .get(),
    ).toEqual(["The fixture's first note. ↩ ↩2", "The fixture's second note. ↩"]);
  });

  test('link back to the text with a name that says which note', () => {
    expect(
      $('section.footnotes a[data-footnote-backref]')
        .map((_, link) => $(link).attr('aria-label'))
        .get(),
    ).toEqual(['Back to text citing note a', 'Back to text citing note a (2)', 'Back to text citing note b']);
  });
});
