import { describe, expect, test } from 'vitest';

import { flattenDeepNesting } from '@/lib/import/wordpress/nesting';

describe('bounding element nesting', () => {
  test('leaves HTML nested no deeper than the bound exactly as it was', () => {
    const html = '<div class="a"><p>One<p>Two <b>bold</b><br>line</div><ul><li>a<li>b</ul> 5 < 6 & <!-- note -->';
    expect(flattenDeepNesting(html, 3)).toEqual({ html, deepest: 3, flattened: false });
  });

  test('removes the tags below the bound and keeps their text, with a space for a block', () => {
    expect(flattenDeepNesting('<div><div><div>a</div>b</div></div>', 2)).toEqual({
      html: '<div><div> a b</div></div>',
      deepest: 3,
      flattened: true,
    });
    expect(flattenDeepNesting('<b><i><em>x</em></i></b>', 2).html).toBe('<b><i>x</i></b>');
  });

  test('reads script and style content as text, so tags inside them do not count', () => {
    const html = `<script>${'<div>'.repeat(50)}</script><p>after</p>`;
    expect(flattenDeepNesting(html, 2)).toEqual({ html, deepest: 1, flattened: false });
  });

  test('flattens 2,500 nested tags in one pass', () => {
    const { html } = flattenDeepNesting(`${'<b>'.repeat(2500)}x${'</b>'.repeat(2500)}`, 100);
    expect(html).toBe(`${'<b>'.repeat(100)}x${'</b>'.repeat(100)}`);
  });
});
