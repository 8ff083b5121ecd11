/**
 * Readability of an article's rendered text: the Flesch–Kincaid grade level (Kincaid et al., 1975), the
 * US school grade a reader needs to follow the text. Syllables are counted by the `syllable` package;
 * the formula is ours. Counted where the built page is read, in the build's worker thread
 * (`rendered-article.ts`), so this file imports packages only.
 */
import { syllable } from 'syllable';

/** Counts of a text that the Flesch–Kincaid formula uses. */
export interface TextStatistics {
  words: number;
  sentences: number;
  syllables: number;
}

/**
 * Flesch–Kincaid grade level: 0.39 × words per sentence + 11.8 × syllables per word − 15.59.
 * Undefined for a text without words.
 */
export function fleschKincaidGrade({ words, sentences, syllables }: TextStatistics): number | undefined {
  if (words === 0 || sentences === 0) return undefined;
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/** A run of letters or digits, with the apostrophes and hyphens inside words (don’t, well-being). */
const WORD = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/** The end of a sentence: ., ! or ? (repeated or not), then a space, a closing quote or the end of the line. */
const SENTENCE_END = /[.!?]+(?=[\s"'”’)\]]|$)/gu;

/**
 * Words, sentences and syllables of a text whose blocks (paragraphs, list items) are on lines of their
 * own. A block counts as at least one sentence even without a full stop, as list items often are.
 * Every word has at least one syllable (the syllable counter gives none for numbers such as 2026).
 * Web addresses are left out.
 */
export function textStatistics(text: string): TextStatistics {
  const totals: TextStatistics = { words: 0, sentences: 0, syllables: 0 };
  // A web address is not read out word by word: leave it out.
  for (const block of text.replace(/\b(?:https?:\/\/|www\.)\S+/g, ' ').split(/\n+/)) {
    const words = block.match(WORD) ?? [];
    if (words.length === 0) continue;
    totals.words += words.length;
    totals.syllables += words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
    // Sentence ends followed by more words each close a sentence; the block's last sentence is closed by the block.
    const ends = [...block.matchAll(SENTENCE_END)].filter((end) =>
      /[\p{L}\p{N}]/u.test(block.slice(end.index + end[0].length)),
    );
    totals.sentences += ends.length + 1;
  }
  return totals;
}
