import { describe, expect, test } from 'vitest';

import { wpautop } from '@/lib/import/wordpress/wpautop';

describe('wpautop', () => {
  test('turns blank lines into paragraphs and single newlines into line breaks', () => {
    expect(wpautop('First line\nsecond line\n\nNext paragraph')).toBe(
      '<p>First line<br />\nsecond line</p>\n<p>Next paragraph</p>\n',
    );
  });

  test('does not wrap block-level elements in paragraphs', () => {
    expect(wpautop('Intro\n\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n\nOutro')).toBe(
      '<p>Intro</p>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n<p>Outro</p>\n',
    );
  });

  test('leaves preformatted text exactly as written', () => {
    expect(wpautop('<pre>a\n\n  b</pre>')).toBe('<pre>a\n\n  b</pre>\n');
  });

  test('keeps newlines inside a tag out of the text', () => {
    expect(wpautop('A <a\nhref="https://example.org/">link</a>')).toBe(
      '<p>A <a\nhref="https://example.org/">link</a></p>\n',
    );
  });

  test('puts paragraphs inside a blockquote', () => {
    expect(wpautop('<blockquote>One\n\nTwo</blockquote>')).toBe('<blockquote><p>One</p>\n<p>Two</p></blockquote>\n');
  });

  test('returns nothing for an empty post', () => {
    expect(wpautop(' \n ')).toBe('');
  });
});
