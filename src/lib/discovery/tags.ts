/**
 * Tags as pages: each tag gets an address made from its name, and every article that carries it is
 * listed there. Spellings that make the same address ("Sleep & rest", "sleep-rest") are one tag.
 */

/** Apostrophes join the letters around them ("women's" → "womens"), as readers would type the word. */
const APOSTROPHES = /['’ʼ]/g;

/**
 * The part of a tag's page address that names it: letters (with their marks) and digits of any script,
 * lowercase, in NFC, every other run of characters written as one hyphen. Accents on Latin letters are
 * dropped ("Café" and "cafe" are one tag, as readers type them); the marks of other scripts are part of
 * their letters (दिल is not दल, ガン is not カン, й is not и) and are kept. Empty when the name has no
 * letter or digit (the article schema refuses such tags).
 * @example slugifyTag('Leg cramps: sign of pregnancy?') // 'leg-cramps-sign-of-pregnancy'
 */
export function slugifyTag(name: string): string {
  return (
    name
      // Compatibility forms (full-width letters, ligatures, half-width kana) become the usual ones.
      .normalize('NFKD')
      .replace(LATIN_ACCENTS, '$1')
      .replace(APOSTROPHES, '')
      .toLowerCase()
      // Composed again: Korean syllables, kana with their voicing marks, Indic vowel signs.
      .normalize('NFC')
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      // A mark with no letter before it is not part of a word.
      .replace(/(^|-)\p{M}+/gu, '$1')
      .replace(/-{2,}/g, '-')
      .replace(/^-+|-+$/g, '')
  );
}

/** Marks on a Latin letter, once decomposed: the accents that slugs drop. */
const LATIN_ACCENTS = /(\p{Script=Latin})\p{M}+/gu;

/** One tag and what carries it. */
export interface Tag<T> {
  /** Address part of the tag's page, from `slugifyTag`. */
  slug: string;
  /** Name shown for the tag: the spelling most items use; among equally common ones, the first in code-point order. */
  name: string;
  /** Every item carrying the tag in any spelling, in the order they were given, each once. */
  items: T[];
}

/**
 * Groups items by tag slug, so spellings with the same slug become one tag whatever order the
 * content is read in. Tags without a slug are skipped.
 * @param tagsOf the tag names of an item, as written
 * @returns tags in slug order
 */
export function groupByTag<T>(items: readonly T[], tagsOf: (item: T) => readonly string[]): Tag<T>[] {
  const groups = new Map<string, { items: T[]; spellings: Map<string, number> }>();
  for (const item of items) {
    const seen = new Set<string>();
    for (const name of tagsOf(item)) {
      const slug = slugifyTag(name);
      if (slug === '') continue;
      let group = groups.get(slug);
      if (!group) {
        group = { items: [], spellings: new Map() };
        groups.set(slug, group);
      }
      group.spellings.set(name, (group.spellings.get(name) ?? 0) + 1);
      if (!seen.has(slug)) group.items.push(item);
      seen.add(slug);
    }
  }
  return [...groups]
    .map(([slug, { items, spellings }]) => ({ slug, name: preferredSpelling(spellings), items }))
    .sort((a, b) => compareCodePoints(a.slug, b.slug));
}

/** The most used spelling; ties go to the first in code-point order, so the choice never depends on file order. */
function preferredSpelling(spellings: Map<string, number>): string {
  return [...spellings].sort(([a, countA], [b, countB]) => countB - countA || compareCodePoints(a, b))[0]![0];
}

const compareCodePoints = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * An item's tags as links should show them: one per slug, in the item's own order and spelling.
 */
export function uniqueTags(names: readonly string[]): { name: string; slug: string }[] {
  const seen = new Set<string>();
  const tags: { name: string; slug: string }[] = [];
  for (const name of names) {
    const slug = slugifyTag(name);
    if (slug === '' || seen.has(slug)) continue;
    seen.add(slug);
    tags.push({ name, slug });
  }
  return tags;
}
