import { describe, expect, test } from 'vitest';

import { tableOfContents } from '@/lib/discovery/table-of-contents';
import { NOTES_HEADING_ID } from '@/lib/markdown/notes';

const h = (depth: number, text: string) => ({ depth, text, slug: text.toLowerCase().replace(/\s+/g, '-') });

describe('tableOfContents', () => {
  test('lists the second-level headings in page order when there are at least the minimum', () => {
    const headings = [h(2, 'Causes'), h(3, 'At night'), h(2, 'Treatment'), h(2, 'When to get help')];
    expect(tableOfContents(headings, 3).map((heading) => heading.slug)).toEqual([
      'causes',
      'treatment',
      'when-to-get-help',
    ]);
  });

  test('is empty when there are fewer second-level headings than the minimum', () => {
    expect(tableOfContents([h(2, 'Causes'), h(2, 'Treatment')], 3)).toEqual([]);
  });

  test('does not count deeper headings towards the minimum', () => {
    expect(tableOfContents([h(2, 'Causes'), h(3, 'At night'), h(3, 'By day'), h(4, 'Notes')], 3)).toEqual([]);
  });

  test('lists the footnotes’ "Notes" heading but does not count it towards the minimum', () => {
    const notes = { depth: 2, text: 'Notes', slug: NOTES_HEADING_ID };
    expect(tableOfContents([h(2, 'Causes'), h(2, 'Treatment'), notes], 3)).toEqual([]);
    expect(
      tableOfContents([h(2, 'Causes'), h(2, 'Treatment'), h(2, 'Outlook'), notes], 3).map(({ text }) => text),
    ).toEqual(['Causes', 'Treatment', 'Outlook', 'Notes']);
  });

  test('lists the headings the page adds after the text (References) last, without counting them', () => {
    const references = { depth: 2, text: 'References', slug: 'references-heading' };
    const notes = { depth: 2, text: 'Notes', slug: NOTES_HEADING_ID };
    expect(tableOfContents([h(2, 'Causes'), h(2, 'Treatment')], 3, [references])).toEqual([]);
    expect(
      tableOfContents([h(2, 'Causes'), h(2, 'Treatment'), h(2, 'Outlook'), notes], 3, [references]).map(
        ({ text }) => text,
      ),
    ).toEqual(['Causes', 'Treatment', 'Outlook', 'Notes', 'References']);
  });

  test('is empty for an article without headings', () => {
    expect(tableOfContents([], 3)).toEqual([]);
  });
});
