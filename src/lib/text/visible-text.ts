/**
 * What counts as visible text, for every place that refuses a comment, title or name that would show
 * nothing: the comment schema (so the content check, the build, the importer and the question form),
 * and the comment renderer, which never leaves a link or paragraph with nothing to read.
 */

/**
 * Characters that show nothing on their own: white space and separators (`\p{White_Space}`, `\p{Z}`),
 * controls (`\p{Cc}`), format characters (`\p{Cf}`: zero-width spaces and joiners, bidi controls, the
 * soft hyphen, the byte order mark, tag characters), everything Unicode says to ignore when it cannot be
 * displayed (`\p{Default_Ignorable_Code_Point}`: Hangul fillers, variation selectors, the combining
 * grapheme joiner…), combining marks with no letter to sit on (`\p{M}`), lone surrogates (`\p{Cs}`) and
 * the blank Braille pattern U+2800, which looks like a space.
 */
const INVISIBLE = String.raw`\p{White_Space}\p{Z}\p{Cc}\p{Cf}\p{Cs}\p{Default_Ignorable_Code_Point}\p{M}\u2800`;

const VISIBLE_CHARACTER = new RegExp(`[^${INVISIBLE}]`, 'u');

/** Whether the text has at least one character a reader can see. */
export function hasVisibleText(text: string): boolean {
  return VISIBLE_CHARACTER.test(text);
}

/**
 * Characters that have no place in a one-line text such as a name or a question line: controls (NUL,
 * line breaks, tabs, escape…). Bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
 * are the reader's to use: every page isolates reader text (`dir="auto"`), so they cannot reorder the
 * words around it, and right-to-left writers may need them.
 */
const LINE_CONTROL = /\p{Cc}/u;

/** The first control character in a one-line text, as `U+0000`, with its 1-based position; or undefined. */
export function findLineControl(text: string): { codePoint: string; position: number } | undefined {
  const match = LINE_CONTROL.exec(text);
  if (!match) return undefined;
  const codePoint = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  return { codePoint, position: [...text.slice(0, match.index)].length + 1 };
}

/**
 * Characters that could rewrite a terminal or reorder what it shows: C0 and C1 controls (escape
 * sequences start with one), and the invisible bidirectional and zero-width marks.
 */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

/** Text safe to print on a terminal: every unsafe character shown as its code point, such as `<U+202E>`. */
export function visible(text: string): string {
  return text.replace(UNSAFE, (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`);
}
