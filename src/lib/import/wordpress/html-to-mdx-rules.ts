/**
 * The turndown rules that turn a WordPress post's HTML into MDX-safe Markdown, one named rule each, and
 * the escaping and address checks they share. `htmlToMarkdown` (html-to-mdx.ts) adds them to turndown.
 */
import { htmlToText } from '@/lib/import/wordpress/text';
import TurndownService from 'turndown';

import type { BlockTally } from '@/lib/import/wordpress/blocks';
import { fileName, type ShortcodeContext } from '@/lib/import/wordpress/shortcodes';
import { cleanText, CONTROL_CHARACTERS } from '@/lib/import/wordpress/text';
import type { ConversionWarning } from '@/lib/import/wordpress/warnings';

/** What the rules count and report while one body is converted. */
export interface ConversionTally {
  warnings: ConversionWarning[];
  /** Elements removed from the body, by tag name. */
  removed: Map<string, number>;
  imagesWithoutAlt: number;
  /** The post's blocks, and those that lost something. */
  blocks: BlockTally;
}

/** The post's footnotes (block editor, WordPress 6.3+) and the numbers given to those the text cites. */
export interface FootnoteNumbering {
  /** Footnote text as HTML, by the id that `<sup data-fn="…">` names. */
  texts: ReadonlyMap<string, string>;
  /** Numbers by id, in the order the text first cites them. */
  numbers: Map<string, number>;
}

/** What a rule needs besides the node it converts. */
export interface RuleContext {
  /** The blog's address: root-relative links and images are resolved against it. */
  siteUrl: string;
  /** The export's media, for the alternative text of an attachment image. */
  media: ShortcodeContext['media'];
  /** Added to every heading level, so that the post's highest heading becomes h2. */
  headingShift: number;
  footnotes: FootnoteNumbering;
  tally: ConversionTally;
  /**
   * Where a link to one of the blog's own posts leads now (`../leg-cramps/#comment-3`, relative to an
   * article's page), or undefined for any other address.
   */
  newAddressOf?: (href: string) => string | undefined;
}

export type MarkdownRule = (context: RuleContext) => TurndownService.Rule;

/**
 * Private-use characters that mark table cells and rows while the table is being assembled, and
 * labels (captions, citations, summaries) while the element they label is; text never holds them.
 */
const CELL = '\uE000';
const HEADER_ROW = '\uE001';
const ROW = '\uE002';
const FOOTER_ROW = '\uE003';
const HEADER_CELL = '\uE004';
const LABEL_START = '\uE005';
const LABEL_END = '\uE006';
/** Around a cell's spans, `\uE007<colspan>,<rowspan>\uE008`, written only when one is over 1. */
const SPAN_START = '\uE007';
const SPAN_END = '\uE008';
export const CONVERSION_MARKERS = /[\uE000-\uE00F]/g;

/** Text on one line, marked as the label of the element around it (see {@link takeLabels}). */
export const markLabel = (content: string) => `${LABEL_START}${oneLine(content)}${LABEL_END}`;

/** The labels marked in an element's content, and the content without them. */
export function takeLabels(content: string): { labels: string[]; rest: string } {
  const labels: string[] = [];
  const rest = content.replace(/\uE005([^\uE005\uE006]*)\uE006/g, (_match, label: string) => {
    if (label !== '') labels.push(label);
    return '';
  });
  return { labels, rest };
}

/** Converted inline content on one line: line breaks become spaces. */
export const oneLine = (content: string) => content.replace(/\s*\n\s*/g, ' ').trim();

/** Whether an element's class list holds a class matching the pattern (anchored to a whole class name). */
export function hasClass(node: Node, pattern: RegExp | string): boolean {
  const classes = ((node as HTMLElement).getAttribute?.('class') ?? '').split(/\s+/);
  return classes.some((name) => (typeof pattern === 'string' ? name === pattern : pattern.test(name)));
}

/** The nearest ancestor (not the node itself) with a class matching the pattern. */
export function ancestorWithClass(node: Node, pattern: RegExp | string): HTMLElement | undefined {
  for (let parent = node.parentNode; parent; parent = parent.parentNode) {
    if (parent.nodeType === 1 && hasClass(parent, pattern)) return parent as HTMLElement;
  }
  return undefined;
}

/**
 * Markup written into the MDX as JSX: only these fixed tags and attributes are ever written, and
 * what goes between them is converted, escaped text. On a line of its own with blank lines around
 * its content, MDX reads that content as Markdown.
 */
export const captionedFigure = (body: string, caption: string, className?: string) =>
  `\n\n<figure${className ? ` class="${className}"` : ''}>\n\n${body.trim()}\n\n${
    caption ? `<figcaption>${caption}</figcaption>\n` : ''
  }</figure>\n\n`;

/**
 * Escapes one text node for Markdown (turndown's own rules) and for MDX: braces, `<`, character
 * references, strikethrough tildes, and a leading `import`/`export` (written as a character
 * reference so MDX sees text, not a module statement).
 */
export function escapeMdxText(text: string): string {
  return TurndownService.prototype
    .escape(text.replace(CONTROL_CHARACTERS, '').replace(CONVERSION_MARKERS, ''))
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

/** Tags that end a paragraph of text, for {@link plainParagraphs}. */
const PARAGRAPH_END =
  /<\/(?:p|div|li|h[1-6]|figure|figcaption|blockquote|pre|tr|td|th|details|summary|dd|dt)>|<br\s*\/?>/i;

/**
 * A body's words as plain Markdown paragraphs, every character escaped: what is written when the
 * converted Markdown would not compile, so that no post can stop a build.
 */
export function plainParagraphs(html: string): string {
  const paragraphs = html
    .split(PARAGRAPH_END)
    .map((part) => htmlToText(part))
    .filter((text) => text !== '')
    .map((text) => escapeMdxText(text));
  return paragraphs.length === 0 ? '' : `${paragraphs.join('\n\n')}\n`;
}

/** A link to a safe address; an unsafe or empty one keeps only its text. */
const link: MarkdownRule = ({ siteUrl, newAddressOf }) => ({
  filter: (node) => node.nodeName === 'A',
  replacement: (content, node) => {
    const href = safeUrl((node as HTMLElement).getAttribute('href'), siteUrl);
    if (!href || content.trim() === '') return content;
    const target = newAddressOf?.(href) ?? href;
    // A link around blocks (HTML allows a figure or paragraphs inside <a>) cannot be a Markdown link, which
    // holds one line of text: the blocks stay, and the link follows them on a line of its own.
    // Trimmed: spaces before the first block would shift it off a list item's indentation.
    if (content.includes('\n')) return `\n\n${content.trim()}\n\n[${escapeMdxText(href)}](${target})\n\n`;
    return `[${content}](${target})`;
  },
});

/**
 * A list item as turndown writes one, without the spaces that an inline element around blocks (a link
 * around a figure whose text starts with a no-break space) leaves before its first line: they would move
 * the item's first block off the indentation of the rest, and the MDX would not compile.
 */
const listItem: MarkdownRule = () => ({
  filter: 'li',
  replacement: (content, node, options) => {
    let prefix = `${options.bulletListMarker}   `;
    const parent = node.parentNode as HTMLElement | null;
    if (parent?.nodeName === 'OL') {
      const start = parent.getAttribute('start');
      const index = Array.prototype.indexOf.call(parent.children, node);
      prefix = `${start ? Number(start) + index : index + 1}.  `;
    }
    const isParagraph = /\n$/.test(content);
    const body = `${content.replace(/^\s+|\n+$/g, '')}${isParagraph ? '\n' : ''}`;
    return `${prefix}${body.replace(/\n/gm, `\n${' '.repeat(prefix.length)}`)}${node.nextSibling ? '\n' : ''}`;
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
    const block = ancestorWithClass(node, /^wp-block-(video|audio|media-text|cover)$/);
    if (block) {
      const blockClass = (block.getAttribute('class') ?? '').match(/\bwp-block-(video|audio|media-text|cover)\b/)![1]!;
      tally.blocks.degrade(`core/${blockClass}`, `its ${label.toLowerCase()} is a link to the file, not a player`);
    }
    return `\n\n[${label}: ${escapeMdxText(name)}](${source})\n\n`;
  },
});

/** The text of preformatted content, a `<br>` (as the block editor saves a line break) read as one. */
function preformattedText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    // A marker in the text could pass for a caption's or citation's (see takeLabels): never kept.
    if (child.nodeType === 3) text += (child.nodeValue ?? '').replace(CONVERSION_MARKERS, '');
    else if (child.nodeName === 'BR') text += '\n';
    else if (child.nodeType === 1) text += preformattedText(child);
  }
  return text;
}

const fencedBlock = (text: string, language = '') => {
  const code = text.replace(/\n$/, '');
  const fence = fenceFor(code);
  return `\n\n${fence}${language}\n${code}\n${fence}\n\n`;
};

/** `<pre>` without `<code>` (a preformatted block): a fenced block of its text, line breaks kept. */
const preformatted: MarkdownRule = () => ({
  filter: (node) => node.nodeName === 'PRE' && node.firstElementChild?.nodeName !== 'CODE',
  replacement: (_content, node) => fencedBlock(preformattedText(node)),
});

/** `<pre><code>` (a code block): a fenced block of its code, line breaks kept, with its `language-…`. */
const codeBlock: MarkdownRule = () => ({
  filter: (node) => node.nodeName === 'PRE' && node.firstElementChild?.nodeName === 'CODE',
  replacement: (_content, node) => {
    const code = node.firstElementChild!;
    const language = /(?:^|\s)language-([\w+#-]+)/.exec(code.getAttribute('class') ?? '')?.[1] ?? '';
    return fencedBlock(preformattedText(code), language);
  },
});

/**
 * A quotation. A `<cite>` in it (the block editor's citation) is not part of what was said: it
 * becomes the attribution line of a figure around the quotation.
 */
const quotation: MarkdownRule = () => ({
  filter: 'blockquote',
  replacement: (content) => {
    const { labels, rest } = takeLabels(content);
    const quote = rest.replace(/^\n+|\n+$/g, '').replace(/^/gm, '> ');
    const citation = labels.join(' ');
    if (!citation) return `\n\n${quote}\n\n`;
    return captionedFigure(quote, /^[—–-]/.test(citation) ? citation : `— ${citation}`);
  },
});

/**
 * A quotation's source: a `<cite>` in the quotation itself (the block editor's), or alone in its last
 * paragraph (a classic post's, given its paragraph by wpautop). A `<cite>` among other words names a work.
 */
function isAttribution(node: Node): boolean {
  const parent = node.parentNode;
  if (parent?.nodeName === 'BLOCKQUOTE') return true;
  return (
    parent?.nodeName === 'P' &&
    parent.parentNode?.nodeName === 'BLOCKQUOTE' &&
    (parent.parentNode as HTMLElement).lastElementChild === parent &&
    (parent.textContent ?? '').trim() === (node.textContent ?? '').trim()
  );
}

const citation: MarkdownRule = () => ({
  filter: (node) => node.nodeName === 'CITE' && isAttribution(node),
  replacement: markLabel,
});

/** A figure with a caption keeps it as its `<figcaption>`; so does an image in a gallery without one. */
const captioned: MarkdownRule = () => ({
  filter: (node) =>
    node.nodeName === 'FIGURE' &&
    (Array.from(node.childNodes).some((child) => child.nodeName === 'FIGCAPTION') ||
      ancestorWithClass(node, 'wp-block-gallery') !== undefined),
  replacement: (content) => {
    const { labels, rest } = takeLabels(content);
    if (rest.trim() === '' && labels.length === 0) return '';
    return captionedFigure(rest, labels.join(' '));
  },
});

const figureCaption: MarkdownRule = () => ({
  filter: (node) => node.nodeName === 'FIGCAPTION' && node.parentNode?.nodeName === 'FIGURE',
  replacement: markLabel,
});

/** A fold: `<details>` with its `<summary>`, the content read as Markdown. */
const fold: MarkdownRule = () => ({
  filter: 'details',
  replacement: (content, node) => {
    const { labels, rest } = takeLabels(content);
    const open = (node as HTMLElement).hasAttribute('open') ? ' open' : '';
    const summary = labels.length > 0 ? `<summary>${labels.join(' ')}</summary>\n` : '';
    return `\n\n<details${open}>\n${summary}\n${rest.trim()}\n\n</details>\n\n`;
  },
});

const foldSummary: MarkdownRule = () => ({
  filter: (node) => node.nodeName === 'SUMMARY' && node.parentNode?.nodeName === 'DETAILS',
  replacement: markLabel,
});

// Tables: cells and rows are marked while their content is converted, and the table puts them
// together. A table whose only header row is its first becomes a GitHub-flavoured Markdown table;
// any other (no header row, a footer, header cells in the body) is written as an HTML table, so that
// no data row is made a header and the footer stays a footer. A caption becomes a figure's caption.

/** A cell's colspan or rowspan as written, if it is a whole number from 2 to 1000; else 1. */
function span(node: Node, attribute: 'colspan' | 'rowspan'): number {
  const value = Number(((node as HTMLElement).getAttribute(attribute) ?? '').trim());
  return Number.isInteger(value) && value >= 2 && value <= 1000 ? value : 1;
}

const tableCell: MarkdownRule = () => ({
  filter: ['th', 'td'],
  replacement: (content, node) => {
    const [columns, rows] = [span(node, 'colspan'), span(node, 'rowspan')];
    const spans = columns > 1 || rows > 1 ? `${SPAN_START}${columns},${rows}${SPAN_END}` : '';
    return `${node.nodeName === 'TH' ? HEADER_CELL : CELL}${spans}${oneLine(content)}`;
  },
});

const tableRow: MarkdownRule = () => ({
  filter: 'tr',
  replacement: (content, node) => {
    const section = node.parentNode?.nodeName;
    return `${section === 'THEAD' ? HEADER_ROW : section === 'TFOOT' ? FOOTER_ROW : ROW}${content}`;
  },
});

const tableSection: MarkdownRule = () => ({ filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });

const tableCaption: MarkdownRule = () => ({ filter: 'caption', replacement: markLabel });

interface TableRow {
  section: 'head' | 'body' | 'foot';
  cells: { header: boolean; text: string; columns: number; rows: number }[];
}

function tableRows(content: string): TableRow[] {
  return [...content.matchAll(/([\uE001-\uE003])([^\uE001-\uE003]*)/g)].map((match) => ({
    section: match[1] === HEADER_ROW ? 'head' : match[1] === FOOTER_ROW ? 'foot' : 'body',
    cells: [...match[2]!.matchAll(/([\uE000\uE004])(?:\uE007(\d+),(\d+)\uE008)?([^\uE000\uE004]*)/g)].map((cell) => ({
      header: cell[1] === HEADER_CELL,
      text: cell[4]!.trim(),
      columns: Number(cell[2] ?? 1),
      rows: Number(cell[3] ?? 1),
    })),
  }));
}

function markdownTable(rows: TableRow[]): string {
  const width = Math.max(...rows.map((row) => row.cells.length), 1);
  const line = (cells: string[]) =>
    `| ${Array.from({ length: width }, (_, index) => cells[index] || ' ').join(' | ')} |`;
  const [head, ...body] = rows.map((row) => row.cells.map((cell) => cell.text.replace(/\|/g, '\\|')));
  return [line(head!), line(Array(width).fill('---')), ...body.map(line)].join('\n');
}

function htmlTable(rows: TableRow[]): string {
  const section = (tag: string, part: TableRow['section']) => {
    const lines = rows
      .filter((row) => row.section === part)
      .map((row) => {
        const cells = row.cells.map(({ header, text, columns, rows }) => {
          const tag = header ? 'th' : 'td';
          const spans = `${columns > 1 ? ` colspan="${columns}"` : ''}${rows > 1 ? ` rowspan="${rows}"` : ''}`;
          return `<${tag}${spans}>${text}</${tag}>`;
        });
        return `<tr>${cells.join('')}</tr>`;
      });
    return lines.length > 0 ? [`<${tag}>`, ...lines, `</${tag}>`] : [];
  };
  return [
    '<table>',
    ...section('thead', 'head'),
    ...section('tbody', 'body'),
    ...section('tfoot', 'foot'),
    '</table>',
  ].join('\n');
}

const table: MarkdownRule = () => ({
  filter: 'table',
  replacement: (content) => {
    const { labels, rest } = takeLabels(content);
    const caption = labels.join(' ');
    const rows = tableRows(rest);
    if (rows.length === 0) return caption ? `\n\n${caption}\n\n` : '';
    // A classic table often marks its header row with <th> cells alone, without <thead>.
    if (
      !rows.some((row) => row.section === 'head') &&
      rows[0]!.cells.length > 0 &&
      rows[0]!.cells.every((cell) => cell.header)
    ) {
      rows[0]!.section = 'head';
    }
    const onlyFirstRowIsHeader =
      rows[0]!.section === 'head' &&
      rows.slice(1).every((row) => row.section === 'body' && row.cells.every((cell) => !cell.header));
    // Markdown has no merged cells: a table with any keeps them as HTML.
    const merged = rows.some((row) => row.cells.some((cell) => cell.columns > 1 || cell.rows > 1));
    const written = onlyFirstRowIsHeader && !merged ? markdownTable(rows) : htmlTable(rows);
    return caption ? captionedFigure(written, caption) : `\n\n${written}\n\n`;
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
  listItem,
  strikethrough,
  frame,
  media,
  preformatted,
  codeBlock,
  quotation,
  citation,
  captioned,
  figureCaption,
  fold,
  foldSummary,
  tableCell,
  tableRow,
  tableSection,
  tableCaption,
  table,
};
