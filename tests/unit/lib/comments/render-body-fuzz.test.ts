/**
 * Random bodies built from the pieces hostile comments are made of: whatever they hold, the renderer
 * returns, and what it returns is a comment the page can show (tests/helpers/comment-html.ts).
 */
import fc from 'fast-check';
import { expect, test } from 'vitest';

import {
  renderCommentBody,
  renderCommentBodyWithSatteri,
  renderCommentBodyWithUnified,
} from '@/lib/comments/render-body';

import { commentHtmlProblems } from '../../../helpers/comment-html';

const FRAGMENTS = [
  // Tags, allowed and not, opened, closed and broken.
  '<b>', '</b>', '<em>', '</em>', '<q>', '<span>', '<div>', '</div>', '<blockquote>', '<p>', '</p>', '<br>',
  '<a href="https://a.example/">', '<a href="javascript:alert(1)">', '<a href="#top">', '<a href="page">',
  '<a href="mailto:a@b.example">', '</a>', '<a>', '<img src=x onerror=alert(1)>', '<script>', '</script>',
  '<style>', '<svg><style>', '</svg>', '<math>', '<table><td>', '<textarea>', '<iframe src=x>', '<!-- ',
  ' -->', '<b title="</b>">', '<a href="https://x.example/" id="top" name="x">', '<pre>', '<code>', '<',
  '>', '</', '<a ',
  // Markdown marks.
  '*', '**', '_', '__', '~', '~~', '[', ']', '(', ')', '](', '[]', '![', '`', '```', '\\', '> ', '>',
  '- ', '* ', '1. ', '# ', '---', '===', '|', '| a | b |\n|---|---|\n',
  // Links, footnotes and definitions.
  '[a](https://a.example/)', '[](https://a.example/)', '[a](javascript:x)', '[a](#x)', '[a](b)',
  'https://www.nhs.uk/a_b', 'www.x.org', 'a@b.example', '<https://auto.example>', '[^1]', '[^1]: note',
  '[x]: https://x.example', '[x]',
  // Character references.
  '&amp;', '&lt;', '&#x200b;', '&#8203;', '&nbsp;', '&', '&#0;',
  // Text, lines and scripts.
  'word', ' ', '\n', '\n\n', '\r\n', '\t', '    ', 'é', 'ночь', '夜', 'تشنج', '😖', '\u0301',
  // Invisible and direction characters.
  '\u200b', '\u200d', '\ufeff', '\u202e', '\u2066', '\u2069', '\u00ad', '\u3164', '\ufe0f', '\u0000',
]; // prettier-ignore

const fragment = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
  // Runs long enough to cross the renderer's limits.
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...FRAGMENTS), fc.integer({ min: 2, max: 3_000 }))
      .map(([piece, times]) => piece.repeat(times)),
  },
);

const body = fc.array(fragment, { minLength: 1, maxLength: 40 }).map((parts) => parts.join(''));

test('renders any mix of Markdown, HTML and Unicode to a comment the page can show', () => {
  fc.assert(
    fc.property(body, (text) => {
      expect(commentHtmlProblems(renderCommentBody(text))).toEqual([]);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 250) },
  );
}, 120_000);

test('gives the same HTML on both renderers wherever the fast path renders a random body', () => {
  fc.assert(
    fc.property(body, (text) => {
      const fast = renderCommentBodyWithSatteri(text);
      if (fast !== undefined) expect(fast).toBe(renderCommentBodyWithUnified(text));
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
  );
}, 120_000);
