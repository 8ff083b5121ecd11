/**
 * One post that cannot be converted is reported by id and title, and the others are imported.
 */
import { expect, test, vi } from 'vitest';

import { formatReport } from '@/lib/import/wordpress';

import { importExport, wxr } from './helpers';

// Stands in for whatever input nobody foresaw: converting a body that holds EXPLODE throws.
vi.mock('@/lib/import/wordpress/html-to-mdx', async (importOriginal) => {
  const original = await importOriginal<typeof import('@/lib/import/wordpress/html-to-mdx')>();
  return {
    ...original,
    convertPostBody: (content: string, context: Parameters<typeof original.convertPostBody>[1]) => {
      if (content.includes('EXPLODE')) throw new RangeError('Maximum call stack size exceeded');
      return original.convertPostBody(content, context);
    },
  };
});

test('a post whose conversion throws is reported by id and title, and the other posts are imported', async () => {
  const { report, files } = await importExport({
    xml: wxr(
      { id: 1, title: 'Fine' },
      { id: 2, title: 'Deep one', content: 'EXPLODE', comments: [{ id: 5 }] },
      { id: 3 },
    ),
  });
  expect([...files.keys()].filter((path) => path.startsWith('articles/'))).toEqual([
    'articles/post-1.mdx',
    'articles/post-3.mdx',
  ]);
  expect(report.skippedItems).toEqual({ 'too deeply nested to convert': 1 });
  expect(report.skippedComments).toEqual({ 'on an item not imported': 1 });
  expect(formatReport(report)).toContain(
    'post-2: post 2 "Deep one" too deeply nested to convert: Maximum call stack size exceeded; not imported',
  );
});
