/** Where a field is written in YAML and in an MDX file's frontmatter: see `field-positions.ts`. */
import { extractFrontmatter } from 'astro/markdown';
import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';

import type { FieldPosition } from '@/lib/content-check/field-positions';

/**
 * Positions in YAML: a field's key (`title:`), or a list item's dash. A path that goes beyond what is
 * written (a missing field) has no position: the message names the field and the entry instead.
 * @param firstLine line of the file where the YAML starts
 */
export function yamlFieldPositions(text: string, firstLine = 1): FieldPosition {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, strict: false, uniqueKeys: false });
  return (path) => {
    let node: unknown = document.contents;
    let offset: number | undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === String(key));
        if (!pair || !isScalar(pair.key) || !pair.key.range) return undefined;
        offset = pair.key.range[0];
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as { range?: [number, number, number] } | undefined;
        if (!item?.range) return undefined;
        offset = item.range[0];
        node = item;
      } else return undefined;
    }
    if (offset === undefined) return undefined;
    const { line, col } = lineCounter.linePos(offset);
    return { line: line + firstLine - 1, column: col };
  };
}

/** Positions in an MDX file's frontmatter, counted in the whole file. */
export function frontmatterFieldPositions(fileText: string): FieldPosition {
  const frontmatter = extractFrontmatter(fileText);
  // The frontmatter Astro extracts starts with the newline that ends the opening "---", as
  // `parseFrontmatter` counts: its first line is the file's first line.
  return frontmatter === undefined ? () => undefined : yamlFieldPositions(frontmatter, 1);
}
