/**
 * The turndown rules that turn a WordPress post's HTML into MDX-safe Markdown, one named rule each, and
 * the escaping and address checks they share. `htmlToMarkdown` (html-to-mdx.ts) adds them to turndown.
 */
import TurndownService from 'turndown';

import { fileName, type ShortcodeContext } from '@/lib/import/wordpress/shortcodes';
import { cleanText, CONTROL_CHARACTERS } from '@/lib/import/wordpress/text';
import type { ConversionWarning } from '@/lib/import/wordpress/warnings';

/** What the rules count and report while one body is converted. */
export interface ConversionTally {
  warnings: ConversionWarning[];
  /** Elements removed from the body, by tag name. */
  removed: Map<string, number>;
  imagesWithoutAlt: number;
}

/** What a rule needs besides the node it converts. */
export interface RuleContext {
  /** The blog's address: root-relative links and images are resolved against it. */
  siteUrl: string;
  /** The export's media, for the alternative text of an attachment image. */
  media: ShortcodeContext['media'];
  /** Added to every heading level, so that the post's highest heading becomes h2. */
  headingShift: number;
  tally: ConversionTally;
}

type MarkdownRule = (context: RuleContext) => TurndownService.Rule;

/** Private-use characters that mark table cells and rows while the table is being assembled. */
const CELL = '\uE000';
const HEADER_ROW = '\uE001';
const ROW = '\uE002';
export const TABLE_MARKERS = /[\uE000-\uE002]/g;

/**
 * Escapes one text node for Markdown (turndown's own rules) and for MDX: braces, `<`, character
 * references, strikethrough tildes, and a leading `import`/`export` (written as a character
 * reference so MDX sees text, not a module statement).
 */
export function escapeMdxText(text: string): string {
  return TurndownService.prototype
    .escape(text.replace(CONTROL_CHARACTERS, '').replace(TABLE_MARKERS, ''))
    .replace(/[{}<~]/g, '\\$&')
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/^(\s*)(import|export)(?=\s|$)/, (_match, space: string, word: string) => {
      return `${space}&#x${word.charCodeAt(0).toString(16)};${word.slice(1)}`;
    });
}

/** Characters that could end or confuse a Markdown link destination, percent-encoded. */
function encodeDestination(url: string): string {
  return url.replace(/[\s()<>{}\\"'`[\]]/g, (character) => {
    return encodeURIComponent(character) === character
      ? `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`
      : encodeURIComponent(character);
  });
}

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * An address a reader can safely follow: http(s), mail or phone, or a same-page `#anchor`.
 * Root-relative addresses point at the WordPress site they came from. Anything else
 * (`javascript:`, `data:`…) gives undefined.
 */
export function safeUrl(raw: string | null, siteUrl: string, protocols = LINK_PROTOCOLS): string | undefined {
  // The URL parser reads an address as a browser does: `java\tscript:` and ` javascript:` are `javascript:`.
  const value = (raw ?? '').trim();
  if (value === '') return undefined;
  if (value.startsWith('#')) return protocols === LINK_PROTOCOLS ? encodeDestination(value) : undefined;
  let url: URL;
  try {
    url = new URL(value.startsWith('//') ? `https:${value}` : value, siteUrl || undefined);
  } catch {
    return undefined;
  }
  return protocols.has(url.protocol) ? encodeDestination(url.href) : undefined;
}

/** Elements with nothing a static page can show: dropped with everything in them. */
export const DROPPED_SILENTLY = ['style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base'] as const;
/** Elements dropped with a warning, because the writer meant something to happen there. */
const DROPPED_WITH_WARNING = new Set([
  'script',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'select',
  'textarea',
  'svg',
  'math',
  'canvas',
  'dialog',
]);

function countRemoved(tally: ConversionTally, name: string) {
  tally.removed.set(name, (tally.removed.get(name) ?? 0) + 1);
}

const fenceFor = (code: string) => {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
};

/** Scripts, forms and embedded objects: removed and counted. */
const dropped: MarkdownRule = ({ tally }) => ({
  filter: (node) => DROPPED_WITH_WARNING.has(node.nodeName.toLowerCase()),
  replacement: (_content, node) => {
    countRemoved(tally, node.nodeName.toLowerCase());
    return '';
  },
});

/** Headings on one line, shifted so that the page's title stays its only h1; empty ones are dropped. */
const heading: MarkdownRule = ({ headingShift }) => ({
  filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
  replacement: (content, node) => {
    const text = content.replace(/\s*\n\s*/g, ' ').trim();
    if (text === '') return '';
    const level = Math.min(6, Math.max(2, Number(node.nodeName.charAt(1)) + headingShift));
    return `\n\n${'#'.repeat(level)} ${text}\n\n`;
  },
});

/**
 * An image from a safe address (a lazy-loading plugin's `data-src` when `src` is a placeholder), with
 * its alternative text or, failing that, its attachment's; without a usable address it is left out.
 */
const image: MarkdownRule = ({ siteUrl, media, tally }) => ({
  filter: 'img',
  replacement: (_content, node) => {
    const image = node as HTMLElement;
    const lazySource = image.getAttribute('data-src') ?? image.getAttribute('data-lazy-src');
    const rawSource = /^data:/i.test(image.getAttribute('src') ?? '') ? lazySource : image.getAttribute('src');
    const source = safeUrl(rawSource ?? lazySource, siteUrl, IMAGE_PROTOCOLS);
    if (!source) {
      tally.warnings.push({
        kind: 'image',
        message: `an image with no usable address was left out (${rawSource ?? 'no src'})`,
      });
      return '';
    }
    let alt = cleanText(image.getAttribute('alt') ?? '');
    const attachmentId = /\bwp-image-(\d+)\b/.exec(image.getAttribute('class') ?? '')?.[1];
    if (!alt && attachmentId) alt = cleanText(media.byId.get(attachmentId)?.alt ?? '');
    if (!alt) tally.imagesWithoutAlt++;
    return `![${escapeMdxText(alt)}](${source})`;
  },
});

/** A link to a safe address; an unsafe or empty one keeps only its text. */
const link: MarkdownRule = ({ siteUrl }) => ({
  filter: (node) => node.nodeName === 'A',
  replacement: (content, node) => {
    const href = safeUrl((node as HTMLElement).getAttribute('href'), siteUrl);
    if (!href || content.trim() === '') return content;
    return `[${content}](${href})`;
  },
});

const strikethrough: MarkdownRule = () => ({
  filter: (node) => ['DEL', 'S', 'STRIKE'].includes(node.nodeName),
  replacement: (content) => (content.trim() === '' ? content : `~~${content}~~`),
});

/** An embedded frame becomes a link to what it showed, named by its title or its host. */
const frame: MarkdownRule = ({ siteUrl, tally }) => ({
  filter: 'iframe',
  replacement: (_content, node) => {
    const frame = node as HTMLElement;
    const source = safeUrl(frame.getAttribute('src'), siteUrl, IMAGE_PROTOCOLS);
    if (!source) {
      countRemoved(tally, 'iframe');
      return '';
    }
    const label = cleanText(frame.getAttribute('title') ?? '') || `Embedded content from ${new URL(source).host}`;
    tally.warnings.push({ kind: 'media', message: `an embedded frame became a link: ${source}` });
    return `\n\n[${escapeMdxText(label)}](${source})\n\n`;
  },
});

/** Audio and video become a link to their first safe file. */
const media: MarkdownRule = ({ siteUrl, tally }) => ({
  filter: ['audio', 'video'],
  replacement: (_content, node) => {
    const element = node as HTMLElement;
    const sources = [
      element.getAttribute('src'),
      ...Array.from(element.getElementsByTagName('source'), (source) => source.getAttribute('src')),
    ];
    const source = sources.map((value) => safeUrl(value, siteUrl, IMAGE_PROTOCOLS)).find(Boolean);
    const label = node.nodeName === 'AUDIO' ? 'Audio' : 'Video';
    if (!source) {
      tally.warnings.push({ kind: 'media', message: `<${label.toLowerCase()}> without a file left out` });
      return '';
    }
    const name = fileName(source);
    return `\n\n[${label}: ${escapeMdxText(name)}](${source})\n\n`;
  },
});

/** `<pre>` without `<code>` (turndown's own rule takes `<pre><code>`): a fenced block of its text. */
const preformatted: MarkdownRule = () => ({
  filter: (node) => node.nodeName === 'PRE' && node.firstElementChild?.nodeName !== 'CODE',
  replacement: (_content, node) => {
    const code = (node.textContent ?? '').replace(/\n$/, '');
    const fence = fenceFor(code);
    return `\n\n${fence}\n${code}\n${fence}\n\n`;
  },
});

// Tables become GitHub-flavoured Markdown tables. Cells and rows are marked while their content is
// converted, and the table puts them together, padding short rows. GFM needs a header row: the
// first row is it, whether or not it was marked as one.

const tableCell: MarkdownRule = () => ({
  filter: ['th', 'td'],
  replacement: (content) => {
    const text = content
      .replace(/\s*\n+\s*/g, ' ')
      .trim()
      .replace(/\|/g, '\\|');
    return `${CELL}${text}`;
  },
});

const tableRow: MarkdownRule = () => ({
  filter: 'tr',
  replacement: (content, node) => {
    const isHeader = node.parentNode?.nodeName === 'THEAD';
    return `${isHeader ? HEADER_ROW : ROW}${content}`;
  },
});

const tableSection: MarkdownRule = () => ({ filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });

const tableCaption: MarkdownRule = () => ({ filter: 'caption', replacement: (content) => `\n\n${content.trim()}\n\n` });

const table: MarkdownRule = () => ({
  filter: 'table',
  replacement: (content) => {
    const caption = content.split(/[\uE001\uE002]/, 1)[0]!.trim();
    const rows = [...content.matchAll(/([\uE001\uE002])([^\uE001\uE002]*)/g)].map((match) => ({
      header: match[1] === HEADER_ROW,
      cells: match[2]!
        .split(CELL)
        .slice(1)
        .map((cell) => cell.trim()),
    }));
    if (rows.length === 0) return caption ? `\n\n${caption}\n\n` : '';
    const width = Math.max(...rows.map((row) => row.cells.length), 1);
    const line = (cells: string[]) =>
      `| ${Array.from({ length: width }, (_, index) => cells[index] || ' ').join(' | ')} |`;
    const [head, ...body] = rows;
    const table = [line(head!.cells), line(Array(width).fill('---')), ...body.map((row) => line(row.cells))];
    return `\n\n${caption ? `${caption}\n\n` : ''}${table.join('\n')}\n\n`;
  },
});

/**
 * The rules by name, in the order they are added. Turndown tries the rule added last first, so where
 * two filters match the same node, the later one here wins.
 */
export const MARKDOWN_RULES: Readonly<Record<string, MarkdownRule>> = {
  dropped,
  heading,
  image,
  link,
  strikethrough,
  frame,
  media,
  preformatted,
  tableCell,
  tableRow,
  tableSection,
  tableCaption,
  table,
};
