import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { emptyValuePaths, withoutEmptyValues } from '@/lib/editor/empty-values';
import { entryProblems, newEntrySlug } from '@/lib/editor/entry-check';

describe('the check of an entry before it is saved', () => {
  test('refuses an article’s fields in the content check’s words', () => {
    const problems = entryProblems(
      'articles',
      'night-cramps',
      {
        title: 'Night cramps',
        description: 'What helps.',
        published: '2026-12-01',
        references: [{ title: 'A leaflet', url: 'my surgery' }],
        body: 'Text.',
      },
      'content',
    );
    expect(problems).toEqual([
      'content/articles/night-cramps.mdx: article "night-cramps", field "references[1].url": must be a full http:// or https:// address. Fix: write the full address of the source, starting with https:// (or http://).',
    ]);
  });

  test('accepts an article whose fields are right, whatever its text', () => {
    expect(
      entryProblems(
        'articles',
        'x',
        { title: 'X', description: 'Y.', published: '2026-12-01', body: '<Cite n={9} />' },
        'content',
      ),
    ).toEqual([]);
  });

  test('checks people and site pages; comments are left to the pull request’s check', () => {
    expect(entryProblems('people', 'jo', { credentials: 'MBBS' }, 'content')).toEqual([
      expect.stringMatching(/^content\/people\/jo\.yaml: person "jo", field "name": /),
    ]);
    expect(entryProblems('pages', 'about', { title: 'About' }, 'content')[0]).toMatch(/field "description"/);
    expect(entryProblems('comments', 'x', { comments: 'nonsense' }, 'content')).toEqual([]);
  });

  test('names a new entry by the file Decap will give it', () => {
    expect(newEntrySlug('Crampes à la nuit: what helps?')).toBe('crampes-a-la-nuit-what-helps');
  });
});

describe('emptied fields', () => {
  /** Deletes paths from a copy, as Immutable's deleteIn does on Decap's data. */
  function deleteAll(value: unknown, paths: (string | number)[][]): unknown {
    const copy = structuredClone(value) as Record<string | number, unknown>;
    for (const path of paths) {
      const parent = path
        .slice(0, -1)
        .reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], copy);
      const key = path.at(-1)!;
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else Reflect.deleteProperty(parent as object, key);
    }
    return copy;
  }

  test('the paths to delete in Decap’s data leave what the local backend writes', () => {
    const leaf = fc.oneof(fc.constant(''), fc.constant(null), fc.string(), fc.integer(), fc.boolean());
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { maxDepth: 4 },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 3 }), tree, { maxKeys: 5 }), (data) => {
        expect(deleteAll(data, emptyValuePaths(data))).toEqual(withoutEmptyValues(data));
      }),
    );
  });

  test('an emptied medical review goes as a whole', () => {
    expect(
      emptyValuePaths({ title: 'X', medicalReview: { reviewer: '', date: null }, tags: ['a', '', 'b', ''] }),
    ).toEqual([['medicalReview'], ['tags', 3], ['tags', 1]]);
  });
});
