/**
 * How a content file's bytes become text and JSON data, free of Node and Astro so the question handler can
 * use it on any host (a Cloudflare Worker bundles it). `content-files.ts` adds reading from disk, YAML and
 * frontmatter; the content check, the build and the comment stores all read through these.
 */
import { lineAndColumn } from '@/lib/content-check/problems';

/** What a file holds, or why it cannot be read: a problem (no final full stop) and what to do. */
export type ContentRead<T> = { data: T } | { problem: string; fix: string };

const NOT_UTF8_FIX =
  'save the file as UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding", then UTF-8).';

/**
 * The text of a file's bytes as UTF-8, without its byte-order mark if it has one.
 * @returns the text, or a problem naming the first line holding bytes that are not UTF-8
 */
export function decodeContentFile(bytes: Uint8Array): ContentRead<string> {
  try {
    // `fatal` refuses what is not UTF-8 instead of writing U+FFFD for it; a leading BOM is dropped.
    return { data: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    // No byte of a multi-byte UTF-8 character is a newline, so lines can be checked one by one.
    const lineDecoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let line = 1; ; line++) {
      const end = bytes.indexOf(0x0a, start);
      try {
        lineDecoder.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
      } catch {
        return { problem: `is not UTF-8: line ${line} holds bytes of another encoding`, fix: NOT_UTF8_FIX };
      }
      if (end === -1) return { problem: 'is not UTF-8', fix: NOT_UTF8_FIX };
      start = end + 1;
    }
  }
}

/** JSON as plain data, or where it breaks. */
export function parseJson(text: string): ContentRead<unknown> {
  try {
    return { data: JSON.parse(text) };
  } catch (error) {
    const message = (error as Error).message;
    const offset = /position (\d+)/.exec(message)?.[1];
    const at = offset === undefined ? lineAndColumn(text, text.length) : lineAndColumn(text, Number(offset));
    return {
      problem: `is not valid JSON at line ${at.line}, column ${at.column} (${message.replace(/ in JSON at position.*$/, '').replace(/^Unexpected/, 'unexpected')})`,
      fix: 'look for a missing comma, quote or bracket just before that point.',
    };
  }
}
