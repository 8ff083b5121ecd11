/**
 * Reads a small XML file (sitemap, RSS feed) into a tree with saxes, a conforming XML parser with
 * namespaces: a file that is not well-formed XML throws, as a crawler or feed reader would reject it.
 */
import { SaxesParser } from 'saxes';

export interface XmlElement {
  /** The local name, such as `loc` or `encoded`. */
  name: string;
  /** The namespace URI, such as `http://purl.org/rss/1.0/modules/content/`. */
  uri: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text and CDATA, not its children's. */
  text: string;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true });
  const root: XmlElement = { name: '', uri: '', attributes: {}, children: [], text: '' };
  const open: XmlElement[] = [root];
  parser.on('opentag', (tag) => {
    const element: XmlElement = {
      name: tag.local,
      uri: tag.uri,
      attributes: Object.fromEntries(
        Object.values(tag.attributes).map((attribute) => [attribute.name, attribute.value]),
      ),
      children: [],
      text: '',
    };
    open.at(-1)!.children.push(element);
    open.push(element);
  });
  parser.on('closetag', () => open.pop());
  parser.on('text', (text) => (open.at(-1)!.text += text));
  parser.on('cdata', (text) => (open.at(-1)!.text += text));
  parser.write(xml).close();
  if (root.children.length !== 1) throw new Error('an XML document has exactly one root element');
  return root.children[0]!;
}

/** The children of `element` named `name` (and in namespace `uri`, if given). */
export const childrenNamed = (element: XmlElement, name: string, uri?: string) =>
  element.children.filter((child) => child.name === name && (uri === undefined || child.uri === uri));

/** The text of the one child named `name`; throws if there is not exactly one. */
export function childText(element: XmlElement, name: string, uri?: string): string {
  const found = childrenNamed(element, name, uri);
  if (found.length !== 1) throw new Error(`<${element.name}> has ${found.length} <${name}> elements, expected 1`);
  return found[0]!.text;
}
