/**
 * A post's WordPress comments → the site's flat comment list (`content/comments/<slug>.json`).
 *
 * Only approved comments are kept. A kept reply whose parent was not kept hangs from its nearest
 * kept ancestor instead (or becomes a top-level comment), so every file forms a tree. Comment
 * bodies keep the writer's own text and line breaks; their HTML is cut down to the tags the site
 * shows, with only the attributes it allows, so nothing that could run in a browser is stored.
 */
import { isOnOldSite } from '@/lib/import/wordpress/old-addresses';
import { commentSanitizeSchema } from '@/lib/comments/render-body';
import { readExportDate } from '@/lib/import/wordpress/dates';
import { flattenDeepNesting, MAX_ELEMENT_NESTING } from '@/lib/import/wordpress/nesting';
import { htmlToText } from '@/lib/import/wordpress/text';
import type { ConversionWarning } from '@/lib/import/wordpress/warnings';
import type { WxrComment } from '@/lib/import/wordpress/wxr';
import { COMMENT_ID } from '@/schemas/comments';

/** One comment as written to the comments file: the input form of the site's comment schema. */
export interface ImportedComment {
  /** The WordPress comment id, so old `#comment-123` links still find it. */
  id: string;
  parent?: string;
  author?: string;
  authorUrl?: string;
  /** ISO date-time in UTC (`…Z`), or local time when the export has no UTC time. */
  date?: string;
  /** The question line of a reader question: a bold first line ending in `?`. */
  title?: string;
  body: string;
}

/** A kept reply whose parent was not kept, and where it hangs now. */
export interface ReattachedReply {
  comment: string;
  /** The parent named in the export. */
  parent: string;
  /** Why that parent is not in the file. */
  parentReason: string;
  /** The nearest kept ancestor; undefined when the reply is now a top-level comment. */
  attachedTo?: string;
}

export interface CommentImportOptions {
  /** Keep pingbacks and trackbacks as comments (their author is the linking page). Default false. */
  includePingbacks?: boolean;
  /**
   * The blog's address. A commenter's web address on the blog itself (its owner's, answering) is not kept:
   * it would lead to the old site, which the import is there to replace.
   */
  siteLink?: string;
}

export interface ImportedComments {
  comments: ImportedComment[];
  /** Comments left out, by reason. */
  skipped: Map<string, number>;
  reattached: ReattachedReply[];
  /** Dates that were repaired or left out, by comment. */
  warnings: ConversionWarning[];
}

/** Why a comment is left out, or undefined to keep it. */
function skipReason(comment: WxrComment, options: CommentImportOptions): string | undefined {
  const type = comment.type === '' ? 'comment' : comment.type;
  if (type === 'pingback' || type === 'trackback') {
    if (!options.includePingbacks) return type;
  } else if (type !== 'comment') {
    return `comment type "${type}"`;
  }
  switch (comment.approved) {
    case '1':
      break;
    case '0':
      return 'pending';
    case 'spam':
    case 'trash':
      return comment.approved;
    default:
      return `status "${comment.approved}"`;
  }
  if (!COMMENT_ID.test(comment.id)) return 'unusable id';
  return undefined;
}

/**
 * Maps one post's comments, in export order.
 * @param comments the item's comments, every status and type
 */
export function importComments(comments: readonly WxrComment[], options: CommentImportOptions = {}): ImportedComments {
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);

  const byId = new Map<string, WxrComment>();
  const reasons = new Map<string, string>();
  const kept: WxrComment[] = [];
  for (const comment of comments) {
    let reason = skipReason(comment, options);
    if (reason === undefined && byId.has(comment.id)) reason = 'duplicate id';
    if (!byId.has(comment.id)) byId.set(comment.id, comment);
    const body = reason === undefined ? commentBody(comment.content) : '';
    if (reason === undefined && body.trim() === '') reason = 'empty';
    if (reason === undefined) {
      kept.push(comment);
    } else {
      if (!reasons.has(comment.id)) reasons.set(comment.id, reason);
      skip(reason);
    }
  }

  const keptIds = new Set(kept.map((comment) => comment.id));
  const reattached: ReattachedReply[] = [];
  const warnings: ConversionWarning[] = [];
  const imported = kept.map((comment): ImportedComment => {
    const parent = nearestKeptAncestor(comment, byId, keptIds);
    if (parent.original !== undefined && parent.kept !== parent.original) {
      reattached.push({
        comment: comment.id,
        parent: parent.original,
        parentReason: reasons.get(parent.original) ?? 'not in the export',
        ...(parent.kept === undefined ? {} : { attachedTo: parent.kept }),
      });
    }
    const bounded = flattenDeepNesting(commentBody(comment.content));
    if (bounded.flattened) {
      warnings.push({
        kind: 'nesting',
        message: `comment ${comment.id}: tags nested ${bounded.deepest} deep; those below level ${MAX_ELEMENT_NESTING} were removed, their text kept`,
      });
    }
    const { title, body } = splitQuestion(bounded.html, parent.kept === undefined);
    const author = htmlToText(comment.author);
    const ownUrl = httpUrl(comment.authorUrl);
    const authorUrl = ownUrl && options.siteLink && isOnOldSite(ownUrl, options.siteLink) ? undefined : ownUrl;
    const date = commentDate(comment, warnings);
    return {
      id: comment.id,
      ...(parent.kept === undefined ? {} : { parent: parent.kept }),
      ...(author ? { author } : {}),
      ...(authorUrl ? { authorUrl } : {}),
      ...(date ? { date } : {}),
      ...(title ? { title } : {}),
      body,
    };
  });
  return { comments: imported, skipped, reattached, warnings };
}

const isTopLevel = (parentId: string) => parentId === '' || parentId === '0';

/**
 * Walks up the export's parent links to the first kept comment; a loop through skipped comments back
 * to this one ends at the top level. Kept comments that reply in a circle are left for the thread check.
 */
function nearestKeptAncestor(
  comment: WxrComment,
  byId: ReadonlyMap<string, WxrComment>,
  keptIds: ReadonlySet<string>,
): { original?: string; kept?: string } {
  if (isTopLevel(comment.parentId)) return {};
  const original = comment.parentId;
  // A comment that names itself keeps that parent: the thread check reports it and makes it top-level.
  if (original === comment.id) return { original, kept: original };
  const seen = new Set([comment.id]);
  let current = original;
  while (!isTopLevel(current) && !seen.has(current)) {
    if (keptIds.has(current)) return { original, kept: current };
    seen.add(current);
    const parent = byId.get(current);
    if (!parent) break;
    current = parent.parentId;
  }
  return { original };
}

/**
 * When the comment was written, as ISO 8601: UTC (`…Z`) from the UTC field, else local time. A date
 * that does not exist is left out with a warning; `24:00:00` becomes midnight of the next day.
 */
function commentDate(comment: WxrComment, warnings: ConversionWarning[]): string | undefined {
  const fields = [
    { label: 'UTC date', value: comment.dateGmt, zone: 'Z' },
    { label: 'date', value: comment.date, zone: '' },
  ];
  for (const { label, value, zone } of fields) {
    const reading = readExportDate(value);
    if (reading.kind === 'none') continue;
    if (reading.kind === 'impossible') {
      warnings.push({
        kind: 'date',
        message: `comment ${comment.id}'s ${label} "${reading.value}" is not a real date; not used`,
      });
      continue;
    }
    if (reading.date.repaired) {
      warnings.push({ kind: 'date', message: `comment ${comment.id}'s ${label} ${reading.date.repaired}` });
    }
    return `${reading.date.day}T${reading.date.time}${zone}`;
  }
  return undefined;
}

/** The writer's web address if it is a full http(s) address; anything else is dropped. */
function httpUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!/^https?:\/\//i.test(trimmed)) return undefined;
  try {
    return new URL(trimmed).href;
  } catch {
    return undefined;
  }
}

/**
 * A top-level comment whose first line is wholly bold and ends in a question mark is a reader's
 * question: that line becomes its title, as the site shows questions. Anything else is all body.
 */
function splitQuestion(body: string, topLevel: boolean): { title?: string; body: string } {
  if (!topLevel) return { body };
  const match = /^<(strong|b)>([^\n]*?)<\/\1>[ \t]*(?:<br\s*\/?>)?[ \t]*\n([\s\S]+)$/i.exec(body);
  if (!match) return { body };
  const title = htmlToText(match[2]!);
  const rest = match[3]!.trim();
  if (!title.endsWith('?') || rest === '') return { body };
  return { title, body: rest };
}

/** The body as the site stores it: sanitized, newlines as written, no runs of blank lines. */
export function commentBody(content: string): string {
  return sanitizeCommentHtml(content.replace(/\r\n?/g, '\n'))
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const ALLOWED_TAGS = new Set(commentSanitizeSchema.tagNames ?? []);
const ALLOWED_ATTRIBUTES = new Map(
  Object.entries(commentSanitizeSchema.attributes ?? {}).map(([tag, names]) => [
    tag,
    new Set(names.map((name) => (typeof name === 'string' ? name : name[0]))),
  ]),
);
const URL_PROTOCOLS = commentSanitizeSchema.protocols ?? {};
/** Elements whose content is code or chrome, not words: removed with what they hold. */
const REMOVED_WITH_CONTENT = new Set(['script', 'style', 'template', 'iframe', 'noscript', 'textarea', 'title', 'xmp']);

/** A tag or an HTML comment; quoted attribute values may hold `>`. */
const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<(\/?)([A-Za-z][A-Za-z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * Cuts a comment's HTML down to the tags the site renders in comments (the site's own sanitizer list,
 * WordPress's `$allowedtags`), with only their allowed attributes and safe link protocols. Other tags
 * are dropped and their text kept, as WordPress does; scripts and styles go with their content. Text
 * outside tags is untouched, so `D&C` and `5 < 6` stay as written. The site sanitizes again when it
 * renders; this makes sure the stored file holds nothing that could run.
 */
export function sanitizeCommentHtml(html: string): string {
  let output = '';
  let position = 0;
  TAG_OR_COMMENT.lastIndex = 0;
  for (let match = TAG_OR_COMMENT.exec(html); match; match = TAG_OR_COMMENT.exec(html)) {
    output += html.slice(position, match.index);
    position = match.index + match[0].length;
    const [, closing, rawName, attributes = ''] = match;
    if (rawName === undefined) continue; // an HTML comment
    const name = rawName.toLowerCase();
    if (REMOVED_WITH_CONTENT.has(name)) {
      if (!closing) {
        const end = new RegExp(`</${name}\\s*>`, 'ig');
        end.lastIndex = position;
        const found = end.exec(html);
        position = found ? found.index + found[0].length : html.length;
        TAG_OR_COMMENT.lastIndex = position;
      }
      continue;
    }
    if (!ALLOWED_TAGS.has(name)) continue;
    output += closing ? `</${name}>` : `<${name}${allowedAttributes(name, attributes)}>`;
  }
  return output + html.slice(position);
}

function allowedAttributes(tag: string, text: string): string {
  const allowed = ALLOWED_ATTRIBUTES.get(tag);
  if (!allowed) return '';
  let output = '';
  for (const [, rawName, double, single, bare] of text.matchAll(ATTRIBUTE)) {
    const name = rawName!.toLowerCase();
    if (!allowed.has(name)) continue;
    const value = double ?? single ?? bare ?? '';
    const protocols = URL_PROTOCOLS[name];
    if (protocols && !hasAllowedProtocol(value, protocols)) continue;
    output += ` ${name}="${value.replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
  }
  return output;
}

/**
 * Whether a URL attribute is relative or uses one of the protocols; entities and hidden characters cannot
 * disguise it.
 */
function hasAllowedProtocol(value: string, protocols: readonly string[]): boolean {
  // eslint-disable-next-line no-control-regex -- browsers ignore these inside a scheme: `java\tscript:`
  const decoded = htmlToText(value.replace(/</g, '&lt;')).replace(/[\u0000-\u0020\u007F]/g, '');
  const scheme = /^([^/?#]*?):/.exec(decoded)?.[1];
  return scheme === undefined || protocols.includes(scheme.toLowerCase());
}
