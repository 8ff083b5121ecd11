/**
 * WordPress shortcodes: `[caption]`, `[gallery]`, `[audio]`, `[video]` and `[embed]` become the HTML
 * WordPress would have shown; any other shortcode belongs to a theme or plugin that the static site
 * does not have, so it stays in the text where readers can see it, and is reported.
 */
import { escapeHtml } from '@/lib/html-text';

import { embedMarkup } from '@/lib/import/wordpress/blocks';
import type { ConversionWarning } from '@/lib/import/wordpress/warnings';

/** An uploaded file from the export's attachments. */
export interface MediaFile {
  id: string;
  url: string;
  /** Alternative text set in the media library; empty when none. */
  alt: string;
  /** The post it was uploaded to; galleries without ids show these. */
  parentId: string;
  menuOrder: number;
  /** The attachment's own page on the WordPress site (`…/post/photo/`), which posts may link to. */
  page?: string;
}

/** The export's media library, by id and by the post each file belongs to. */
export interface MediaLibrary {
  byId: ReadonlyMap<string, MediaFile>;
  byParent: ReadonlyMap<string, readonly MediaFile[]>;
}

export interface ShortcodeContext {
  /** Id of the post being converted. */
  postId: string;
  media: MediaLibrary;
}

/**
 * An opening shortcode tag, as WordPress's `get_shortcode_regex()` reads one: `[name attrs]`, `[name/]`,
 * `[[escaped]]`.
 */
const SHORTCODE_TAG = /\[(\[?)([A-Za-z][\w-]*)(?![\w-])([^\]/]*(?:\/(?!\])[^\]/]*)*?)(\/)?\](\]?)/g;

/** Shortcodes whose content sits between an opening and a closing tag. */
const ENCLOSING = new Set(['caption', 'wp_caption', 'embed', 'audio', 'video']);

const AUDIO_EXTENSIONS = ['mp3', 'ogg', 'oga', 'm4a', 'wav', 'wma', 'flac'];
const VIDEO_EXTENSIONS = ['mp4', 'm4v', 'webm', 'ogv', 'wmv', 'flv', 'mov'];

/** Attributes by name; positional ones (`[audio https://…]`) by their index as a string. */
type Attributes = Record<string, string>;

/** WordPress's `shortcode_parse_atts()`. */
export function parseShortcodeAttributes(text: string): Attributes {
  const attributes: Attributes = {};
  const pattern =
    /([\w-]+)\s*=\s*"([^"]*)"(?:\s|$)|([\w-]+)\s*=\s*'([^']*)'(?:\s|$)|([\w-]+)\s*=\s*([^\s'"]+)(?:\s|$)|"([^"]*)"(?:\s|$)|'([^']*)'(?:\s|$)|(\S+)(?:\s|$)/g;
  let position = 0;
  for (const match of text.replace(/[\u00a0\u200b]/g, ' ').matchAll(pattern)) {
    const [, name1, value1, name2, value2, name3, value3, quoted1, quoted2, bare] = match;
    if (name1 !== undefined) attributes[name1.toLowerCase()] = value1 ?? '';
    else if (name2 !== undefined) attributes[name2.toLowerCase()] = value2 ?? '';
    else if (name3 !== undefined) attributes[name3.toLowerCase()] = value3 ?? '';
    else attributes[String(position++)] = quoted1 ?? quoted2 ?? bare ?? '';
  }
  return attributes;
}

/** The last part of a file's address, percent-encoding decoded where it is valid. */
export const fileName = (url: string) => decodeURIComponentSafe(url.split(/[?#]/)[0]!.split('/').pop() || url);

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

const imageTag = (file: MediaFile) => `<img src="${escapeHtml(file.url)}" alt="${escapeHtml(file.alt)}">`;

/**
 * Replaces the shortcodes WordPress itself provides with their HTML and leaves every other one as text.
 * @returns the HTML and a warning for each shortcode that could not be carried over
 */
export function expandShortcodes(
  html: string,
  context: ShortcodeContext,
): { html: string; warnings: ConversionWarning[] } {
  const warnings: ConversionWarning[] = [];
  const unknown = new Set<string>();
  let output = '';
  let position = 0;
  SHORTCODE_TAG.lastIndex = 0;
  for (let match = SHORTCODE_TAG.exec(html); match; match = SHORTCODE_TAG.exec(html)) {
    const [tag, openEscape, rawName, rawAttributes = '', selfClosing, closeEscape] = match;
    const name = rawName!.toLowerCase();
    output += html.slice(position, match.index);
    position = match.index + tag.length;

    if (openEscape && closeEscape) {
      // `[[gallery]]` is how WordPress writers show a shortcode without running it.
      output += tag.slice(1, -1);
      continue;
    }
    if (!RENDERERS[name]) {
      if (!/^\d+$/.test(rawName!)) unknown.add(rawName!);
      output += tag;
      continue;
    }
    let content = '';
    if (!selfClosing && ENCLOSING.has(name)) {
      const closing = html.toLowerCase().indexOf(`[/${name}]`, position);
      if (closing !== -1) {
        content = html.slice(position, closing);
        position = closing + name.length + 3;
        SHORTCODE_TAG.lastIndex = position;
      }
    }
    output += RENDERERS[name]({ attributes: parseShortcodeAttributes(rawAttributes), content, context, warnings });
  }
  output += html.slice(position);
  for (const name of unknown) {
    warnings.push({ kind: 'shortcode', message: `[${name}] is not a WordPress shortcode; kept as text` });
  }
  return { html: output, warnings };
}

interface RenderInput {
  attributes: Attributes;
  content: string;
  context: ShortcodeContext;
  warnings: ConversionWarning[];
}

const RENDERERS: Record<string, ((input: RenderInput) => string) | undefined> = {
  caption: renderCaption,
  wp_caption: renderCaption,
  gallery: renderGallery,
  audio: (input) => renderMedia('Audio', AUDIO_EXTENSIONS, input),
  video: (input) => renderMedia('Video', VIDEO_EXTENSIONS, input),
  embed: ({ content, warnings }) => {
    const url = content.trim();
    if (!/^https?:\/\//i.test(url)) {
      warnings.push({ kind: 'media', message: '[embed] without an address left out' });
      return '';
    }
    return embedMarkup(url) ?? `<p><a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
  },
};

/** `[caption]<img …> Words[/caption]`: the image with its caption beneath, as a figure. */
function renderCaption({ attributes, content }: RenderInput): string {
  const match = /^\s*((?:<a\s[^>]*>\s*)?<img\s[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(content);
  const image = match ? match[1]! : content;
  const caption = (attributes.caption ?? match?.[2] ?? '').trim();
  return caption ? `<figure>${image}<figcaption>${caption}</figcaption></figure>` : `<figure>${image}</figure>`;
}

/** `[gallery ids="1,2"]` shows those files; a bare `[gallery]` shows the files uploaded to the post. */
function renderGallery({ attributes, context, warnings }: RenderInput): string {
  const listed = (attributes.ids ?? attributes.include ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  const excluded = new Set((attributes.exclude ?? '').split(',').map((id) => id.trim()));
  let files: MediaFile[];
  if (listed.length > 0) {
    files = [];
    for (const id of listed) {
      const file = context.media.byId.get(id);
      if (file) files.push(file);
      else warnings.push({ kind: 'image', message: `[gallery] shows attachment ${id}, which is not in the export` });
    }
  } else {
    const parentId = attributes.id ?? context.postId;
    files = [...(context.media.byParent.get(parentId) ?? [])]
      .filter((file) => isImage(file.url) && !excluded.has(file.id))
      .sort((a, b) => a.menuOrder - b.menuOrder || Number(a.id) - Number(b.id));
    if (files.length === 0) {
      warnings.push({ kind: 'image', message: '[gallery] has no images: none attached to the post are in the export' });
    }
  }
  if (files.length === 0) return '';
  return `<figure>${files.map((file) => `<p>${imageTag(file)}</p>`).join('')}</figure>`;
}

const isImage = (url: string) => /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i.test(url);

const hasExtension = (url: string, extensions: readonly string[]) =>
  extensions.some((extension) => new RegExp(`\\.${extension}(?:[?#]|$)`, 'i').test(url));

/**
 * `[audio]` and `[video]` become a link to the file: the static site has no media player of its own,
 * and every browser can play a linked file. Without a source, the post's first attached file of that
 * kind is used, as WordPress does.
 */
function renderMedia(label: string, extensions: readonly string[], input: RenderInput): string {
  const { attributes, content, context, warnings } = input;
  let source = [attributes.src, ...extensions.map((extension) => attributes[extension]), attributes['0']].find(
    (value) => value !== undefined && /^https?:\/\//i.test(value),
  );
  if (!source && /^\s*https?:\/\/\S+\s*$/.test(content)) source = content.trim();
  source ??= context.media.byParent.get(context.postId)?.find((file) => hasExtension(file.url, extensions))?.url;
  if (!source) {
    warnings.push({ kind: 'media', message: `[${label.toLowerCase()}] without a file left out` });
    return '';
  }
  return `<p><a href="${escapeHtml(source)}">${label}: ${escapeHtml(fileName(source))}</a></p>`;
}
