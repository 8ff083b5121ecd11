import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';

import { feedBody } from '@/lib/seo/feed';

const PAGE = 'https://health.example.org/blog/articles/night-cramps/';

describe('feedBody', () => {
  test('resolves links and images against the page they come from', () => {
    const $ = cheerio.load(
      feedBody('<p><a href="/blog/articles/other/">Other</a> <img src="../../pic.png" alt="A picture"></p>', PAGE),
    );
    expect($('a').attr('href')).toBe('https://health.example.org/blog/articles/other/');
    expect($('img').attr('src')).toBe('https://health.example.org/blog/pic.png');
  });

  test('turns a fragment link, such as a footnote reference, into a link to that place on the page', () => {
    const $ = cheerio.load(feedBody('<sup><a href="#fn-1">1</a></sup>', PAGE));
    expect($('a').attr('href')).toBe(`${PAGE}#fn-1`);
  });

  test('resolves every candidate of a srcset, keeping its width', () => {
    const $ = cheerio.load(feedBody('<img src="/a.png" srcset="/a.png 1x, /a@2x.png 2x" alt="">', PAGE));
    expect($('img').attr('srcset')).toBe('https://health.example.org/a.png 1x, https://health.example.org/a@2x.png 2x');
  });

  test('leaves absolute addresses and other schemes as they are', () => {
    const html = '<a href="https://www.nhs.uk/?a=1&amp;b=2">NHS</a> <a href="mailto:editor@example.org">Mail</a>';
    const $ = cheerio.load(feedBody(html, PAGE));
    expect($('a').eq(0).attr('href')).toBe('https://www.nhs.uk/?a=1&b=2');
    expect($('a').eq(1).attr('href')).toBe('mailto:editor@example.org');
  });

  test('leaves text that only looks like an attribute alone', () => {
    const html = '<pre><code>&lt;a href="/not-a-link"&gt;</code></pre>';
    expect(cheerio.load(feedBody(html, PAGE))('code').text()).toBe('<a href="/not-a-link">');
  });

  test('keeps the rest of the HTML: text, elements and other attributes', () => {
    const html = '<h2 id="causes">Causes</h2><p>Cramps &amp; <em>spasms</em>.</p>';
    const $ = cheerio.load(feedBody(html, PAGE));
    expect($('h2#causes').text()).toBe('Causes');
    expect($('p').html()).toBe('Cramps &amp; <em>spasms</em>.');
  });

  test('leaves out text for screen readers only, which a feed reader would show: a note marker reads "a"', () => {
    const html =
      '<p>Cramps<sup><a href="#fn-1" data-footnote-ref=""><span class="sr-only">note </span>a</a></sup>.</p>';
    const $ = cheerio.load(feedBody(html, PAGE));
    expect($('p').text()).toBe('Crampsa.');
    expect($('a').attr('href')).toBe(`${PAGE}#fn-1`);
    expect($('.sr-only')).toHaveLength(0);
  });
});
