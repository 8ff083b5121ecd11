/**
 * English plurals for the site's and the tools' messages, by the language's own rules (`Intl.PluralRules`),
 * in one place rather than a `count === 1 ? … : …` in every message.
 */

const englishPlurals = new Intl.PluralRules('en-GB');

/** The form of a word (or phrase) that goes with `count`: `plural(1, 'reply', 'replies')` is `reply`. */
export function plural(count: number, one: string, other = `${one}s`): string {
  return englishPlurals.select(count) === 'one' ? one : other;
}

/** `count` followed by the form of the word that goes with it: `countOf(3, 'article')` is `3 articles`. */
export function countOf(count: number, one: string, other = `${one}s`): string {
  return `${count} ${plural(count, one, other)}`;
}
