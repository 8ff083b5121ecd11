/**
 * A bound on how deeply HTML elements nest. HTML parsers, turndown and the site's renderer walk
 * elements recursively, so a post or comment with `<div>` (or `<b>`, `<blockquote>`, `<ul><li>`)
 * nested thousands deep overflows the stack. Real writing never nests more than a few dozen deep:
 * tags below the bound are removed and their text kept.
 *
 * The scan is one linear pass over the tags, without building a tree, so it cannot overflow itself.
 */

/** Deepest element nesting kept; the tags of elements below it are removed, their text kept. */
export const MAX_ELEMENT_NESTING = 100;

/** A tag, comment, doctype or processing instruction; quoted attribute values may hold `>`. */
const MARKUP =
  /<!--[\s\S]*?(?:-->|$)|<![^>]*>?|<\?[^>]*>?|<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;

/** Elements that never hold others. */
const VOID_ELEMENTS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements whose content is text, not tags: their content is passed over unread. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noscript', 'template']);

/** Elements an opening tag of the same kind (or its sibling kind) closes, as HTML parsers do. */
const CLOSED_BY_NEXT: Record<string, ReadonlySet<string>> = {
  p: new Set(['p']),
  li: new Set(['li']),
  dt: new Set(['dt', 'dd']),
  dd: new Set(['dt', 'dd']),
  tr: new Set(['tr']),
  td: new Set(['td', 'th']),
  th: new Set(['td', 'th']),
  option: new Set(['option']),
};

/** Text-level elements: removing their tags needs no space to keep the words apart. */
const INLINE_ELEMENTS = new Set([
  'a',
  'abbr',
  'acronym',
  'b',
  'bdi',
  'bdo',
  'cite',
  'code',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'kbd',
  'mark',
  'q',
  's',
  'samp',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
]);

export interface FlattenedHtml {
  html: string;
  /** The deepest nesting found, before flattening. */
  deepest: number;
  /** Whether tags were removed. */
  flattened: boolean;
}

/**
 * Removes the tags of elements nested deeper than `maxDepth`, keeping their text (and a space where
 * a block element stood). HTML nested no deeper comes back unchanged, character for character.
 */
export function flattenDeepNesting(html: string, maxDepth = MAX_ELEMENT_NESTING): FlattenedHtml {
  const stack: { name: string; kept: boolean }[] = [];
  let deepest = 0;
  let output = '';
  let position = 0;
  let flattened = false;
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(html); match; match = MARKUP.exec(html)) {
    const [markup, closing, rawName, attributes = ''] = match;
    output += html.slice(position, match.index);
    position = match.index + markup.length;
    if (rawName === undefined) {
      output += markup; // a comment, doctype or processing instruction
      continue;
    }
    const name = rawName.toLowerCase();
    const removed = INLINE_ELEMENTS.has(name) ? '' : ' ';
    if (closing) {
      let index = stack.length - 1;
      while (index >= 0 && stack[index]!.name !== name) index--;
      if (index < 0) {
        output += markup; // closes nothing open: left for the parser to ignore
        continue;
      }
      const { kept } = stack[index]!;
      stack.length = index;
      output += kept ? markup : removed;
      continue;
    }
    const closes = CLOSED_BY_NEXT[stack.at(-1)?.name ?? ''];
    if (closes?.has(name)) stack.pop();
    if (VOID_ELEMENTS.has(name) || /\/\s*$/.test(attributes)) {
      const kept = stack.length < maxDepth;
      if (!kept) flattened = true;
      output += kept ? markup : removed;
      deepest = Math.max(deepest, stack.length + 1);
      continue;
    }
    const kept = stack.length < maxDepth;
    if (!kept) flattened = true;
    stack.push({ name, kept });
    deepest = Math.max(deepest, stack.length);
    output += kept ? markup : removed;
    if (RAW_TEXT_ELEMENTS.has(name)) {
      // The content runs to the matching closing tag, whatever it holds.
      const end = new RegExp(`</${name}\\s*>`, 'ig');
      end.lastIndex = position;
      const found = end.exec(html);
      const contentEnd = found ? found.index : html.length;
      output += html.slice(position, contentEnd);
      position = contentEnd;
      MARKUP.lastIndex = position;
    }
  }
  output += html.slice(position);
  return flattened ? { html: output, deepest, flattened } : { html, deepest, flattened };
}
