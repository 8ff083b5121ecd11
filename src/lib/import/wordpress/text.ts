/**
 * Plain-text helpers for the fields that are not Markdown: titles, names, tags, descriptions, slugs.
 */
import { load } from 'cheerio';

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

/** The words a reader sees in a bit of HTML: tags dropped, entities decoded, whitespace folded. */
export function htmlToText(html: string): string {
  if (!/[<&]/.test(html)) return cleanText(html);
  const $ = load(html.replace(BLOCK_TAG, ' $&'), null, false);
  $('script, style, noscript, template').remove();
  return cleanText($.root().text());
}

/** The text of each paragraph in an HTML body, in order, empty ones left out. */
export function paragraphTexts(html: string): string[] {
  const $ = load(html, null, false);
  return $('p')
    .map((_, paragraph) => htmlToText($(paragraph).html() ?? ''))
    .get()
    .filter((text) => text !== '');
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
const SLUG_MAX = 120;

/**
 * A slug that is safe as a file name and unchanged by the site's own slugging, so the page address
 * is the file name: lower-case letters (any script), digits, `-` and `_`. WordPress stores non-Latin
 * slugs percent-encoded; they are decoded so `%ce%b5…` becomes `ε…`.
 */
export function toSlug(value: string): string {
  let decoded = value;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    // Not valid percent-encoding: slug the text as it is.
  }
  const slug = decoded
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[-_]+|[-_]+$/g, '');
  return slug.slice(0, SLUG_MAX).replace(/[-_]+$/, '');
}

/** Turns a slug back into words, for a post that has no title: `edge-case-no-title` → `Edge case no title`. */
export function titleFromSlug(slug: string): string {
  const words = slug.replace(/[-_]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
