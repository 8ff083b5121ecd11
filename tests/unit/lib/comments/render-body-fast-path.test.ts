/**
 * The fast comment renderer (satteri) must give exactly the HTML of the unified pipeline, the
 * reference, for every body it accepts; the rest it leaves to the reference.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import {
  renderCommentBody,
  renderCommentBodyWithSatteri,
  renderCommentBodyWithUnified,
} from '@/lib/comments/render-body';

import { writeSyntheticSite } from '../../../../scripts/bench/synthetic-content';
import { ATTACKS, STRANGE_BODIES } from '../../../helpers/generated-fixtures';

const bodiesOf = (file: string): string[] =>
  (JSON.parse(readFileSync(file, 'utf8')) as { comments: { body: string }[] }).comments.map(({ body }) => body);

/** Comment bodies of the WordPress exports the importer is tested with (theme test data, hostile posts). */
function wordpressBodies(): string[] {
  const dir = new URL('../../../fixtures/wordpress/', import.meta.url);
  return readdirSync(dir).flatMap((file) =>
    [...readFileSync(new URL(file, dir), 'utf8').matchAll(/<wp:comment_content><!\[CDATA\[([\s\S]*?)\]\]>/g)].map(
      (match) => match[1]!,
    ),
  );
}

/** The benchmark's synthetic comments: plain text with line breaks, bold text and bare links. */
function syntheticBodies(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'render-body-'));
  try {
    const site = writeSyntheticSite(dir, { articles: 20, commentsPerArticle: 30, wordsPerArticle: 10 });
    return readdirSync(site.commentsDir).flatMap((file) => bodiesOf(join(site.commentsDir, file)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const SEED_BODIES = bodiesOf('content/comments/leg-cramps-sign-of-pregnancy.json');

/** Pieces of Markdown, HTML and Unicode that the two parsers have been seen to read differently. */
const FRAGMENTS = [
  'word', 'two words', ' ', '  ', '\n', '\n', '\n\n', '\r\n', '\t', '    ', '*', '**', '_', '__', '~', '~~',
  '`', '```', '~~~', '#', '# ', '## ', '-', '- ', '+ ', '* ', '1. ', '2) ', '>', '> ', '===', '---', '***',
  '___', '[', ']', '(', ')', '![', '[^1]', '[^1]: note', '[x]: https://x.example', '<', '&', '&amp;',
  '&#x26;', '&nbsp;', '&copy;', '&#x2a;', '<b>', '</b>', '<em>', '</em>', '<a href="https://a.example">',
  '<a href="javascript:x">', '</a>', '<script>', '</script>', '<div>', '</div>', '<p>', '</p>', '<br>',
  '<br/>', '<!-- c -->', '<img src=x>', '<pre>', '</pre>', '<code>', '</code>', '<table>', '<td>',
  '<details>', '<strong title="t">', '</strong>', '<q cite="https://q">', '</q>', '<del datetime="2020">',
  '</del>', 'https://www.nhs.uk/a', 'www.x.org', 'a@b.org', 'x@y.org', 'http://x.y/(a)', '(see https://x.org)',
  'http://a.b/c?d=e&f=g.', '[link](https://l.example "title")', '<https://auto.example>', '<mailto:a@b.c>',
  '|', '| a | b |\n|---|---|\n| 1 | 2 |', '\\', '\\\n', '\\*', '\\_', '"', "'", '…', '“', '”', '’', 'café',
  ' é ', 'ﬁ', '😖', '\0', '\u00a0', '\u00ad', '\u200b', '\u2028', '- [ ] task', 'foo\n===', 'a  \nb', '$x$',
  ':::', '{x}', '^sup^', '**bold**', '*it*', '_it_', '~~del~~', '~one~', 'a_b_c', '. ', ', ',
]; // prettier-ignore

/** A seeded generator (mulberry32), so every run checks the same bodies. */
function randomBodies(count: number, seed: number): string[] {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = () => FRAGMENTS[Math.floor(next() * FRAGMENTS.length)]!;
  return Array.from({ length: count }, () => Array.from({ length: 1 + Math.floor(next() * 14) }, pick).join(''));
}

/** Bodies whose HTML differs between the renderer in use and the reference. */
const differences = (bodies: string[]) =>
  bodies
    .map((body) => ({ body, html: renderCommentBody(body), reference: renderCommentBodyWithUnified(body) }))
    .filter(({ html, reference }) => html !== reference);

describe('the comment renderer', () => {
  test.each([
    ['the seed article’s comments', SEED_BODIES],
    ['the WordPress fixtures’ comments', wordpressBodies()],
    ['the benchmark’s synthetic comments', syntheticBodies()],
    ['the XSS attack strings', ATTACKS],
    ['the strange-text bodies', Object.values(STRANGE_BODIES)],
  ])(
    'renders %s exactly as the unified pipeline does',
    (_, bodies) => {
      expect(bodies.length).toBeGreaterThan(0);
      expect(differences(bodies)).toEqual([]);
    },
    30_000,
  );

  test('renders random mixes of Markdown, HTML and Unicode exactly as the unified pipeline does', () => {
    expect(differences(randomBodies(1500, 6))).toEqual([]);
  }, 60_000);
});

describe('the fast path', () => {
  test.each([
    ['plain lines', 'first line\nsecond line\n\nnew paragraph'],
    ['bold, italic and struck text', '**very** sore, *mostly* at night, ~~not~~ now'],
    ['bare links', 'see www.nhs.uk or https://www.nhs.uk/conditions/leg-cramps/'],
    ['a fenced code block', '```\nconst x = 1;\n```'],
    ['a quotation', '> you said\nI did'],
    ['inline WordPress tags', 'it was <strong>very</strong> sore'],
  ])('renders %s itself', (_, body) => {
    expect(renderCommentBodyWithSatteri(body)).toBe(renderCommentBodyWithUnified(body));
  });

  test('renders every synthetic benchmark comment itself, so builds get its speed', () => {
    expect(syntheticBodies().filter((body) => renderCommentBodyWithSatteri(body) === undefined)).toEqual([]);
  });

  test.each([
    ['a list-like line', 'one\n- two'],
    ['a numbered line', '1. first'],
    ['a heading-like line', '# 3 weeks'],
    ['a rule-like line', 'above\n***'],
    ['an underlined line', 'title\n==='],
    ['an indented line', 'text\n\n    indented'],
    ['an image', '![alt](https://x.example/a.png)'],
    ['a footnote', 'text[^1]\n\n[^1]: note'],
    ['a table', '| a | b |\n| - | - |\n| 1 | 2 |'],
    ['a block of HTML', '<div>\nblock\n</div>'],
    ['a control character after a bare link', 'www.x.org\u0001'],
    ['a byte order mark before an indented line', '\ufeff    <b>'],
  ])('leaves %s to the unified pipeline, which keeps Markdown structure as text', (_, body) => {
    expect(renderCommentBodyWithSatteri(body)).toBeUndefined();
  });
});
