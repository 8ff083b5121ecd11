/**
 * Whatever a WordPress export holds, the importer writes nothing the content check refuses.
 */
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';

import { importExport, removeTemporaryFolders, writeToTemporaryFolder, wxr, type ItemSpec } from './helpers';

afterAll(removeTemporaryFolders);

/** Text an XML document can hold: no control characters, lone surrogates or non-characters. */
// eslint-disable-next-line no-control-regex -- XML 1.0 refuses these characters anywhere
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/g;
const xmlText = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((text) => text.replace(NOT_XML, ''));

/** Strings of any characters, with the ones that matter to slugs, YAML, Markdown and HTML more often. */
const awkwardText = xmlText(
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.string({ unit: fc.constantFrom(...' ?!<>&{}"\'\\:#-*_`[]\n\t\u2028\u0085\u00a0\u200bßıİé中'), maxLength: 30 }),
    fc.constantFrom('', ' ', '???', 'con', 'aux.txt', '<b></b>', '&nbsp;', '---', 'null', 'true', '2024-02-30'),
  ),
);

const dateText = fc.oneof(
  fc.constantFrom('2024-02-30 10:00:00', '2023-02-29 00:00:00', '2024-01-31 24:00:00', '0000-00-00 00:00:00', ''),
  fc
    .tuple(
      fc.integer({ min: 0, max: 9999 }),
      fc.integer({ min: 0, max: 13 }),
      fc.integer({ min: 0, max: 32 }),
      fc.integer({ min: 0, max: 25 }),
    )
    .map(
      ([y, m, d, h]) =>
        `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')} ${String(h).padStart(2, '0')}:00:00`,
    ),
);

const item = (id: number): fc.Arbitrary<ItemSpec> =>
  fc.record({
    id: fc.constant(id),
    title: awkwardText,
    slug: awkwardText,
    content: awkwardText,
    excerpt: awkwardText,
    dateGmt: dateText,
    modifiedGmt: dateText,
    terms: fc.array(fc.record({ domain: fc.constant('post_tag'), slug: fc.constant('t'), name: awkwardText }), {
      maxLength: 3,
    }),
    comments: fc.array(
      fc.record({
        id: fc.integer({ min: 1, max: 6 }),
        parent: fc.integer({ min: 0, max: 6 }),
        author: awkwardText,
        authorUrl: fc.oneof(awkwardText, fc.webUrl()),
        dateGmt: dateText,
        content: awkwardText,
      }),
      { maxLength: 6 },
    ),
  });

test('any export imports into files the content check accepts', { timeout: 120_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.tuple(item(1), item(2)), xmlText(awkwardText), async (items, writer) => {
      const xml = wxr(...items).replace('Wendy Writer', writer.replace(/]]>/g, ''));
      const { files } = await importExport({ xml });
      const folder = await writeToTemporaryFolder(files);
      expect(checkContent(folder, folder).problems.map(formatProblem)).toEqual([]);
    }),
    { numRuns: 150 },
  );
});
