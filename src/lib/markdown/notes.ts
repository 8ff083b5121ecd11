/**
 * What footnotes are called and how they are lettered: "notes", told apart from citations as Wikipedia
 * tells its notes from its references. A note is marked by a superscript letter ("a") and listed under a
 * visible "Notes" heading; a citation by a bracketed number ("[1]", `components/editorial/Cite.astro`).
 * Screen readers hear "note a" and "reference 1". The Markdown processor applies it
 * (`lettered-notes.ts`); no Astro or native module here, so any page may import it.
 */
import type { Features } from 'satteri';

/** The Markdown processor's options for footnotes, which it does not export under a name of their own. */
type FootnoteOptions = Extract<Extract<Features['gfm'], object>['footnotes'], object>;

/** The id the Markdown processor gives the notes' heading (GitHub's `footnote-label`). */
export const NOTES_HEADING_ID = 'footnote-label';

/** The letters of the notes, as CSS `lower-alpha` counts: a to z, then aa, ab… */
export function noteLetter(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26)) {
    letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  }
  return letters;
}

/** The heading of the notes section and the names of its links back to the text (GitHub-flavoured Markdown). */
export const NOTES: FootnoteOptions = {
  label: 'Notes',
  backLabel: (note, rerun) => `Back to text citing note ${noteLetter(note)}${rerun > 1 ? ` (${rerun})` : ''}`,
};
