/**
 * Streaming reader for WordPress eXtended RSS (WXR) exports, versions 1.0 to 1.2.
 *
 * Exports reach hundreds of megabytes, so the file is never held whole: saxes parses it chunk by
 * chunk and one item at a time is handed on. Only the fields the importer uses are kept. E-mail
 * addresses, IP addresses, user agents and comment meta are never read, so they cannot leak into
 * anything made from an item.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';

import { decodeExport, ExportEncodingError } from '@/lib/import/wordpress/encoding';

/** Where the site came from, from the channel header. */
export interface WxrSite {
  /** The blog's name. */
  title: string;
  /** The blog's address, used to resolve root-relative links and images. */
  link: string;
  /** `1.0`, `1.1` or `1.2`. */
  wxrVersion: string;
  /** `<wp:base_site_url>` and `<wp:base_blog_url>`: where WordPress itself and the blog live; empty when absent. */
  baseSiteUrl?: string;
  baseBlogUrl?: string;
}

/** A user who wrote posts: `<wp:author>`. */
export interface WxrAuthor {
  /** The login that items name in `<dc:creator>`. */
  login: string;
  /** The name the blog showed in bylines. */
  displayName: string;
}

/** A category, tag, post format or other term attached to an item. */
export interface WxrTerm {
  /** `category`, `post_tag`, `post_format`, `nav_menu`… */
  domain: string;
  /** The term's slug (`nicename`). */
  slug: string;
  /** The term's display name, HTML entities as exported. */
  name: string;
}

/** A comment, pingback or trackback on an item. */
export interface WxrComment {
  id: string;
  /** Id of the comment it replies to; `0` or empty at top level. */
  parentId: string;
  /** Display name, HTML entities as exported. */
  author: string;
  /** The writer's web address, unchecked. */
  authorUrl: string;
  /** `YYYY-MM-DD HH:MM:SS` in UTC; `0000-00-00 00:00:00` when unknown. */
  dateGmt: string;
  /** `YYYY-MM-DD HH:MM:SS` in the blog's time zone. */
  date: string;
  /** What was written, as stored: HTML allowed in comments, newlines as typed. */
  content: string;
  /** `1` approved, `0` pending, `spam`, `trash`. */
  approved: string;
  /** Empty or `comment` for a comment; `pingback`, `trackback` or a plugin's own type. */
  type: string;
}

/** One `<item>`: a post, page, attachment, menu item or other post type. */
export interface WxrItem {
  id: string;
  title: string;
  link: string;
  /** Login of the writer; see {@link WxrAuthor}. */
  creator: string;
  /** The body as stored: classic HTML with newlines, or block-editor HTML. */
  content: string;
  /** Hand-written excerpt; empty when none. */
  excerpt: string;
  /** `YYYY-MM-DD HH:MM:SS`, UTC and local. */
  dateGmt: string;
  date: string;
  modifiedGmt: string;
  modified: string;
  /** `post_name`, percent-encoded; empty for drafts that never had one. */
  slug: string;
  /** `publish`, `draft`, `pending`, `future`, `private`, `trash`, `inherit`, `auto-draft`. */
  status: string;
  /** `post`, `page`, `attachment`, `nav_menu_item`, … */
  type: string;
  /** Non-empty when the post is password-protected (the password itself is not kept). */
  hasPassword: boolean;
  parentId: string;
  menuOrder: number;
  /** For attachments: the file's address. */
  attachmentUrl: string;
  /** For attachments: the image's alternative text. */
  imageAlt: string;
  /** The block editor's footnotes (WordPress 6.3+ post meta `footnotes`): a JSON array of `{id, content}`; empty when none. */
  footnotes: string;
  /** The attachment id of the post's featured image (`_thumbnail_id`); empty when none. */
  featuredImageId: string;
  terms: WxrTerm[];
  comments: WxrComment[];
}

/** What the reader hands on, in file order. */
export type WxrRecord =
  { kind: 'site'; site: WxrSite } | { kind: 'author'; author: WxrAuthor } | { kind: 'item'; item: WxrItem };

/** The export's bytes (in the encoding it declares) or text, in order: a file stream, or chunks already in memory. */
export type ExportChunks = AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>;

/** The export is not well-formed XML or not a WordPress export. Line and column are 1-based. */
export class WxrError extends Error {
  readonly line: number;
  readonly column: number;
  constructor(reason: string, line: number, column: number) {
    super(`line ${line}, column ${column}: ${reason}`);
    this.name = 'WxrError';
    this.line = line;
    this.column = column;
  }
}

/** Namespaces by the prefix this module uses for them. WXR 1.0–1.2 each have their own URI. */
function prefixOf(uri: string): string | undefined {
  if (uri === '') return '';
  if (/^https?:\/\/wordpress\.org\/export\/1\.\d\/$/.test(uri)) return 'wp';
  if (/^https?:\/\/wordpress\.org\/export\/1\.\d\/excerpt\/$/.test(uri)) return 'excerpt';
  if (uri === 'http://purl.org/rss/1.0/modules/content/') return 'content';
  if (uri === 'http://purl.org/dc/elements/1.1/') return 'dc';
  return undefined;
}

function keyOf(tag: SaxesTagNS): string {
  const prefix = prefixOf(tag.uri);
  if (prefix === undefined) return `{${tag.uri}}${tag.local}`;
  return prefix === '' ? tag.local : `${prefix}:${tag.local}`;
}

/** Fields kept from each record, by the element that holds them. Everything else is skipped unread. */
const CHANNEL_FIELDS = new Set(['title', 'link', 'wp:wxr_version', 'wp:base_site_url', 'wp:base_blog_url']);
const AUTHOR_FIELDS = new Set(['wp:author_login', 'wp:author_display_name']);
const ITEM_FIELDS = new Set([
  'title',
  'link',
  'dc:creator',
  'content:encoded',
  'excerpt:encoded',
  'wp:post_id',
  'wp:post_date',
  'wp:post_date_gmt',
  'wp:post_modified',
  'wp:post_modified_gmt',
  'wp:post_name',
  'wp:status',
  'wp:post_parent',
  'wp:menu_order',
  'wp:post_type',
  'wp:post_password',
  'wp:attachment_url',
  'category',
]);
const META_FIELDS = new Set(['wp:meta_key', 'wp:meta_value']);
const COMMENT_FIELDS = new Set([
  'wp:comment_id',
  'wp:comment_parent',
  'wp:comment_author',
  'wp:comment_author_url',
  'wp:comment_date',
  'wp:comment_date_gmt',
  'wp:comment_content',
  'wp:comment_approved',
  'wp:comment_type',
]);

type Fields = Map<string, string>;

/** A record being filled: which element opened it and what has been read into it so far. */
interface OpenRecord {
  kind: 'channel' | 'author' | 'item' | 'meta' | 'comment';
  /** Depth of the element that opened it; its fields are one deeper. */
  depth: number;
  accepts: ReadonlySet<string>;
  fields: Fields;
  terms: WxrTerm[];
  comments: WxrComment[];
}

const RECORDS: Record<
  string,
  { parent: OpenRecord['kind'] | 'rss'; kind: OpenRecord['kind']; accepts: ReadonlySet<string> }
> = {
  channel: { parent: 'rss', kind: 'channel', accepts: CHANNEL_FIELDS },
  'wp:author': { parent: 'channel', kind: 'author', accepts: AUTHOR_FIELDS },
  item: { parent: 'channel', kind: 'item', accepts: ITEM_FIELDS },
  'wp:postmeta': { parent: 'item', kind: 'meta', accepts: META_FIELDS },
  'wp:comment': { parent: 'item', kind: 'comment', accepts: COMMENT_FIELDS },
};

const field = (fields: Fields, key: string) => fields.get(key)?.trim() ?? '';

/** The parser the reader uses: namespaces resolved, positions kept. */
const PARSER_OPTIONS = { xmlns: true, position: true } as const;
type WxrParser = SaxesParser<typeof PARSER_OPTIONS>;

/** A place in the file, 1-based. */
interface Position {
  line: number;
  column: number;
}

/** Throws a WxrError at a place in the file, by default the parser's. */
type Fail = (reason: string, at?: Position) => never;

/**
 * Reads a WXR export as it streams in.
 * @param chunks the file's bytes (UTF-8) or text, in order
 * @throws WxrError with the line and column of malformed XML, or of the place where the file shows it
 *   is not a WordPress export
 */
export async function* readWxr(chunks: ExportChunks): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser(PARSER_OPTIONS);
  // Saxes' position is that of the next character; for a bad character that is one past it, which
  // as a 1-based column is the character itself.
  const fail: Fail = (reason, at = { line: parser.line, column: Math.max(parser.column, 1) }) => {
    throw new WxrError(reason, at.line, at.column);
  };
  failOnXmlErrors(parser, fail);
  const records = new RecordAssembler(parser, fail);
  for await (const text of decodedText(chunks, parser, fail)) {
    parser.write(text);
    yield* records.flush();
  }
  parser.close();
  records.finish();
  yield* records.flush();
}

/** Turns saxes' errors into WxrErrors; an entity it could not find is named, with what to do. */
function failOnXmlErrors(parser: WxrParser, fail: Fail) {
  // Saxes names no entity in its message: remember the last one it could not find.
  let missingEntity: string | undefined;
  parser.ENTITIES = new Proxy(parser.ENTITIES, {
    get(target, name) {
      const value = Reflect.get(target, name) as string | undefined;
      if (value === undefined && typeof name === 'string') missingEntity = name;
      return value;
    },
  });
  let doctype = '';
  parser.on('doctype', (text) => {
    doctype = text;
  });
  parser.on('error', (error) => {
    const message = error.message.replace(/^\d+:\d+: /, '');
    if (message === 'undefined entity.' && missingEntity !== undefined) fail(undefinedEntity(missingEntity, doctype));
    fail(message);
  });
}

/** The export as text; bytes that cannot be decoded fail at their place in the file. */
async function* decodedText(chunks: ExportChunks, parser: WxrParser, fail: Fail): AsyncGenerator<string> {
  try {
    yield* decodeExport(chunks);
  } catch (error) {
    if (!(error instanceof ExportEncodingError)) throw error;
    // Saxes' position is that of the next character to be written.
    const before = error.textBefore;
    const lastNewline = before.lastIndexOf('\n');
    const line = parser.line + (before.match(/\n/g)?.length ?? 0);
    const column = lastNewline === -1 ? parser.column + before.length + 1 : before.length - lastNewline;
    fail(error.message, { line, column });
  }
}

/**
 * Builds records from the parser's events: opens a record at its element, reads the fields it keeps,
 * and hands it on when its element closes. The site comes first, as soon as the channel has shown it.
 */
class RecordAssembler {
  private readonly fail: Fail;
  private readonly ready: WxrRecord[] = [];
  private readonly open: OpenRecord[] = [];
  private depth = 0;
  private sawRoot = false;
  /** The field being read: its key, its category attributes, and its text so far. */
  private reading: { key: string; domain: string; slug: string; text: string } | undefined;
  private tagStart: Position = { line: 1, column: 1 };
  private site: WxrSite | undefined;
  private siteSent = false;

  constructor(parser: WxrParser, fail: Fail) {
    this.fail = fail;
    parser.on('opentagstart', (tag) => {
      // Saxes has read the name and the character after it.
      this.tagStart = { line: parser.line, column: Math.max(parser.column - tag.name.length - 1, 1) };
    });
    parser.on('opentag', (tag) => this.openTag(tag));
    const addText = (value: string) => {
      if (this.reading) this.reading.text += value;
    };
    parser.on('text', addText);
    parser.on('cdata', addText);
    parser.on('closetag', () => this.closeTag());
  }

  /** The records completed since the last call, the site first. */
  *flush(): Generator<WxrRecord> {
    if (this.site && !this.siteSent) {
      this.siteSent = true;
      yield { kind: 'site', site: this.site };
    }
    yield* this.ready.splice(0);
  }

  /** At the end of the file: fails unless it was a WordPress export. */
  finish() {
    if (!this.sawRoot) this.fail('not a WordPress export: the file has no XML elements');
    if (!this.site) this.fail('not a WordPress export: no <channel> with a <wp:wxr_version>');
  }

  private openTag(tag: SaxesTagNS) {
    const key = keyOf(tag);
    const parent = this.open.at(-1);
    const level = this.depth++;
    if (level === 0) {
      this.sawRoot = true;
      if (key !== 'rss') {
        this.fail(
          `not a WordPress export: the document starts with <${tag.name}>; a WXR file starts with <rss>`,
          this.tagStart,
        );
      }
      return;
    }
    const record = RECORDS[key];
    const parentKind = level === 1 ? 'rss' : parent && level === parent.depth + 1 ? parent.kind : undefined;
    if (record && record.parent === parentKind) {
      if (record.kind === 'item') {
        this.site ??= parent && channelSite(parent.fields);
        if (!this.site) {
          this.fail(
            'not a WordPress export: the channel has no <wp:wxr_version> before its first <item>',
            this.tagStart,
          );
        }
      }
      this.open.push({
        kind: record.kind,
        depth: level,
        accepts: record.accepts,
        fields: new Map(),
        terms: [],
        comments: [],
      });
    } else if (parent && level === parent.depth + 1 && parent.accepts.has(key)) {
      const attribute = (name: string) => tag.attributes[name]?.value ?? '';
      this.reading = { key, domain: attribute('domain'), slug: attribute('nicename'), text: '' };
    }
  }

  private closeTag() {
    const level = --this.depth;
    const record = this.open.at(-1);
    if (!record) return;
    if (this.reading && level === record.depth + 1) {
      this.keepField(record, this.reading);
      this.reading = undefined;
    } else if (level === record.depth) {
      this.open.pop();
      this.closeRecord(record, this.open.at(-1));
    }
  }

  private keepField(record: OpenRecord, reading: NonNullable<RecordAssembler['reading']>) {
    if (reading.key === 'category') {
      record.terms.push({ domain: reading.domain, slug: reading.slug, name: reading.text.trim() });
    } else {
      record.fields.set(reading.key, reading.text);
    }
  }

  private closeRecord(record: OpenRecord, parentRecord: OpenRecord | undefined) {
    switch (record.kind) {
      case 'channel':
        this.site ??= channelSite(record.fields);
        if (!this.site) this.fail('not a WordPress export: the channel has no <wp:wxr_version>');
        break;
      case 'author':
        this.ready.push({
          kind: 'author',
          author: {
            login: field(record.fields, 'wp:author_login'),
            displayName: field(record.fields, 'wp:author_display_name'),
          },
        });
        break;
      case 'meta':
        if (parentRecord && field(record.fields, 'wp:meta_key') === '_wp_attachment_image_alt') {
          parentRecord.fields.set('imageAlt', field(record.fields, 'wp:meta_value'));
        } else if (parentRecord && field(record.fields, 'wp:meta_key') === 'footnotes') {
          parentRecord.fields.set('footnotes', field(record.fields, 'wp:meta_value'));
        } else if (parentRecord && field(record.fields, 'wp:meta_key') === '_thumbnail_id') {
          parentRecord.fields.set('featuredImageId', field(record.fields, 'wp:meta_value'));
        }
        break;
      case 'comment':
        parentRecord?.comments.push(toComment(record.fields));
        break;
      case 'item':
        this.ready.push({ kind: 'item', item: toItem(record) });
        break;
    }
  }
}

/** Why an entity reference cannot be read, and what to do. */
function undefinedEntity(name: string, doctype: string): string {
  const reference = `&${name};`;
  const declared = new RegExp(`<!ENTITY\\s+${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s`).test(doctype);
  return declared
    ? `entity "${reference}" is declared in the file's DOCTYPE, which the importer does not read (DTDs are not supported); ` +
        `replace "${reference}" with the text it stands for`
    : `undefined entity "${reference}": XML defines only &amp; &lt; &gt; &quot; &apos;, and DTDs (which could define ` +
        `others) are not supported; write the character itself or a numeric reference such as &#160;`;
}

/** The site, once the channel has shown its WXR version; undefined until then. */
function channelSite(fields: Fields): WxrSite | undefined {
  const wxrVersion = field(fields, 'wp:wxr_version');
  if (!wxrVersion) return undefined;
  return {
    title: field(fields, 'title'),
    link: field(fields, 'link'),
    wxrVersion,
    baseSiteUrl: field(fields, 'wp:base_site_url'),
    baseBlogUrl: field(fields, 'wp:base_blog_url'),
  };
}

function toComment(fields: Fields): WxrComment {
  return {
    id: field(fields, 'wp:comment_id'),
    parentId: field(fields, 'wp:comment_parent'),
    author: field(fields, 'wp:comment_author'),
    authorUrl: field(fields, 'wp:comment_author_url'),
    dateGmt: field(fields, 'wp:comment_date_gmt'),
    date: field(fields, 'wp:comment_date'),
    // Not trimmed: a comment's own line breaks are part of what was written.
    content: fields.get('wp:comment_content') ?? '',
    approved: field(fields, 'wp:comment_approved'),
    type: field(fields, 'wp:comment_type'),
  };
}

function toItem(record: OpenRecord): WxrItem {
  const { fields } = record;
  return {
    id: field(fields, 'wp:post_id'),
    title: field(fields, 'title'),
    link: field(fields, 'link'),
    creator: field(fields, 'dc:creator'),
    content: fields.get('content:encoded') ?? '',
    excerpt: field(fields, 'excerpt:encoded'),
    dateGmt: field(fields, 'wp:post_date_gmt'),
    date: field(fields, 'wp:post_date'),
    modifiedGmt: field(fields, 'wp:post_modified_gmt'),
    modified: field(fields, 'wp:post_modified'),
    slug: field(fields, 'wp:post_name'),
    status: field(fields, 'wp:status'),
    type: field(fields, 'wp:post_type'),
    hasPassword: field(fields, 'wp:post_password') !== '',
    parentId: field(fields, 'wp:post_parent'),
    menuOrder: Number(field(fields, 'wp:menu_order')) || 0,
    attachmentUrl: field(fields, 'wp:attachment_url'),
    imageAlt: field(fields, 'imageAlt'),
    footnotes: field(fields, 'footnotes'),
    featuredImageId: field(fields, 'featuredImageId'),
    terms: record.terms,
    comments: record.comments,
  };
}
