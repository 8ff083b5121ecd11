/**
 * No comment can break or stall the build: the bodies an adversarial pass found, each at the length
 * that used to crash the build or take minutes, and every shape of the benchmark at the longest legal
 * length. Time limits here catch a hang; scripts/bench-comments.ts measures.
 */
import { describe, expect, test } from 'vitest';

import { ADVERSARIAL_BODIES, repeatToLength } from '@/lib/comments/adversarial-bodies';
import {
  COMMENT_RENDER_LIMITS,
  renderCommentBody,
  renderCommentBodyWithSatteri,
  renderCommentBodyWithUnified,
} from '@/lib/comments/render-body';

import { commentHtmlProblems } from '../../../helpers/comment-html';

/** Both renderers, each on its own: the reference must be as safe as the fast path. */
const RENDERERS = [
  ['the unified pipeline', renderCommentBodyWithUnified],
  ['renderCommentBody', renderCommentBody],
] as const;

const HANG = 5_000;

describe('deeply nested HTML', () => {
  test.each([
    ['<b>', 2_500],
    ['<em>', 3_000],
    ['<q>', 10_000],
    ['<span>', 10_000],
    ['<div>', 10_000],
    ['<blockquote>', 10_000],
  ])(
    'renders %s nested %i deep without overflowing the call stack, keeping the text inside',
    (tag, times) => {
      for (const [, render] of RENDERERS) {
        const html = render(`${tag.repeat(times)}the words inside`);
        expect(html).toContain('the words inside');
        expect(commentHtmlProblems(html)).toEqual([]);
      }
    },
    HANG * 2,
  );

  test('unwraps elements nested deeper than the limit, keeping their text in order', () => {
    const depth = COMMENT_RENDER_LIMITS.nestingDepth + 8;
    const html = renderCommentBody(`${'<q>'.repeat(depth)}deep${'</q>'.repeat(depth)} after`);
    expect(html.match(/<q>/g)).toHaveLength(COMMENT_RENDER_LIMITS.nestingDepth - 1);
    expect(html).toMatch(/deep(<\/q>)+ after<\/p>$/);
  });

  test('keeps nesting within the limit as written', () => {
    expect(renderCommentBody('<b><i><em>three deep</em></i></b>')).toBe('<p><b><i><em>three deep</em></i></b></p>');
  });
});

describe('deeply nested quotations', () => {
  test.each([['> '], ['>']])(
    'renders "%s" 10,000 times over without overflowing, keeping the text',
    (marker) => {
      for (const [, render] of RENDERERS) {
        const html = render(`${marker.repeat(10_000)}quoted`);
        expect(html).toContain('quoted');
        expect(commentHtmlProblems(html)).toEqual([]);
      }
    },
    HANG * 2,
  );

  test('reads at most 16 quote markers at the start of a line, keeping the text', () => {
    const html = renderCommentBody(`${'> '.repeat(40)}quoted\n\nafter`);
    expect(html.match(/<blockquote>/g)).toHaveLength(COMMENT_RENDER_LIMITS.quoteDepth);
    expect(html).toMatch(/quoted<\/p>\n(<\/blockquote>\n)+<p>after<\/p>$/);
  });
});

describe('runs of Markdown marks', () => {
  test.each([
    ['é*', 100_000],
    ['*a', 100_000],
    ['_a', 1_000_000],
    ['é*', COMMENT_RENDER_LIMITS.emphasisMarks * 2 + 2],
  ])(
    'renders "%s" repeated to %i characters in linear time, as typed',
    (unit, length) => {
      const body = repeatToLength(unit, length);
      for (const [, render] of RENDERERS) expect(render(body)).toContain(unit.repeat(8));
    },
    HANG * 2,
  );

  test('leaves a million characters of "_a" to the plain-text rendering instead of parsing them with satteri', () => {
    expect(renderCommentBodyWithSatteri(repeatToLength('_a', 1_000_000))).toBeUndefined();
  });

  test('still reads emphasis in a body with a normal number of marks', () => {
    expect(renderCommentBody('**very** sore, *mostly* at night')).toBe(
      '<p><strong>very</strong> sore, <em>mostly</em> at night</p>',
    );
  });

  test('shows a body with more emphasis marks than the limit as typed, in paragraphs and lines', () => {
    const body = `${'**bold** '.repeat(COMMENT_RENDER_LIMITS.emphasisMarks / 4 + 1)}\nnext line\n\n<b>tag</b> & more`;
    const html = renderCommentBody(body);
    expect(html).not.toContain('<strong>');
    expect(html).toContain('**bold** **bold**');
    expect(html).toMatch(/<br>\nnext line<\/p>\n<p>&#x3C;b>tag&#x3C;\/b> &#x26; more<\/p>$/);
  });

  test('shows a body with more tags than the limit as typed, its tags as text', () => {
    const html = renderCommentBody('<b>x</b> '.repeat(COMMENT_RENDER_LIMITS.htmlTags + 1));
    expect(html).not.toContain('<b>');
    expect(html).toContain('&#x3C;b>x&#x3C;/b>');
  });
});

describe('links the page cannot honour', () => {
  test('keeps footnote marks and notes as the reader wrote them, without links to missing ids', () => {
    const html = renderCommentBody('See [^1] and [^note].\n\n[^1]: The first note.\n[^note]: Another.');
    expect(html).toBe('<p>See [^1] and [^note].</p>\n<p>[^1]: The first note.<br>\n[^note]: Another.</p>');
  });

  test('keeps link definitions as the reader wrote them', () => {
    expect(renderCommentBody('[1]: https://x.example/\nsee [1]')).toBe(
      '<p>[1]: <a href="https://x.example/" rel="nofollow ugc noopener">https://x.example/</a><br>\nsee [1]</p>',
    );
  });

  test.each([
    ['a Markdown link with no text', '[](https://x.example/)'],
    ['an HTML link with no text', '<a href="https://x.example/"></a>'],
    ['a link whose text is invisible', '<a href="https://x.example/">\u200b</a>'],
    ['a link around an image, which is removed', '<a href="https://x.example/"><img src="x.png"></a>'],
  ])('shows the address of %s as its text', (_, body) => {
    expect(renderCommentBody(body)).toMatch(
      /<a href="https:\/\/x.example\/" rel="nofollow ugc noopener">(\u200b)?https:\/\/x.example\/<\/a>/,
    );
  });

  test('unwraps a link inside a link, which a browser would read as an empty link before another', () => {
    const html = renderCommentBody('<svg><style><a href="https://a.example/">[a](https://b.example/)');
    expect(html).toBe('<p><a href="https://a.example/" rel="nofollow ugc noopener">a</a></p>');
  });

  test('shows an empty e-mail link as the address', () => {
    expect(renderCommentBody('<a href="mailto:a@b.example"></a>')).toContain('>a@b.example</a>');
  });

  test.each([
    ['a relative link', '[the page](other-page)'],
    ['a fragment link', '[the top](#top)'],
    ['an HTML fragment link', '<a href="#comment-1">the page</a>'],
    ['a protocol-relative link', '<a href="//evil.example/">the page</a>'],
  ])('turns %s, which would point into the site, into its text', (_, body) => {
    expect(renderCommentBody(body)).toMatch(/^<p>the (page|top)<\/p>$/);
  });

  test.each([['<p></p>'], ['<blockquote> </blockquote>'], ['**\u200b**']])(
    'leaves no empty element for %j after text',
    (empty) => {
      expect(commentHtmlProblems(renderCommentBody(`text\n\n${empty}`))).toEqual([]);
    },
  );
});

describe('every adversarial shape of the longest legal length', () => {
  test.each(Object.entries(ADVERSARIAL_BODIES))(
    'renders %s and returns safe HTML',
    (_, body) => {
      const html = renderCommentBody(body);
      expect(commentHtmlProblems(html)).toEqual([]);
    },
    HANG,
  );
});
