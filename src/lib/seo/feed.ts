/**
 * The RSS feed's article bodies. Feed readers show an article away from the site and without its style
 * sheet, so every address inside its HTML is made absolute (a link to `/articles/x/` or to footnote `#fn-1`
 * must still lead to the site), and text meant for screen readers only (`sr-only`, such as the "note " of
 * a note marker) is left out: nothing would hide it.
 */
import type { Element, Root } from 'hast';
import rehypeParse from 'rehype-parse';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';

/** Resolves `address` against `base`; anything that is not an address is left as it is. */
const resolve = (address: string, base: string) =>
  URL.canParse(address, base) ? new URL(address, base).href : address;

/** `srcset`: comma-separated candidates, each an address and an optional width or density. */
const resolveSrcset = (srcset: string, base: string) =>
  srcset
    .split(',')
    .map((candidate) => candidate.trim().replace(/^\S+/, (address) => resolve(address, base)))
    .join(', ');

/** Whether `node` is text for screen readers only, which the site's style sheet hides from sight. */
const isScreenReaderText = (node: Root['children'][number]) =>
  node.type === 'element' && Array.isArray(node.properties.className) && node.properties.className.includes('sr-only');

/**
 * Rewrites the `href`, `src` and `srcset` of every element and removes screen-reader-only text; a walk with
 * a stack, as in the comment core.
 */
function rehypeFeedBody({ base }: { base: string }) {
  return (tree: Root) => {
    const stack: (Root | Element)[] = [tree];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.type === 'element') {
        const { properties } = node;
        for (const name of ['href', 'src'] as const) {
          if (typeof properties[name] === 'string') properties[name] = resolve(properties[name], base);
        }
        if (typeof properties.srcSet === 'string') properties.srcSet = resolveSrcset(properties.srcSet, base);
        if (Array.isArray(properties.srcSet)) properties.srcSet = resolveSrcset(properties.srcSet.join(','), base);
      }
      node.children = node.children.filter((child) => !isScreenReaderText(child));
      for (const child of node.children) if (child.type === 'element') stack.push(child);
    }
  };
}

/**
 * `html` (a fragment, such as a rendered article body) as a feed shows it: each `href`, `src` and `srcset`
 * address resolved against `pageUrl`, the page the HTML comes from, and screen-reader-only text left out.
 * Parsed as HTML, so text that merely looks like an attribute (in a code sample, say) is left alone.
 */
export function feedBody(html: string, pageUrl: string): string {
  return String(
    unified()
      .use(rehypeParse, { fragment: true })
      .use(rehypeFeedBody, { base: pageUrl })
      .use(rehypeStringify)
      .processSync(html),
  );
}
