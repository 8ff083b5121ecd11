import { describe, expect, test } from 'vitest';

import { groupByTag, slugifyTag, uniqueTags } from '@/lib/discovery/tags';

describe('slugifyTag', () => {
  test('joins the words of the seed article’s tag with hyphens', () => {
    expect(slugifyTag('leg cramps sign of pregnancy')).toBe('leg-cramps-sign-of-pregnancy');
  });

  test('lowercases capitals', () => {
    expect(slugifyTag('NHS Advice')).toBe('nhs-advice');
  });

  test('drops accents from letters', () => {
    expect(slugifyTag('Café crème, naïve Ångström')).toBe('cafe-creme-naive-angstrom');
  });

  test('writes a run of punctuation and spaces as one hyphen and trims hyphens at the ends', () => {
    expect(slugifyTag('  Sleep & rest: (night-time)?! ')).toBe('sleep-rest-night-time');
  });

  test('joins the letters around an apostrophe', () => {
    expect(slugifyTag('Women’s health')).toBe('womens-health');
    expect(slugifyTag("children's health")).toBe('childrens-health');
  });

  test('keeps digits', () => {
    expect(slugifyTag('Vitamin B12 & D3')).toBe('vitamin-b12-d3');
  });

  test('keeps letters of scripts without a Latin form', () => {
    expect(slugifyTag('Беременность и сон')).toBe('беременность-и-сон');
  });

  test('is empty when the name has no letter or digit', () => {
    expect(slugifyTag('?! — …')).toBe('');
  });

  test('gives the same slug to spellings that differ only in case, accents and punctuation', () => {
    expect(new Set(['Sleep & Rest', 'sleep-rest', 'sleep rest', 'SLEEP, REST'].map(slugifyTag))).toEqual(
      new Set(['sleep-rest']),
    );
  });
});

describe('groupByTag', () => {
  const article = (id: string, ...tags: string[]) => ({ id, tags });
  const group = (items: ReturnType<typeof article>[]) => groupByTag(items, (item) => item.tags);
  const summary = (tags: ReturnType<typeof group>) =>
    tags.map((tag) => ({ slug: tag.slug, name: tag.name, ids: tag.items.map((item) => item.id) }));

  test('lists each tag once with the items carrying it, in the order given, tags in slug order', () => {
    expect(summary(group([article('a', 'sleep', 'diet'), article('b', 'diet'), article('c', 'sleep')]))).toEqual([
      { slug: 'diet', name: 'diet', ids: ['a', 'b'] },
      { slug: 'sleep', name: 'sleep', ids: ['a', 'c'] },
    ]);
  });

  test('merges two spellings with the same slug into one tag', () => {
    const tags = group([article('a', 'Sleep & Rest'), article('b', 'sleep-rest')]);
    expect(tags).toHaveLength(1);
    expect(tags[0]!.items.map((item) => item.id)).toEqual(['a', 'b']);
  });

  test('names a merged tag by its most used spelling', () => {
    const tags = group([article('a', 'sleep-rest'), article('b', 'Sleep & Rest'), article('c', 'Sleep & Rest')]);
    expect(tags[0]!.name).toBe('Sleep & Rest');
  });

  test('names a merged tag the same whatever order the articles come in, when spellings are equally used', () => {
    const items = [article('a', 'sleep-rest'), article('b', 'Sleep & Rest')];
    expect(group(items)[0]!.name).toBe('Sleep & Rest');
    expect(group(items.toReversed())[0]!.name).toBe('Sleep & Rest');
  });

  test('lists an item once under a tag it carries in two spellings', () => {
    expect(group([article('a', 'Sleep', 'sleep')])[0]!.items).toHaveLength(1);
  });

  test('skips a tag without a slug', () => {
    expect(group([article('a', '?!')])).toEqual([]);
  });
});

describe('uniqueTags', () => {
  test('keeps the first spelling of each slug, in the article’s order', () => {
    expect(uniqueTags(['Sleep', 'Diet', 'sleep'])).toEqual([
      { name: 'Sleep', slug: 'sleep' },
      { name: 'Diet', slug: 'diet' },
    ]);
  });
});

describe('slugifyTag in scripts whose marks are part of the letter', () => {
  test('keeps Devanagari vowel signs: दिल (heart) and दल (party) are two tags', () => {
    expect(slugifyTag('दिल')).toBe('दिल');
    expect(slugifyTag('दिल')).not.toBe(slugifyTag('दल'));
  });

  test('keeps the voicing marks of kana: ガン (cancer) and カン are two tags', () => {
    expect(slugifyTag('ガン')).toBe('ガン');
    expect(slugifyTag('ガン')).not.toBe(slugifyTag('カン'));
  });

  test('writes half-width kana in their usual form, voicing mark included', () => {
    expect(slugifyTag('ｶﾞﾝ')).toBe('ガン');
  });

  test('keeps Korean syllables whole (NFC), not as separate jamo', () => {
    expect(slugifyTag('수면 장애')).toBe('수면-장애');
    expect(slugifyTag('수면 장애')).toBe('수면-장애'.normalize('NFC'));
  });

  test('keeps the breve of Cyrillic й: мой and мои are two tags', () => {
    expect(slugifyTag('Мой')).toBe('мой'.normalize('NFC'));
    expect(slugifyTag('мой')).not.toBe(slugifyTag('мои'));
  });

  test('gives NFC whatever form the name was typed in', () => {
    const decomposed = 'दिल ガン 수면'.normalize('NFD');
    expect(slugifyTag(decomposed)).toBe(slugifyTag('दिल ガン 수면'));
    expect(slugifyTag(decomposed)).toBe(slugifyTag(decomposed).normalize('NFC'));
  });

  test('drops a mark that follows no letter', () => {
    expect(slugifyTag('sleep &\u0301 rest')).toBe('sleep-rest');
    expect(slugifyTag('\u0301')).toBe('');
  });
});
