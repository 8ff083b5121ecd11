import { describe, expect, test } from 'vitest';

import { BLOCK_PROPS, EDITOR_BLOCKS, readAttributes } from '@/lib/editor/components';
import { mdxProblems } from '@/lib/mdx/component-uses';
import { COMPONENTS, PAGE_COMPONENT_NAMES } from '@/schemas/components';

const block = (id: string) => EDITOR_BLOCKS.find((candidate) => candidate.id === id)!;

describe('the editor’s blocks are the site’s components', () => {
  test('each block sets exactly the props its component declares', () => {
    for (const [id, props] of Object.entries(BLOCK_PROPS)) {
      const declared = Object.keys(COMPONENTS[id as keyof typeof COMPONENTS].props.shape);
      expect([...props].sort(), id).toEqual(declared.sort());
    }
  });

  test('every component of a site page is a block; a citation is typed in its sentence', () => {
    expect(EDITOR_BLOCKS.map(({ id }) => id).sort()).toEqual([...PAGE_COMPONENT_NAMES].sort());
  });
});

describe('what a block writes', () => {
  const cases = [
    ['CareCard', { urgency: 'emergency', heading: 'Call 999 if:', level: '3', body: 'you cannot breathe.' }],
    ['CareCard', { urgency: 'urgent', heading: 'Ask your "GP" if:', body: '- it lasts\n- it spreads' }],
    ['KeyPoints', { heading: '', body: '- Stretch.\n- Drink water.' }],
    ['Warning', { heading: 'Quinine', level: '2', body: 'Do not take quinine for cramps.' }],
    ['OwnerToFill', { body: 'Say who runs this site.' }],
  ] as const;

  test.each(cases)('%s: MDX the content check accepts', (id, data) => {
    const mdx = block(id).toBlock(data);
    expect(mdxProblems(`${mdx}\n`, { components: PAGE_COMPONENT_NAMES })).toEqual([]);
  });

  test.each(cases)('%s: read back into the same form', (id, data) => {
    const { pattern, fromBlock, toBlock } = block(id);
    const match = toBlock(data).match(pattern);
    expect(match).not.toBeNull();
    const { level, heading, ...rest } = data as Record<string, string>;
    expect(fromBlock(match!)).toEqual({ ...rest, ...(heading && { heading }), ...(level && { level }) });
  });

  test('a care card a writer typed opens as a block', () => {
    const typed = `<CareCard urgency='urgent' heading="See a GP if:" level={3}>\nthe pain lasts.\n</CareCard>`;
    const match = typed.match(block('CareCard').pattern)!;
    expect(block('CareCard').fromBlock(match)).toEqual({
      urgency: 'urgent',
      heading: 'See a GP if:',
      level: '3',
      body: 'the pain lasts.',
    });
  });

  test('a tag whose attributes are not plain values is left as typed', () => {
    expect(readAttributes(' heading={title}')).toBeUndefined();
    expect(readAttributes(' heading={"a \\"b\\""} level={2}')).toEqual({ heading: 'a "b"', level: '2' });
  });

  test('the preview escapes what the writer typed', () => {
    expect(block('Warning').toPreview({ heading: '<img src=x onerror=alert(1)>', body: '<b>' })).not.toContain('<img');
  });
});
