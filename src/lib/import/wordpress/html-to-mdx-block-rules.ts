/**
 * Turndown rules for the blocks of WordPress's block editor, recognised by the classes their saved
 * HTML carries (`wp-block-gallery`, `wp-block-embed`…). `htmlToMarkdown` (html-to-mdx.ts) adds them
 * after the HTML rules (html-to-mdx-rules.ts), so that where both match a node, these win.
 */
import { embedProvider } from '@/lib/import/wordpress/blocks';
import {
  captionedFigure,
  escapeMdxText,
  hasClass,
  type MarkdownRule,
  safeUrl,
  takeLabels,
} from '@/lib/import/wordpress/html-to-mdx-rules';
import { fileName } from '@/lib/import/wordpress/shortcodes';
import { cleanText } from '@/lib/import/wordpress/text';

const HTTP = new Set(['http:', 'https:']);

/** The first descendant element with the tag name (upper case) and, if given, the class. */
function descendant(node: Node, tagName: string, className?: string): HTMLElement | undefined {
  const elements = Array.from((node as HTMLElement).getElementsByTagName(tagName.toLowerCase())) as HTMLElement[];
  return elements.find((element) => className === undefined || hasClass(element, className));
}

/**
 * A footnote reference (`<sup data-fn="…" class="fn">`) becomes a Markdown footnote `[^1]`, numbered
 * in the order the text first cites it; the note's text is written at the end (see html-to-mdx.ts).
 */
const footnoteReference: MarkdownRule = ({ footnotes, tally }) => ({
  filter: (node) => node.nodeName === 'SUP' && (node as HTMLElement).hasAttribute('data-fn'),
  replacement: (_content, node) => {
    const id = (node as HTMLElement).getAttribute('data-fn') ?? '';
    const text = footnotes.texts.get(id);
    if (text === undefined || cleanText(text.replace(/<[^>]*>/g, '')) === '') {
      tally.warnings.push({
        kind: 'footnote',
        message: `footnote ${cleanText(node.textContent ?? '') || '?'} (id ${JSON.stringify(id)}) has no text in the post's footnotes; its number was left out`,
      });
      return '';
    }
    let number = footnotes.numbers.get(id);
    if (number === undefined) {
      number = footnotes.numbers.size + 1;
      footnotes.numbers.set(id, number);
    }
    return `[^${number}]`;
  },
});

/**
 * A gallery: its images and their captions in a grid (`figure.gallery`, styled in global.css), its
 * own caption beneath. Each image is a figure of its own (the `captioned` rule).
 */
const gallery: MarkdownRule = () => ({
  filter: (node) => hasClass(node, 'wp-block-gallery'),
  replacement: (content) => {
    const { labels, rest } = takeLabels(content);
    if (rest.trim() === '') return labels.length > 0 ? `\n\n${labels.join(' ')}\n\n` : '';
    return captionedFigure(rest, labels.join(' '), 'gallery');
  },
});

/** The list a gallery of WordPress 5.x keeps its images in: its items are the grid's cells. */
const galleryList: MarkdownRule = () => ({
  filter: (node) => hasClass(node, 'blocks-gallery-grid') || hasClass(node, 'blocks-gallery-item'),
  replacement: (content) => `\n\n${content.trim()}\n\n`,
});

/**
 * An embed (YouTube, X, Facebook…) becomes a link that names what it is, where, and its caption:
 * "Video on YouTube: <caption>". Nothing is fetched from the provider, and no frame is written.
 */
const embed: MarkdownRule = ({ siteUrl, tally }) => ({
  filter: (node) => hasClass(node, 'wp-block-embed') && (node.nodeName === 'FIGURE' || node.nodeName === 'DIV'),
  replacement: (content, node) => {
    const element = node as HTMLElement;
    const { labels } = takeLabels(content);
    const caption = labels.join(' ');
    const wrapper = descendant(element, 'DIV', 'wp-block-embed__wrapper') ?? element;
    const address =
      descendant(wrapper, 'A')?.getAttribute('href') ??
      descendant(wrapper, 'IFRAME')?.getAttribute('src') ??
      /https?:\/\/\S+/.exec(wrapper.textContent ?? '')?.[0] ??
      null;
    const url = safeUrl(address, siteUrl, HTTP);
    if (!url) {
      tally.blocks.drop('core/embed', 'no address to link to');
      return caption ? `\n\n${caption}\n\n` : '';
    }
    const providerSlug = (element.getAttribute('class') ?? '').match(/\bis-provider-([a-z0-9-]+)/)?.[1];
    const provider = embedProvider(new URL(url), providerSlug);
    const typeClass = (element.getAttribute('class') ?? '').match(/\bis-type-(video|audio)\b/)?.[1];
    const shows =
      provider.shows === 'Content' && typeClass ? (typeClass === 'video' ? 'Video' : 'Audio') : provider.shows;
    tally.blocks.degrade('core/embed', 'a link naming the provider and title, not the embedded player');
    const label = `${shows} on ${escapeMdxText(provider.name)}${caption ? `: ${caption}` : ''}`;
    return `\n\n[${label}](${url})\n\n`;
  },
});

/**
 * A file: its name linked to the file, after the download button's words ("Download: Wind Farm"),
 * so the two no longer run together. An embedded PDF preview is left out.
 */
const file: MarkdownRule = ({ siteUrl, tally }) => ({
  filter: (node) => node.nodeName === 'DIV' && hasClass(node, 'wp-block-file'),
  replacement: (_content, node) => {
    const links = Array.from((node as HTMLElement).getElementsByTagName('a'));
    const button = links.find((link) => hasClass(link, 'wp-block-file__button'));
    const named = links.find((link) => link !== button) ?? button;
    const url = safeUrl(named?.getAttribute('href') ?? button?.getAttribute('href') ?? null, siteUrl);
    if (!url) {
      tally.blocks.drop('core/file', 'no usable address');
      return '';
    }
    if (descendant(node, 'OBJECT'))
      tally.blocks.degrade('core/file', 'its PDF preview was left out; name and link kept');
    const name = cleanText(named === button ? '' : (named?.textContent ?? '')) || fileName(url);
    const action = cleanText(button?.textContent ?? '');
    return `\n\n${action ? `${escapeMdxText(action)}: ` : ''}[${escapeMdxText(name)}](${url})\n\n`;
  },
});

/** A verse: its lines kept as lines (hard breaks), its words and emphasis as written. */
const verse: MarkdownRule = () => ({
  filter: (node) => node.nodeName === 'PRE' && hasClass(node, 'wp-block-verse'),
  replacement: (content) => {
    const lines = content
      .replace(/ {2}\n/g, '\n')
      .split('\n')
      .map((line) => line.trimEnd())
      // A line that would start a list, heading or quote is text; its indent is kept as no-break spaces.
      .map((line) => line.replace(/^( *)([-+*>#=]|\d+(?=[.)]))/, '$1\\$2'))
      .map((line) => line.replace(/^ +/, (indent) => '\u00a0'.repeat(indent.length)));
    while (lines[0] === '') lines.shift();
    while (lines.at(-1) === '') lines.pop();
    return `\n\n${lines.map((line) => line || '\u00a0').join('  \n')}\n\n`;
  },
});

/** A cover: its background image and its text, one after the other; the overlay is lost. */
const cover: MarkdownRule = ({ tally }) => ({
  filter: (node) => node.nodeName === 'DIV' && hasClass(node, 'wp-block-cover'),
  replacement: (content, node) => {
    const background = descendant(node, 'IMG', 'wp-block-cover__image-background');
    if (background) tally.blocks.degrade('core/cover', 'its background image is shown above its text');
    return `\n\n${content.trim()}\n\n`;
  },
});

/** The rules by name, added after the HTML rules. */
export const BLOCK_RULES: Readonly<Record<string, MarkdownRule>> = {
  footnoteReference,
  galleryList,
  gallery,
  embed,
  file,
  verse,
  cover,
};
