/**
 * Reading time from an article's Markdown source: the words a reader sees, at a steady pace.
 */

const MDX_ESM_LINE = /^(?:import|export)\s.*$/gm;
const FENCE_LINE = /^\s*(?:`{3,}|~{3,}).*$/gm;
const IMAGE = /!\[[^\]]*\]\([^)]*\)/g;
const LINK = /\[([^\]]*)\]\([^)]*\)/g;
const FOOTNOTE_REFERENCE = /\[\^[^\]]+\]:?/g;
const TAG = /<\/?[A-Za-z][^>]*>/g;
const URL_IN_TEXT = /\bhttps?:\/\/\S+/g;

/**
 * The text of a Markdown or MDX article as a reader meets it: MDX imports and exports, tags, image
 * syntax, link addresses, footnote markers and code fences removed; link text and code kept. A bare
 * address counts as one word (a reader skims it), not as the many words its dots and slashes split.
 */
export function readableText(markdown: string): string {
  return markdown
    .replace(MDX_ESM_LINE, ' ')
    .replace(FENCE_LINE, ' ')
    .replace(IMAGE, ' ')
    .replace(LINK, '$1')
    .replace(FOOTNOTE_REFERENCE, ' ')
    .replace(TAG, ' ')
    .replace(URL_IN_TEXT, ' link ');
}

const segmenters = new Map<string, Intl.Segmenter>();

/** Scripts written without spaces between words, whose words only `Intl.Segmenter` can find. */
const UNSPACED_SCRIPT =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;

/** Letters, marks and underscores; and digits. Together they make up words. */
const LETTER = '[\\p{L}\\p{M}_]';
const DIGIT = '\\p{Nd}';

/**
 * A word of a script written with spaces, following the Unicode word-boundary rules (UAX #29) that
 * `Intl.Segmenter` applies: letters and digits run together (H2O); an apostrophe, full stop, colon or
 * middle dot joins two letters (isn't, e.g); a full stop, comma, semicolon or apostrophe joins two digits
 * (1,200, 2.5); anything else, a hyphen or a dash included, separates words.
 */
const SPACED_WORD = new RegExp(
  `(?:${LETTER}|${DIGIT})+(?:(?:(?<=${LETTER})['’.:·](?=${LETTER})|(?<=${DIGIT})[.,;'’](?=${DIGIT}))(?:${LETTER}|${DIGIT})+)*`,
  'gu',
);

/**
 * Words in `text`. Text in scripts written with spaces is counted by `SPACED_WORD`, a dozen times faster
 * than the segmenter and with the same count on the site's articles; text with any word of a script
 * written without spaces is counted by `Intl.Segmenter` in `locale`.
 */
export function countWords(text: string, locale: string): number {
  if (!UNSPACED_SCRIPT.test(text)) return text.match(SPACED_WORD)?.length ?? 0;
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
    segmenters.set(locale, segmenter);
  }
  let words = 0;
  for (const segment of segmenter.segment(text)) if (segment.isWordLike) words++;
  return words;
}

/**
 * Whole minutes to read an article's Markdown at `wordsPerMinute`, rounded up: any text at all takes
 * at least a minute; an article with no words takes 0.
 */
export function readingMinutes(markdown: string, wordsPerMinute: number, locale: string): number {
  if (!(wordsPerMinute > 0)) throw new RangeError('wordsPerMinute must be more than 0');
  return Math.ceil(countWords(readableText(markdown), locale) / wordsPerMinute);
}
