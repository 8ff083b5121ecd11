/**
 * WordPress post HTML → Markdown that MDX compiles to exactly the words that were written.
 *
 * MDX reads `{…}` as JavaScript, `<…>` as JSX and a line starting `import`/`export` as a module
 * statement, so a post that mentions any of them would break the build or run code in it. Every
 * text node is escaped for Markdown and for MDX, and no raw HTML is written at all: the elements
 * Markdown has no syntax for keep their text, and scripts, forms and embedded objects are removed.
 */
import TurndownService from 'turndown';

import { escapeHtml } from '@/lib/html-text';

import { flattenDeepNesting, MAX_ELEMENT_NESTING } from './nesting';
import { expandShortcodes, fileName, type ShortcodeContext } from './shortcodes';
import { cleanText, CONTROL_CHARACTERS } from './text';
import type { ConversionWarning } from './warnings';
import { wpautop } from './wpautop';

export interface BodyContext extends ShortcodeContext {
  /** The blog's address: root-relative links and images are resolved against it. */
  siteUrl: string;
  /** Reusable blocks (`wp_block` items) by id, for `<!-- wp:block {"ref":…} /-->`. */
  reusableBlocks: ReadonlyMap<string, string>;
}

export interface ConvertedBody {
  /** The body as WordPress would show it, as HTML (for descriptions). */
  html: string;
  /** The body as MDX-safe Markdown, ending in a newline; empty for an empty post. */
  markdown: string;
  warnings: ConversionWarning[];
}

/** Converts a post's stored content to MDX-safe Markdown. */
export function convertPostBody(content: string, context: BodyContext): ConvertedBody {
  const prepared = prepareHtml(content, context);
  const bounded = flattenDeepNesting(prepared.html);
  if (bounded.flattened) {
    prepared.warnings.push({
      kind: 'nesting',
      message: `elements nested ${bounded.deepest} deep; those below level ${MAX_ELEMENT_NESTING} were flattened, their text kept`,
    });
  }
  const converted = htmlToMarkdown(bounded.html, context);
  return { html: bounded.html, markdown: converted.markdown, warnings: [...prepared.warnings, ...converted.warnings] };
}

/** A self-closing block comment: a block with no HTML of its own in the export. */
const SELF_CLOSING_BLOCK = /<!--\s+wp:([a-z][a-z0-9_-]*(?:\/[a-z][a-z0-9_-]*)?)\s+(\{[\s\S]*?\}\s+)?\/-->/g;

/** Blocks whose HTML is stored in the post: self-closing, they are simply empty, and nothing is lost. */
const STATIC_BLOCKS = new Set([
  'paragraph',
  'heading',
  'list',
  'list-item',
  'quote',
  'pullquote',
  'image',
  'gallery',
  'group',
  'row',
  'stack',
  'column',
  'columns',
  'spacer',
  'separator',
  'buttons',
  'button',
  'shortcode',
  'html',
  'code',
  'preformatted',
  'verse',
  'table',
  'media-text',
  'cover',
  'more',
  'nextpage',
  'freeform',
]);

/**
 * The HTML WordPress would show for a stored post body: reusable blocks filled in, block-editor
 * comments and `<!--more-->` removed, shortcodes expanded, and classic posts given their paragraphs.
 */
export function prepareHtml(content: string, context: BodyContext): { html: string; warnings: ConversionWarning[] } {
  const warnings: ConversionWarning[] = [];
  let html = content.replace(/\r\n?/g, '\n');

  // A reusable block is stored once and referenced; fill in its content (one level deep, as stored).
  html = html.replace(/<!--\s+wp:block\s+(\{[^}]*\})\s*\/-->/g, (_comment, attributes: string) => {
    const ref = /"ref"\s*:\s*(\d+)/.exec(attributes)?.[1];
    const block = ref === undefined ? undefined : context.reusableBlocks.get(ref);
    if (block === undefined) {
      warnings.push({ kind: 'dynamic-block', message: `reusable block ${ref ?? '?'} is not in the export; left out` });
      return '';
    }
    return block.replace(/<!--\s+wp:block\s+\{[^}]*\}\s*\/-->/g, '');
  });

  const isBlockEditorPost = /<!--\s+\/?wp:/.test(html);
  const dynamicBlocks = new Set<string>();
  // Any other self-closing block is built by WordPress when the page is shown (latest posts, archives,
  // search…): the export has nothing of it to carry over.
  for (const [, name] of html.matchAll(SELF_CLOSING_BLOCK)) {
    if (!STATIC_BLOCKS.has(name!.replace(/^core\//, ''))) dynamicBlocks.add(name!);
  }
  if (dynamicBlocks.size > 0) {
    warnings.push({
      kind: 'dynamic-block',
      message: `left out ${[...dynamicBlocks].map((name) => `wp:${name}`).join(', ')}`,
    });
  }

  html = html.replace(/<!--[\s\S]*?-->/g, '');
  const expanded = expandShortcodes(html, context);
  warnings.push(...expanded.warnings);
  html = expanded.html;

  if (isBlockEditorPost) {
    // An embed block keeps its address alone in a wrapper; WordPress shows the embed, we link to it.
    html = html.replace(
      /(<div[^>]*wp-block-embed__wrapper[^>]*>)\s*(https?:\/\/[^\s<"]+)\s*(<\/div>)/g,
      (_match, open: string, url: string, close: string) => `${open}<a href="${url}">${url}</a>${close}`,
    );
  } else {
    // On a line of its own, an address is an oEmbed: WordPress shows the video or post, we link to it.
    html = html.replace(
      /^[ \t]*(https?:\/\/[^\s<>"]+)[ \t]*$/gm,
      (_match, url: string) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`,
    );
    html = wpautop(html);
  }
  return { html, warnings };
}

/** Private-use characters that mark table cells and rows while the table is being assembled. */
const CELL = '\uE000';
const HEADER_ROW = '\uE001';
const ROW = '\uE002';
const MARKERS = /[\uE000-\uE002]/g;

/**
 * Escapes one text node for Markdown (turndown's own rules) and for MDX: braces, `<`, character
 * references, strikethrough tildes, and a leading `import`/`export` (written as a character
 * reference so MDX sees text, not a module statement).
 */
export function escapeMdxText(text: string): string {
  return TurndownService.prototype
    .escape(text.replace(CONTROL_CHARACTERS, '').replace(MARKERS, ''))
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
const DROPPED_SILENTLY = ['style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'base'] as const;
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

const fenceFor = (code: string) => {
  const longest = Math.max(2, ...[...code.matchAll(/`+/g)].map((match) => match[0].length));
  return '`'.repeat(longest + 1);
};

/** Converts prepared HTML to MDX-safe Markdown with turndown. */
export function htmlToMarkdown(
  html: string,
  context: BodyContext,
): { markdown: string; warnings: ConversionWarning[] } {
  const warnings: ConversionWarning[] = [];
  const removed = new Map<string, number>();
  let imagesWithoutAlt = 0;

  // The page's title is its only h1: the post's own headings start at h2, keeping their order.
  const levels = [...html.matchAll(/<h([1-6])\b/gi)].map((match) => Number(match[1]));
  const headingShift = levels.length > 0 ? 2 - Math.min(...levels) : 0;

  const service = new TurndownService({
    headingStyle: 'atx',
    hr: '---',
    bulletListMarker: '-',
    codeBlockStyle: 'fenced',
    emDelimiter: '_',
    strongDelimiter: '**',
  });
  service.escape = escapeMdxText;

  service.remove([...DROPPED_SILENTLY]);
  service.addRule('dropped', {
    filter: (node) => DROPPED_WITH_WARNING.has(node.nodeName.toLowerCase()),
    replacement: (_content, node) => {
      const name = node.nodeName.toLowerCase();
      removed.set(name, (removed.get(name) ?? 0) + 1);
      return '';
    },
  });

  service.addRule('heading', {
    filter: ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'],
    replacement: (content, node) => {
      const text = content.replace(/\s*\n\s*/g, ' ').trim();
      if (text === '') return '';
      const level = Math.min(6, Math.max(2, Number(node.nodeName.charAt(1)) + headingShift));
      return `\n\n${'#'.repeat(level)} ${text}\n\n`;
    },
  });

  service.addRule('image', {
    filter: 'img',
    replacement: (_content, node) => {
      const image = node as HTMLElement;
      const lazySource = image.getAttribute('data-src') ?? image.getAttribute('data-lazy-src');
      const rawSource = /^data:/i.test(image.getAttribute('src') ?? '') ? lazySource : image.getAttribute('src');
      const source = safeUrl(rawSource ?? lazySource, context.siteUrl, IMAGE_PROTOCOLS);
      if (!source) {
        warnings.push({
          kind: 'image',
          message: `an image with no usable address was left out (${rawSource ?? 'no src'})`,
        });
        return '';
      }
      let alt = cleanText(image.getAttribute('alt') ?? '');
      const attachmentId = /\bwp-image-(\d+)\b/.exec(image.getAttribute('class') ?? '')?.[1];
      if (!alt && attachmentId) alt = cleanText(context.media.byId.get(attachmentId)?.alt ?? '');
      if (!alt) imagesWithoutAlt++;
      return `![${escapeMdxText(alt)}](${source})`;
    },
  });

  service.addRule('link', {
    filter: (node) => node.nodeName === 'A',
    replacement: (content, node) => {
      const href = safeUrl((node as HTMLElement).getAttribute('href'), context.siteUrl);
      if (!href || content.trim() === '') return content;
      return `[${content}](${href})`;
    },
  });

  service.addRule('strikethrough', {
    filter: (node) => ['DEL', 'S', 'STRIKE'].includes(node.nodeName),
    replacement: (content) => (content.trim() === '' ? content : `~~${content}~~`),
  });

  service.addRule('frame', {
    filter: 'iframe',
    replacement: (_content, node) => {
      const frame = node as HTMLElement;
      const source = safeUrl(frame.getAttribute('src'), context.siteUrl, IMAGE_PROTOCOLS);
      if (!source) {
        removed.set('iframe', (removed.get('iframe') ?? 0) + 1);
        return '';
      }
      const label = cleanText(frame.getAttribute('title') ?? '') || `Embedded content from ${new URL(source).host}`;
      warnings.push({ kind: 'media', message: `an embedded frame became a link: ${source}` });
      return `\n\n[${escapeMdxText(label)}](${source})\n\n`;
    },
  });

  service.addRule('media', {
    filter: ['audio', 'video'],
    replacement: (_content, node) => {
      const element = node as HTMLElement;
      const sources = [
        element.getAttribute('src'),
        ...Array.from(element.getElementsByTagName('source'), (source) => source.getAttribute('src')),
      ];
      const source = sources.map((value) => safeUrl(value, context.siteUrl, IMAGE_PROTOCOLS)).find(Boolean);
      const label = node.nodeName === 'AUDIO' ? 'Audio' : 'Video';
      if (!source) {
        warnings.push({ kind: 'media', message: `<${label.toLowerCase()}> without a file left out` });
        return '';
      }
      const name = fileName(source);
      return `\n\n[${label}: ${escapeMdxText(name)}](${source})\n\n`;
    },
  });

  service.addRule('preformatted', {
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
  service.addRule('tableCell', {
    filter: ['th', 'td'],
    replacement: (content) => {
      const text = content
        .replace(/\s*\n+\s*/g, ' ')
        .trim()
        .replace(/\|/g, '\\|');
      return `${CELL}${text}`;
    },
  });
  service.addRule('tableRow', {
    filter: 'tr',
    replacement: (content, node) => {
      const isHeader = node.parentNode?.nodeName === 'THEAD';
      return `${isHeader ? HEADER_ROW : ROW}${content}`;
    },
  });
  service.addRule('tableSection', { filter: ['thead', 'tbody', 'tfoot'], replacement: (content) => content });
  service.addRule('tableCaption', { filter: 'caption', replacement: (content) => `\n\n${content.trim()}\n\n` });
  service.addRule('table', {
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

  let markdown = service.turndown(html);
  markdown = markdown
    .replace(MARKERS, '')
    .replace(/^[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();

  if (imagesWithoutAlt > 0) {
    warnings.push({
      kind: 'alt-text',
      message: `${imagesWithoutAlt} image${imagesWithoutAlt === 1 ? ' has' : 's have'} no alternative text`,
    });
  }
  for (const [name, count] of removed) {
    warnings.push({ kind: 'removed', message: `removed ${count} <${name}> element${count === 1 ? '' : 's'}` });
  }
  return { markdown: markdown === '' ? '' : `${markdown}\n`, warnings };
}
