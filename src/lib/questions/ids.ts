/**
 * Ids for comments the site creates itself (a reader's submission, a staff answer). Random, so that two
 * submissions on one article never collide and an id says nothing about who wrote it or when.
 * Web Crypto only: the question handler runs on Node, Cloudflare and Vercel alike.
 */

/** Lowercase letters and digits without the look-alikes 0/o and 1/l, so an id can be read aloud. */
const ALPHABET = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A new comment id such as `c-7kq2m9xhwa`: a letter-led prefix, then ten random characters (50 bits). */
export function newCommentId(prefix = 'c'): string {
  const bytes = crypto.getRandomValues(new Uint8Array(10));
  let id = `${prefix}-`;
  for (const byte of bytes) id += ALPHABET[byte % ALPHABET.length];
  return id;
}
