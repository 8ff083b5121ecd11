import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';

import { serializeJsonLd } from '@/lib/seo/json-ld';

/** Every `<script>` element as a browser's parser (parse5, the HTML standard's algorithm) finds them. */
function scriptsIn(html: string): { type: string | undefined; text: string }[] {
  const $ = cheerio.load(html);
  return $('script')
    .map((_, script) => ({ type: $(script).attr('type'), text: $(script).text() }))
    .get();
}

const inPage = (data: unknown) =>
  `<!doctype html><html><head><script type="application/ld+json">${serializeJsonLd(data)}</script></head><body><p>after</p></body></html>`;

describe('serializeJsonLd', () => {
  test('gives back the same data when parsed as JSON', () => {
    const data = { '@type': 'Comment', name: 'Sam <3 & co', n: 3, list: [true, null, 'x'] };
    expect(JSON.parse(serializeJsonLd(data))).toEqual(data);
  });

  test('writes no <, > or & at all, so no tag or character reference can appear', () => {
    const json = serializeJsonLd({ a: '</script><script>alert(1)</script>', b: '<!-- x -->', c: '&amp; &lt;' });
    expect(json).not.toMatch(/[<>&]/);
    expect(json).toContain('\\u003c/script\\u003e');
  });

  test('a hostile author cannot close the script element or open a new one', () => {
    const author = '</script><script>alert(1)</script>';
    const html = inPage({ '@type': 'Comment', author: { '@type': 'Person', name: author } });
    const scripts = scriptsIn(html);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.type).toBe('application/ld+json');
    expect(JSON.parse(scripts[0]!.text).author.name).toBe(author);
  });

  test('an HTML comment opener in a string cannot swallow the rest of the page', () => {
    const html = inPage({ name: '<!--<script>' });
    expect(scriptsIn(html)).toHaveLength(1);
    expect(cheerio.load(html)('body p').text()).toBe('after');
    expect(JSON.parse(scriptsIn(html)[0]!.text).name).toBe('<!--<script>');
  });

  test('writes U+2028 and U+2029 as escapes, and they read back as the same characters', () => {
    const name = 'line\u2028separator\u2029paragraph';
    const json = serializeJsonLd({ name });
    expect(json).toBe('{"name":"line\\u2028separator\\u2029paragraph"}');
    expect(JSON.parse(json).name).toBe(name);
  });

  test('leaves other text as JSON writes it', () => {
    expect(serializeJsonLd({ name: 'Crème “quoted”', n: 1 })).toBe('{"name":"Crème “quoted”","n":1}');
  });

  test('refuses what JSON cannot hold rather than writing "undefined"', () => {
    expect(() => serializeJsonLd(undefined)).toThrow(TypeError);
  });
});
