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

  test('has no broken internal link or fragment', () => {
    expect(checkLinks({ dist: WORDPRESS_DIST }).broken).toEqual([]);
  });
});
