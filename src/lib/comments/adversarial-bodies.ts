/**
 * Comment bodies of the longest legal length shaped to stress a Markdown and HTML renderer: deep
 * nesting, runs of emphasis marks and brackets, and the other shapes that have made parsers slow or
 * crash. The benchmark (`npm run bench:comments`) times them; a unit test renders each once.
 */
import { COMMENT_LIMITS } from '@/schemas/comments';

/** `unit` repeated and cut to exactly `length` characters. */
export function repeatToLength(unit: string, length: number = COMMENT_LIMITS.bodyCharacters): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/** Opening tags only, then text: each tag nested inside the one before. */
const nesting = (tag: string) => repeatToLength(tag);

/** Plain words filling the body up to the maximum length after `tail` (or before it). */
const wordsThen = (tail: string) => repeatToLength('word ', COMMENT_LIMITS.bodyCharacters - tail.length) + tail;

/**
 * Every shape, by name, at exactly the maximum body length. The last ones stay just within the
 * renderer's limits (`COMMENT_RENDER_LIMITS`), where it still reads Markdown: its slowest legal input.
 */
export const ADVERSARIAL_BODIES: Readonly<Record<string, string>> = {
  'nested <b>': nesting('<b>'),
  'nested <em>': nesting('<em>'),
  'nested <q>': nesting('<q>'),
  'nested <span>': nesting('<span>'),
  'nested <div>': nesting('<div>'),
  'nested <blockquote>': nesting('<blockquote>'),
  'nested <a href>': nesting('<a href="https://x.example/">'),
  'nested <b> with text': nesting('<b>x'),
  'nested <b><i> misnested': nesting('<b><i></b>'),
  'nested <p><b>': nesting('<p><b>x'),
  'open and close <b>': repeatToLength('<b>x</b>'),
  'quote marks "> "': repeatToLength('> '),
  'quote marks ">"': repeatToLength('>'),
  'quote per line "> … x\\n"': repeatToLength('>'.repeat(40) + ' x\n'),
  'emphasis "*a"': repeatToLength('*a'),
  'emphasis "_a"': repeatToLength('_a'),
  'emphasis "é*"': repeatToLength('é*'),
  'emphasis "é_"': repeatToLength('é_'),
  'emphasis "**"': repeatToLength('**'),
  'emphasis "*" then text': repeatToLength('*', 32_000) + 'a' + repeatToLength('*', 32_000),
  'emphasis "***a"': repeatToLength('***a'),
  'emphasis "*a *b"': repeatToLength('*a *b '),
  'emphasis "a**b"': repeatToLength('a**b'),
  'strikethrough "~a"': repeatToLength('~a'),
  'strikethrough "~~a"': repeatToLength('~~a'),
  'mixed marks "*_~"': repeatToLength('*_~a'),
  'brackets "["': repeatToLength('['),
  'brackets "[a"': repeatToLength('[a'),
  'brackets "]("': repeatToLength(']('),
  'brackets "[]("': repeatToLength('[]('),
  'brackets "[a]("': repeatToLength('[a]('),
  'brackets "[[" then "]]"': repeatToLength('[', 32_000) + 'a' + repeatToLength(']', 33_525),
  'links "[a](b)"': repeatToLength('[a](https://x.example/) '),
  'links "[a][b]"': repeatToLength('[a][b] '),
  'images "!["': repeatToLength('!['),
  'backticks "`"': repeatToLength('`'),
  'backticks "`a"': repeatToLength('`a'),
  'backticks "``a`"': repeatToLength('``a`'),
  'backtick runs 1..n': Array.from({ length: 400 }, (_, index) => '`'.repeat(index + 1) + 'a')
    .join('')
    .slice(0, 65_525),
  'list markers "- "': repeatToLength('- '),
  'list markers "1. "': repeatToLength('1. '),
  'list lines "- x\\n"': repeatToLength('- x\n'),
  'nested list lines': repeatToLength('  - x\n'),
  'entities "&amp;"': repeatToLength('&amp;'),
  'entities "&#x200b;"': repeatToLength('&#x200b;'),
  'entities "&"': repeatToLength('&'),
  'autolinks "<http://a>"': repeatToLength('<http://a.example>'),
  'html comments "<!--"': repeatToLength('<!--'),
  'html "<a "': repeatToLength('<a '),
  'html "<"': repeatToLength('<'),
  'mixed scripts': repeatToLength('Leg cramps ночью 夜間のこむら返り تشنج 😖 é\u200b\u202e '),
  'long line': repeatToLength('word '),
  'no spaces': repeatToLength('a'),
  'many links': repeatToLength('https://www.nhs.uk/a_b '),
  'many www links': repeatToLength('www.x.org '),
  'many e-mail addresses': repeatToLength('a@b.org '),
  'many newlines': repeatToLength('\n'),
  'many lines': repeatToLength('x\n'),
  'many paragraphs': repeatToLength('x\n\n'),
  footnotes: repeatToLength('a[^1] ') + '\n\n[^1]: x',
  'footnote definitions': repeatToLength('[^a]: b\n'),
  'reference definitions': repeatToLength('[a]: https://x.example\n'),
  'table rows': '| a | b |\n| - | - |\n' + repeatToLength('| 1 | 2 |\n', 65_500),
  'table cells': '|' + repeatToLength('a|', 65_524),
  fences: repeatToLength('```\n'),
  backslashes: repeatToLength('\\'),
  'escapes "\\*"': repeatToLength('\\*'),
  'zero-width and bidi': repeatToLength('\u200b\u200c\u200d\u2066\u2069\u202e\ufeff a'),
  'at the limit: emphasis marks after text': wordsThen('é*'.repeat(250)),
  'at the limit: emphasis marks before text': repeatToLength('*a '.repeat(500) + 'word '.repeat(20_000)),
  'at the limit: nested tags then text': repeatToLength('<b>'.repeat(256) + 'word '.repeat(20_000)),
  'at the limit: brackets after text': wordsThen('[a'.repeat(500)),
  'at the limit: code spans after text': wordsThen('`a'.repeat(1_000)),
  'at the limit: character references': repeatToLength('&amp; word '.repeat(2_000) + 'word '.repeat(20_000)),
  'at the limit: bare links': repeatToLength('www.x.org '.repeat(500) + 'word '.repeat(20_000)),
  'at the limit: lines': repeatToLength(`${'word '.repeat(13)}\n`.repeat(1_000) + 'word '.repeat(20_000)),
  'at the limit: quoted lines': repeatToLength(`${'> '.repeat(16)}${'word '.repeat(12)}\n`.repeat(1_000)),
  'at the limit: everything': repeatToLength(
    '*a '.repeat(100) +
      '[a](https://x.example/) '.repeat(80) +
      '<b>x</b> '.repeat(80) +
      '`a` '.repeat(250) +
      '> x\n'.repeat(500) +
      'www.x.org '.repeat(150) +
      'word '.repeat(20_000),
  ),
};
