/**
 * Plain-text helpers for the fields that are not Markdown: titles, names, tags, descriptions, slugs.
 */
import { load } from 'cheerio';

import { flattenDeepNesting } from '@/lib/import/wordpress/nesting';

/** Control characters YAML and HTML refuse; tabs and newlines are kept for the caller to fold. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
export const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]/g;

/** Block-level tags: their text is a separate run of words, so a space goes between them. */
const BLOCK_TAG =
  /<(?:br|\/?(?:p|div|li|ul|ol|dl|dt|dd|h[1-6]|blockquote|figure|figcaption|pre|table|tr|td|th|section|article|header|footer|hr))\b[^>]*>/gi;

/** Removes control characters and folds all whitespace to single spaces. */
export function cleanText(value: string): string {
  return value.replace(CONTROL_CHARACTERS, '').replace(/\s+/g, ' ').trim();
}

/**
 * The words a reader sees in a bit of HTML: tags dropped, entities decoded, whitespace folded.
 * Nesting is bounded first, as the parser and its text walk recurse.
 */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return cleanText(html);
  const $ = load(flattenDeepNesting(html).html.replace(BLOCK_TAG, ' $&'), null, false);
  $('script, style, noscript, template').remove();
  return cleanText($.root().text());
}

/**
 * The text of the body's first paragraphs, enough for a description: the HTML is parsed once and
 * reading stops after `enough` characters.
 */
export function leadingParagraphText(html: string, enough = 600): string {
  const $ = load(flattenDeepNesting(html).html.replace(BLOCK_TAG, ' $&'), null, false);
  let text = '';
  for (const paragraph of $('p')) {
    const words = cleanText($(paragraph).text());
    if (words === '') continue;
    text = text === '' ? words : `${text} ${words}`;
    if (text.length >= enough) break;
  }
  return text;
}

/** How long a description should be: search results show about this much. */
const DESCRIPTION_TARGET = 160;
/** A single sentence longer than this is cut at a word. */
const DESCRIPTION_MAX = 300;

/**
 * The first sentences of a text, as many as fit in a search-result snippet (at least one).
 * A first sentence that runs on is cut at a word and ends with an ellipsis.
 */
export function firstSentences(text: string): string {
  // A sentence ends at . ! ? or … (with any closing quote or bracket) followed by a space or the end.
  const sentences = cleanText(text).match(/[\s\S]+?(?:[.!?…]+["'”’)\]]*(?:\s+|$)|$)/g) ?? [];
  let summary = '';
  for (const sentence of sentences) {
    if (summary !== '' && (summary + sentence).trim().length > DESCRIPTION_TARGET) break;
    summary += sentence;
  }
  summary = summary.trim();
  if (summary.length <= DESCRIPTION_MAX) return summary;
  const cut = summary.slice(0, DESCRIPTION_MAX - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), DESCRIPTION_MAX / 2)).trimEnd()}…`;
}

/** Longest slug written; WordPress allows 200 characters, file systems and URLs prefer fewer. */
const SLUG_MAX = 100;

/**
 * Latin letters that are not a plain letter with an accent, so Unicode decomposition leaves them
 * whole: spelled in ASCII as German, Turkish, Nordic, Polish and Icelandic writers do.
 */
const ASCII_SPELLING: Readonly<Record<string, string>> = {
  ß: 'ss',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ł: 'l',
  ħ: 'h',
  ŧ: 't',
  ĸ: 'k',
  ŋ: 'ng',
};
const LATIN_LETTERS_WITHOUT_ACCENTS = new RegExp(`[${Object.keys(ASCII_SPELLING).join('')}]`, 'g');

/**
 * A slug the site accepts as a file name and page address: lower-case ASCII letters and digits
 * joined by single hyphens. WordPress stores non-Latin slugs percent-encoded; they are decoded,
 * accents are dropped (`café` → `cafe`), letters such as `ß` and `ı` spelled in ASCII (`ss`, `i`)
 * and apostrophes left out (`women's` → `womens`, as tag addresses do). Undefined when nothing with a
 * letter is left, as for a Greek or Chinese slug: the caller then names the article by its id.
 */
export function toSlug(value: string): string | undefined {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // Not valid percent-encoding: slug the text as it is.
  }
  const slug = decoded
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’ʼ]/g, '')
    .replace(LATIN_LETTERS_WITHOUT_ACCENTS, (letter) => ASCII_SPELLING[letter] ?? letter)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/, '');
  return /[a-z]/.test(slug) ? slug : undefined;
}

/**
 * Names Windows keeps for devices: a file named so (even with an extension, `aux.txt`) cannot be
 * created or checked out there.
 */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:-[a-z0-9]{1,4})?$/;

/**
 * A slug that is also a file name every system can hold: a Windows device name (`con`, `nul`,
 * `aux-txt`, which Windows would read as `aux.txt`) gets `suffix`.
 */
export function portableSlug(slug: string, suffix: string): string {
  return WINDOWS_DEVICE_NAME.test(slug) ? `${slug}-${suffix}` : slug;
}

/** Turns a slug back into words, for a post that has no title: `edge-case-no-title` → `Edge case no title`. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
