/**
 * Field types that several content schemas share: text an editor writes, web addresses and dates. Each
 * refuses what would break a page that shows it, with a message that says what to do (`params.fix` on a
 * custom issue is the content check's "Fix:").
 */
import { z } from 'astro/zod';

/**
 * A content file's name, which is also its address: an article's or site page's slug, a person's id.
 * Lowercase letters and digits, words joined by single hyphens; nothing that could leave its folder.
 */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * Years a date may fall in. A page shows a year-1 date as "1 January 1", a year-9999 review falls due in
 * year 10002 (which `<time datetime>` cannot hold), and a typo such as `0024-05-01` for `2024-05-01` is
 * almost always what a year outside this range is. 1900 leaves room for articles first published in print;
 * 2200 for review dates set far ahead.
 */
export const DATE_YEARS = { first: 1900, last: 2200 } as const;

/**
 * Years a reference's date may fall in: sources are older than the site (John Snow's 1855 report on
 * cholera is still cited).
 */
export const REFERENCE_DATE_YEARS = { first: 1800, last: DATE_YEARS.last } as const;

type YearRange = { readonly first: number; readonly last: number };

const yearRangeIssue = (range: YearRange) => ({
  code: 'custom' as const,
  message: `must be a date between the years ${range.first} and ${range.last}`,
  params: {
    fix: `check the year, and write the date as YYYY-MM-DD, for example 2024-05-01: dates from ${range.first}-01-01 to ${range.last}-12-31 are accepted.`,
  },
});

/** Whether a year is one a date may fall in (`DATE_YEARS` unless told). */
export const inYears = (year: number, range: YearRange = DATE_YEARS) => year >= range.first && year <= range.last;

/**
 * A calendar date written as `YYYY-MM-DD` (the content files' YAML keeps it as text), in `range`.
 * @returns the day at midnight UTC
 */
export const calendarDate = (range: YearRange = DATE_YEARS) =>
  z
    .union([z.date(), z.iso.date().transform((value) => new Date(`${value}T00:00:00Z`))], {
      error: 'must be a real date written as YYYY-MM-DD',
    })
    .superRefine((date, context) => {
      if (!inYears(date.getUTCFullYear(), range)) context.addIssue(yearRangeIssue(range));
    });

/**
 * A comment's date, `YYYY-MM-DD` or an ISO date-time, in `DATE_YEARS`: the year is checked as written,
 * so an offset that moves the instant across New Year does not refuse it.
 */
export const commentDate = () =>
  z
    .union([z.iso.date(), z.iso.datetime({ offset: true, local: true })], {
      error: 'must be a date (YYYY-MM-DD) or an ISO date-time',
    })
    .superRefine((value, context) => {
      if (!inYears(Number(value.slice(0, 4)), DATE_YEARS)) context.addIssue(yearRangeIssue(DATE_YEARS));
    })
    .transform((value) => new Date(value));

/**
 * Characters that have no place in text a page shows: C0 and C1 control characters other than tab and
 * line breaks (NUL, escape, backspace…) and halves of a character (lone UTF-16 surrogates), which a YAML
 * escape such as `"\0"` or `"\ud800"` can put in a title.
 */
// Written by category, not by code point, so that the pattern itself holds no control character:
// \p{Cc} is C0, DEL and C1; tab, line feed and carriage return are allowed back.
const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}|\p{Cs}/u;

/** Where the first character `CONTROL_CHARACTER` refuses is, or undefined when there is none. */
export function firstControlCharacter(text: string): { codePoint: string; position: number } | undefined {
  const match = CONTROL_CHARACTER.exec(text);
  if (!match) return undefined;
  const code = match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
  return { codePoint: `U+${code}`, position: [...text.slice(0, match.index)].length + 1 };
}

/** Refuses text holding a control character, saying which and where. */
const withoutControlCharacters = <T extends z.ZodType<string>>(schema: T) =>
  schema.superRefine((text, context) => {
    const found = firstControlCharacter(text);
    if (!found) return;
    context.addIssue({
      code: 'custom',
      message: `contains the control character ${found.codePoint} at character ${found.position}, which no page can show`,
      params: {
        fix: 'delete it; in YAML, look for an escape such as "\\0", "\\x1b" or "\\u0007" inside double quotes.',
      },
    });
  });

/** Text an editor writes in a content file (a title, a name, a tag): not empty, no control characters. */
export const editorText = () => withoutControlCharacters(z.string().trim().min(1));

/** A web address: http(s) only, no control characters. */
export const webAddress = () =>
  withoutControlCharacters(z.url({ protocol: /^https?$/, error: 'must be a full http:// or https:// address' }));
