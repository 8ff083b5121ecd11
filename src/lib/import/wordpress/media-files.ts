/**
 * The media files an imported post uses: which addresses are the WordPress site's own uploads, where
 * each is kept in the content folder, what a downloaded file really is, and the Markdown that points at
 * them. Pure functions; `media.ts` downloads.
 */
import { MEDIA_FOLDER } from '@/lib/content-folders';
import { fileName } from '@/lib/import/wordpress/shortcodes';

/** The content folder's media folder: `<content>/media/<yyyy>/<mm>/<name>`, as in `wp-content/uploads/`. */
export { MEDIA_FOLDER };

/** Where the WordPress site keeps its uploads, and which other hosts the owner allowed (`--media-from`). */
export interface MediaSources {
  /** Address prefixes of the site's uploads: `https://blog.example/wp-content/uploads/`. */
  uploadRoots: readonly string[];
  /** Hosts anything may be fetched from, kept under `media/<host>/`. */
  extraHosts: ReadonlySet<string>;
}

const UPLOADS_PATH = '/wp-content/uploads/';

/** The part of an address that names the file: no query, no fragment. */
const withoutQuery = (url: URL) => `${url.origin}${url.pathname}`;

function parseUrl(value: string): URL | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The upload folders of a WordPress site: `wp-content/uploads/` on each of its addresses, and the
 * folder of every attachment in the export (a media library kept on another host, such as a CDN or
 * wordpress.com's `<site>.files.wordpress.com`, is the site's own too).
 */
export function mediaSources(
  siteAddresses: readonly string[],
  attachmentUrls: Iterable<string>,
  extraHosts: readonly string[] = [],
): MediaSources {
  const roots = new Set<string>();
  for (const address of siteAddresses) {
    const url = parseUrl(address);
    if (url) roots.add(`${url.origin}${url.pathname.replace(/\/$/, '')}${UPLOADS_PATH}`);
  }
  for (const address of attachmentUrls) {
    const url = parseUrl(address);
    if (!url) continue;
    const uploads = url.pathname.indexOf(UPLOADS_PATH);
    // Without a `wp-content/uploads/` folder, the library is the root of its own host (`files.wordpress.com`).
    roots.add(`${url.origin}${uploads === -1 ? '/' : url.pathname.slice(0, uploads + UPLOADS_PATH.length)}`);
  }
  return {
    uploadRoots: [...roots].sort((a, b) => b.length - a.length),
    extraHosts: new Set(extraHosts.map((host) => host.toLowerCase())),
  };
}

/** A path segment safe on every file system and in a Markdown destination: ASCII letters, digits, `.`, `_`, `-`. */
function safeSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // kept as written
  }
  const safe = decoded
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+/, '')
    .replace(/-+(?=\.)/g, '');
  return safe === '' ? 'file' : safe;
}

/**
 * Where an address is kept, relative to the media folder: the path below the uploads folder
 * (`2019/05/cramp.jpg`), or `<host>/<path>` for a host the owner allowed.
 * @returns undefined for an address that is not the site's own upload nor from an allowed host
 */
export function mediaPathFor(address: string, sources: MediaSources): string | undefined {
  const url = parseUrl(address);
  if (!url || url.pathname.endsWith('/')) return undefined;
  const plain = withoutQuery(url);
  const root = sources.uploadRoots.find((prefix) => plain.startsWith(prefix));
  let path: string;
  if (root) path = plain.slice(root.length);
  else if (sources.extraHosts.has(url.hostname.toLowerCase())) path = `${url.hostname}${url.pathname}`;
  else return undefined;
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.' && segment !== '..');
  return segments.length === 0 ? undefined : segments.map(safeSegment).join('/');
}

/**
 * The address to download for an image: the original upload when the address is one of the sizes
 * WordPress made of it (`photo-300x200.jpg` for `photo.jpg`) or the original with a resizing query
 * (`photo.jpg?w=300`), since Astro makes its own sizes from the largest.
 */
export function originalUpload(address: string, attachmentUrls: ReadonlySet<string>): string {
  const url = parseUrl(address);
  if (!url) return address;
  const plain = withoutQuery(url);
  if (attachmentUrls.has(plain)) return plain;
  const unsized = plain.replace(/-\d+x\d+(\.[A-Za-z0-9]+)$/, '$1');
  if (unsized !== plain && attachmentUrls.has(unsized)) return unsized;
  return address;
}

/**
 * An address as a key for finding an attachment's page: host, path without its final slash, and query
 * (`?attachment_id=12`); the protocol is left out, as WordPress answers both.
 */
export function pageKey(address: string): string | undefined {
  const url = parseUrl(address);
  return url && `${url.host.toLowerCase()}${url.pathname.replace(/\/+$/, '')}${url.search}`;
}

/** What a file's first bytes say it is. */
export type SniffedType =
  | 'jpeg'
  | 'png'
  | 'gif'
  | 'webp'
  | 'avif'
  | 'tiff'
  | 'svg'
  | 'bmp'
  | 'ico'
  | 'pdf'
  | 'zip'
  | 'ole'
  | 'mp3'
  | 'mp4'
  | 'ogg'
  | 'webm'
  | 'wav'
  | 'flac'
  | 'html'
  | 'unknown';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0) =>
  signature.every((byte, index) => bytes[at + index] === byte);
const ascii = (bytes: Uint8Array, from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));

/** The type of a file from its first bytes (magic numbers), whatever its name or the server said. */
export function sniffFileType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(bytes, 0, 6) === 'GIF87a' || ascii(bytes, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WAVE') return 'wav';
  if (ascii(bytes, 4, 8) === 'ftyp') return /^avi[fs]$/.test(ascii(bytes, 8, 12)) ? 'avif' : 'mp4';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (ascii(bytes, 0, 2) === 'BM') return 'bmp';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0x00])) return 'ico';
  if (ascii(bytes, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (ascii(bytes, 0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0)) return 'mp3';
  if (ascii(bytes, 0, 4) === 'OggS') return 'ogg';
  if (ascii(bytes, 0, 4) === 'fLaC') return 'flac';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return 'webm';
  const text = new TextDecoder('utf-8', { fatal: false })
    .decode(bytes.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<!doctype html|^<html|^<head|^<body/.test(text)) return 'html';
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!doctype svg[^>]*>\s*)?<svg[\s>]/.test(text)) return 'svg';
  return 'unknown';
}

/** Images Astro's image pipeline reads (resized, converted to WebP, given width and height). */
const OPTIMISABLE: ReadonlySet<SniffedType> = new Set(['jpeg', 'png', 'gif', 'webp', 'avif', 'tiff', 'svg']);

/** The types a file with each extension may be; an extension not listed takes anything but an HTML page. */
const TYPES_BY_EXTENSION: Readonly<Record<string, readonly SniffedType[]>> = {
  jpg: ['jpeg', 'png', 'gif', 'webp'],
  jpeg: ['jpeg', 'png', 'gif', 'webp'],
  jpe: ['jpeg'],
  png: ['png', 'jpeg', 'gif', 'webp'],
  gif: ['gif', 'png', 'jpeg', 'webp'],
  webp: ['webp', 'jpeg', 'png'],
  avif: ['avif'],
  tif: ['tiff'],
  tiff: ['tiff'],
  svg: ['svg'],
  bmp: ['bmp'],
  ico: ['ico', 'png'],
  pdf: ['pdf'],
  zip: ['zip'],
  docx: ['zip'],
  xlsx: ['zip'],
  pptx: ['zip'],
  odt: ['zip'],
  ods: ['zip'],
  odp: ['zip'],
  epub: ['zip'],
  doc: ['ole'],
  xls: ['ole'],
  ppt: ['ole'],
  mp3: ['mp3'],
  m4a: ['mp4'],
  mp4: ['mp4'],
  m4v: ['mp4'],
  mov: ['mp4'],
  ogg: ['ogg'],
  oga: ['ogg'],
  ogv: ['ogg'],
  webm: ['webm'],
  wav: ['wav'],
  flac: ['flac'],
};

const extensionOf = (path: string) => /\.([A-Za-z0-9]+)$/.exec(path)?.[1]?.toLowerCase() ?? '';

/**
 * Checks that a downloaded file is what its name says.
 * @returns undefined when it is, else what is wrong, for the report
 */
export function fileTypeProblem(path: string, bytes: Uint8Array): string | undefined {
  const sniffed = sniffFileType(bytes);
  const extension = extensionOf(path);
  const expected = TYPES_BY_EXTENSION[extension];
  if (sniffed === 'html') return `an HTML page, not a${/^[aeiou]/.test(extension) ? 'n' : ''} .${extension} file`;
  if (!expected || expected.includes(sniffed)) return undefined;
  return sniffed === 'unknown'
    ? `not a .${extension} file (its bytes are of no known type)`
    : `a ${sniffed.toUpperCase()} file, not a .${extension} file`;
}

/** Whether Astro optimises an image kept at this path (so a Markdown image may point at it). */
export const isOptimisableImage = (path: string) => {
  const expected = TYPES_BY_EXTENSION[extensionOf(path)];
  return expected !== undefined && OPTIMISABLE.has(expected[0]!);
};

/** How a reference in the Markdown uses a file. */
export type MediaUse = 'image' | 'link';

/**
 * An image `![alt](https://…)` (its alt text is escaped, so it holds no unescaped bracket) or, without
 * the `![alt` part, a link's destination `](https://…)`. One pattern, so an image is never read as a link.
 */
const DESTINATION = /(!\[(?:\\.|[^\\[\]])*)?\]\((https?:\/\/[^\s)]+)\)/g;
/** Fenced code blocks, whose text is shown as written. */
const FENCED_CODE = /^(`{3,}|~{3,})[^\n]*\n[\s\S]*?\n\1[ \t]*$/gm;

/**
 * Rewrites the addresses of images and links in a Markdown body, outside code blocks.
 * @param replace the new destination for an address, or undefined to keep it
 */
export function rewriteMediaReferences(
  markdown: string,
  replace: (address: string, use: MediaUse) => string | undefined,
): string {
  const rewrite = (text: string) =>
    text.replace(DESTINATION, (whole, image: string | undefined, address: string) => {
      const local = replace(address, image === undefined ? 'link' : 'image');
      return local === undefined ? whole : `${image ?? ''}](${local})`;
    });
  let output = '';
  let position = 0;
  for (const match of markdown.matchAll(FENCED_CODE)) {
    output += rewrite(markdown.slice(position, match.index)) + match[0];
    position = match.index + match[0].length;
  }
  return output + rewrite(markdown.slice(position));
}

/** Every image and link address in a Markdown body, outside code blocks, in order. */
export function mediaReferences(markdown: string): { address: string; use: MediaUse }[] {
  const found: { address: string; use: MediaUse }[] = [];
  rewriteMediaReferences(markdown, (address, use) => {
    found.push({ address, use });
    return undefined;
  });
  return found;
}

/** A short name for a file in the report: its file name. */
export const mediaName = (address: string) => fileName(address);
