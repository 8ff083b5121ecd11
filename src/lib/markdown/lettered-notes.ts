/**
 * The Markdown processor's part of lettered notes (see `notes.ts`): letters each footnote marker ("a",
 * named "note a"), shows the notes' heading, which the processor hides, and letters the notes' list.
 */
import type { Element, ElementContent } from 'hast';
import { defineHastPlugin } from 'satteri';

import { noteLetter } from '@/lib/markdown/notes';

const isNotesSection = (node: { type: string; tagName?: string; properties?: Element['properties'] } | undefined) =>
  node?.type === 'element' && node.tagName === 'section' && node.properties?.dataFootnotes !== undefined;

const screenReaderText = (value: string): ElementContent => ({
  type: 'element',
  tagName: 'span',
  properties: { className: ['sr-only'] },
  children: [{ type: 'text', value }],
});

export const letteredNotes = defineHastPlugin({
  name: 'lettered-notes',
  element: {
    filter: ['a', 'h2', 'ol'],
    visit(node, ctx) {
      const properties = node.properties ?? {};
      if (node.tagName === 'a' && properties.dataFootnoteRef !== undefined) {
        const note = Number(ctx.textContent(node).trim());
        if (!Number.isInteger(note) || note < 1) return;
        // The marker's name says what it is; the heading it pointed to as its description now reads "Notes".
        ctx.replaceNode(node, {
          type: 'element',
          tagName: 'a',
          properties: Object.fromEntries(Object.entries(properties).filter(([name]) => name !== 'ariaDescribedBy')),
          children: [screenReaderText('note '), { type: 'text', value: noteLetter(note) }],
        });
      } else if (node.tagName === 'h2' && isNotesSection(ctx.parent(node))) {
        ctx.setProperty(node, 'className', undefined);
      } else if (node.tagName === 'ol' && isNotesSection(ctx.parent(node))) {
        ctx.setProperty(node, 'type', 'a');
      }
    },
  },
});
