import { describe, expect, test } from 'vitest';

import { adjacentArticles, relatedArticles, sharingTags, type Relatable } from '@/lib/discovery/related';
import { groupByTag } from '@/lib/discovery/tags';

const article = (id: string, published: string, ...tagSlugs: string[]) => ({
  id,
  title: `Title ${id}`,
  published: new Date(`${published}T00:00:00Z`),
  tagSlugs,
});
const ids = (articles: { id: string }[]) => articles.map((a) => a.id);
/** Each tag's articles by tag slug, as the site gives `sharingTags` them (`getArticlesByTag`). */
const articlesByTag = <T extends Relatable>(articles: T[]) =>
  new Map(groupByTag(articles, (a) => a.tagSlugs).map((tag) => [tag.slug, tag.items]));

describe('relatedArticles', () => {
  const current = article('current', '2024-06-01', 'sleep', 'diet', 'pregnancy');

  test('ranks articles sharing more tags first', () => {
    const one = article('one', '2024-05-01', 'sleep');
    const three = article('three', '2020-01-01', 'sleep', 'diet', 'pregnancy');
    const two = article('two', '2023-01-01', 'diet', 'sleep');
    expect(ids(relatedArticles(current, [one, three, two], 3))).toEqual(['three', 'two', 'one']);
  });

  test('puts the more recently published first among articles sharing as many tags', () => {
    const older = article('older', '2022-01-01', 'sleep');
    const newer = article('newer', '2023-01-01', 'diet');
    expect(ids(relatedArticles(current, [older, newer], 3))).toEqual(['newer', 'older']);
  });

  test('orders by title, then id, articles alike in tags and date, whatever order they come in', () => {
    const b = { ...article('b', '2023-01-01', 'sleep'), title: 'Same' };
    const a = { ...article('a', '2023-01-01', 'sleep'), title: 'Same' };
    const c = { ...article('c', '2023-01-01', 'sleep'), title: 'Another' };
    expect(ids(relatedArticles(current, [b, a, c], 3))).toEqual(['c', 'a', 'b']);
    expect(ids(relatedArticles(current, [c, a, b], 3))).toEqual(['c', 'a', 'b']);
  });

  test('gives at most the number asked for', () => {
    const candidates = ['a', 'b', 'c', 'd'].map((id) => article(id, '2023-01-01', 'sleep'));
    expect(relatedArticles(current, candidates, 3)).toHaveLength(3);
  });

  test('leaves out articles sharing no tag', () => {
    expect(relatedArticles(current, [article('other', '2023-01-01', 'skin')], 3)).toEqual([]);
  });

  test('never lists the article itself', () => {
    expect(relatedArticles(current, [current], 3)).toEqual([]);
  });

  test('finds nothing for an article without tags', () => {
    expect(relatedArticles(article('bare', '2024-01-01'), [article('x', '2023-01-01', 'sleep')], 3)).toEqual([]);
  });
});

describe('adjacentArticles', () => {
  const newestFirst = [article('c', '2024-03-01'), article('b', '2024-02-01'), article('a', '2024-01-01')];

  test('the previous article is the one published just before, the next the one just after', () => {
    const { previous, next } = adjacentArticles(newestFirst, 'b');
    expect([previous?.id, next?.id]).toEqual(['a', 'c']);
  });

  test('the newest article has no next one', () => {
    expect(adjacentArticles(newestFirst, 'c').next).toBeUndefined();
  });

  test('the oldest article has no previous one', () => {
    expect(adjacentArticles(newestFirst, 'a').previous).toBeUndefined();
  });

  test('names an article that is not in the list', () => {
    expect(() => adjacentArticles(newestFirst, 'missing')).toThrow('"missing"');
  });
});

describe('relatedArticles against a full sort', () => {
  /** The ranking written the plain way: score every candidate, sort them all, take the first `limit`. */
  const bySorting = (current: Relatable, candidates: Relatable[], limit: number) =>
    candidates
      .filter((candidate) => candidate.id !== current.id)
      .map((candidate) => ({
        candidate,
        shared: new Set(candidate.tagSlugs.filter((slug) => current.tagSlugs.includes(slug))).size,
      }))
      .filter(({ shared }) => shared > 0)
      .sort(
        (a, b) =>
          b.shared - a.shared ||
          b.candidate.published.getTime() - a.candidate.published.getTime() ||
          a.candidate.title.localeCompare(b.candidate.title, 'en') ||
          (a.candidate.id < b.candidate.id ? -1 : 1),
      )
      .slice(0, limit)
      .map(({ candidate }) => candidate.id);

  test('picks the same articles in the same order, ties and repeated tags included', () => {
    // A small deterministic generator, so a failure can be replayed.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const articles: Relatable[] = Array.from({ length: 300 }, (_, i) => ({
      id: `a${i}`,
      title: ['Cramps', 'cramps', 'Sleep', 'Étude'][next(4)]!,
      published: new Date(Date.UTC(2024, 0, 1 + next(5))),
      tagSlugs: Array.from({ length: next(5) }, () => `t${next(8)}`),
    }));
    const byTag = articlesByTag(articles);
    for (const current of articles.slice(0, 60)) {
      for (const limit of [0, 1, 3, 10]) {
        const expected = bySorting(current, articles, limit);
        expect(ids(relatedArticles(current, articles, limit)), `${current.id}, limit ${limit}`).toEqual(expected);
        // Only the articles sharing a tag, as the pages look: the same pick.
        const sharing = sharingTags(current, byTag);
        expect(ids(relatedArticles(current, sharing, limit)), `${current.id} among its tags’ articles`).toEqual(
          expected,
        );
      }
    }
  });
});

describe('sharingTags', () => {
  test('gives each article sharing a tag once, the article itself among them, and none for an untagged one', () => {
    const all = [
      article('a', '2024-01-01', 'sleep', 'cramps', 'sleep'),
      article('b', '2024-01-02', 'cramps', 'sleep'),
      article('c', '2024-01-03', 'diet'),
      article('d', '2024-01-04'),
    ];
    const byTag = articlesByTag(all);
    expect(ids(byTag.get('sleep')!)).toEqual(['a', 'b']);
    expect(ids(sharingTags(all[0]!, byTag))).toEqual(['a', 'b']);
    expect(ids(sharingTags(all[2]!, byTag))).toEqual(['c']);
    expect(sharingTags(all[3]!, byTag)).toEqual([]);
  });
});
