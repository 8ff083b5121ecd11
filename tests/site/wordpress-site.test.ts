import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';

import { checkLinks } from '../../scripts/link-check';
import { TEST_BUILD_DATE } from '../helpers/build-day';
import { builtSite } from '../helpers/fixture-sites';
import { WORDPRESS_CONTENT } from '../helpers/paths';

const WORDPRESS_DIST = await builtSite('wordpress');

// The global setup imported WordPress's theme test data (pages included) and a hostile export, and
// built them with the real site code.
const page = (slug: string) => join(WORDPRESS_DIST, 'articles', slug, 'index.html');
const load = (slug: string) => cheerio.load(readFileSync(page(slug), 'utf8'));

describe('the imported WordPress site', () => {
  test('publishes every imported article that is neither a draft nor scheduled after the build day', () => {
    const articles = globSync('articles/*.mdx', { cwd: WORDPRESS_CONTENT });
    expect(articles.length).toBeGreaterThan(70);
    let scheduled = 0;
    for (const file of articles) {
      const slug = file.slice('articles/'.length, -'.mdx'.length);
      const text = readFileSync(join(WORDPRESS_CONTENT, file), 'utf8');
      const draft = /\ndraft: true\n/.test(text);
      const later = /\npublished: (\d{4}-\d{2}-\d{2})\n/.exec(text)![1]! > TEST_BUILD_DATE;
      if (later && !draft) scheduled++;
      expect(existsSync(page(slug)), slug).toBe(!draft && !later);
    }
    // The theme test data's post scheduled for 2030.
    expect(scheduled).toBe(1);
  });

  test('keeps the ten-level comment thread with every reply under its parent', () => {
    const $ = load('template-comments');
    expect($('#comment-915').text()).toContain('Comment Depth 10');
    expect($('article.comment').filter((_, element) => /^comment-\d+$/.test(element.attribs.id ?? ''))).toHaveLength(
      19,
    );
  });

  test('neutralises a hostile post: braces shown as text, nothing executable', () => {
    const main = load('hostile-body')('main').html()!;
    expect(main).toContain('Braces {props.secret}');
    expect(main).not.toMatch(/<script|<iframe|<form|\son[a-z]+=|javascript:/i);
  });

  test('shows every image of the site’s uploads from the site itself and links no file on the old media host', () => {
    const elsewhere: string[] = [];
    for (const file of globSync('articles/*/index.html', { cwd: WORDPRESS_DIST })) {
      const $ = cheerio.load(readFileSync(join(WORDPRESS_DIST, file), 'utf8'));
      $('main img').each((_, image) => {
        const source = $(image).attr('src') ?? '';
        if (!source.startsWith('/_astro/')) elsewhere.push(`${file}: <img src="${source}">`);
      });
      $('main a[href*="127.0.0.1"]').each(
        (_, link) => void elsewhere.push(`${file}: <a href="${$(link).attr('href')}">`),
      );
    }
    // The one image left elsewhere is the hostile export's, on a site that is not the WordPress site.
    expect(elsewhere).toEqual(['articles/hostile-body/index.html: <img src="https://hostile.example/x.png">']);
  });

  test('points no link, image or file at the old blog: links between its posts lead to their new pages', () => {
    const onOldSite: string[] = [];
    for (const file of globSync('**/*.html', { cwd: WORDPRESS_DIST })) {
      const $ = cheerio.load(readFileSync(join(WORDPRESS_DIST, file), 'utf8'));
      $('[href], [src]').each((_, element) => {
        const address = $(element).attr('href') ?? $(element).attr('src') ?? '';
        if (/^https?:\/\/(www\.)?wpthemetestdata\.(files\.)?wordpress\.com\b/.test(address)) {
          onOldSite.push(`${file}: ${address}`);
        }
      });
    }
    expect(onOldSite).toEqual([]);
    // The block-button link is dated a day after its post's permalink (time zones), and still found.
    expect(load('blocks-layout-elements')('main a[href="../block-button/"]').text()).toBe('another button');
  });

  test('gives each image its width and height, a size for each screen, lazy loading and its alt text', () => {
    const images = load('markup-image-alignment')('main img').toArray();
    expect(images.length).toBeGreaterThan(5);
    for (const { attribs } of images) {
      expect(attribs).toMatchObject({ loading: 'lazy', width: expect.stringMatching(/^\d+$/) });
      expect(attribs.height).toMatch(/^\d+$/);
      expect(attribs.srcset).toMatch(/ \d+w(, |$)/);
      expect(attribs.alt).toBeDefined();
    }
    expect(images.map(({ attribs }) => attribs.alt)).toContain('Image Alignment 580x300');
  });

  test('serves a linked document from media/', () => {
    const href = load('block-category-common')('main a[href$="file_block.pdf"]').attr('href');
    expect(href).toBe('../../media/2018/11/file_block.pdf');
    expect(readFileSync(join(WORDPRESS_DIST, 'media/2018/11/file_block.pdf'), 'latin1')).toMatch(/^%PDF-/);
  });

  test('has no broken internal link or fragment', () => {
    expect(checkLinks({ dist: WORDPRESS_DIST }).broken).toEqual([]);
  });
});
