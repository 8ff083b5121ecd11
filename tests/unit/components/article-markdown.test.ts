import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';

import GfmArticle from '../../fixtures/site/articles/gfm-markdown.mdx';

let $: cheerio.CheerioAPI;
beforeAll(async () => {
  const container = await AstroContainer.create();
  container.addServerRenderer({ renderer: mdxRenderer });
  $ = cheerio.load(await container.renderToString(GfmArticle));
});

describe('article Markdown (GitHub-flavoured)', () => {
  test('renders a table with its alignment', () => {
    expect(
      $('table th')
        .map((_, th) => $(th).text())
        .get(),
    ).toEqual(['Symptom', 'Common']);
    expect($('table td').eq(1).attr('style') ?? $('table td').eq(1).attr('align')).toMatch(/center/);
  });

  test('renders a task list with checked and unchecked boxes', () => {
    const boxes = $('li input[type="checkbox"]');
    expect(boxes).toHaveLength(2);
    expect(boxes.eq(0).attr('checked')).toBeDefined();
    expect(boxes.eq(1).attr('checked')).toBeUndefined();
  });

  test('names each task-list checkbox after its item, for screen readers', () => {
    expect(
      $('li input[type="checkbox"]')
        .map((_, box) => $(box).attr('aria-label'))
        .get(),
    ).toEqual(['Drink water', 'Stretch']);
  });

  test('renders strikethrough', () => {
    expect($('del').text()).toBe('wrong');
  });

  test('turns a bare address into a link', () => {
    expect($('a[href="https://www.nhs.uk"]').text()).toBe('https://www.nhs.uk');
  });

  test('renders a footnote reference and the footnote', () => {
    const ref = $('sup a[href^="#"]');
    expect(ref).toHaveLength(1);
    const target = $(ref.attr('href')!);
    expect(target.text()).toContain('The footnote text.');
  });
});
