/**
 * Where a field is written in a content file, so a problem with its value points at its line:
 * `content/articles/x.mdx:7:3: article "x", field "references[2].url": …`. Read from the text again, with
 * position-keeping parsers (`jsonc-parser` here, `yaml` in `yaml-field-positions.ts`), only when a file has
 * problems: the data itself is always read by `lib/content-files.ts`. This module is also bundled into
 * the question handler for Workers, so it imports nothing from Node or Astro.
 */
import { findNodeAtLocation, parseTree, type Node as JsonNode } from 'jsonc-parser';

import { lineAndColumn } from '@/lib/content-check/problems';

/** 1-based line and column in a file. */
export interface Position {
  line: number;
  column: number;
}

/** Finds where the field at a schema issue's path is written; undefined when it is not written at all. */
export type FieldPosition = (path: readonly PropertyKey[]) => Position | undefined;

/** Positions in JSON: a field's key (`"date":`), or a list item's first character. */
export function jsonFieldPositions(text: string): FieldPosition {
  const root = parseTree(text);
  return (path) => {
    if (!root || path.length === 0) return undefined;
    const node: JsonNode | undefined = findNodeAtLocation(root, path as (string | number)[]);
    if (!node) return undefined;
    // A property's value: point at its key, where the field's line starts.
    const start = node.parent?.type === 'property' ? node.parent.offset : node.offset;
    return lineAndColumn(text, start);
  };
}

/** A schema issue's path plus, for an unknown-field issue, the first unknown key: where that key is written. */
export function issuePath(issue: { path: PropertyKey[]; code: string; keys?: string[] }): PropertyKey[] {
  return issue.code === 'unrecognized_keys' && issue.keys?.[0] !== undefined
    ? [...issue.path, issue.keys[0]]
    : issue.path;
}
