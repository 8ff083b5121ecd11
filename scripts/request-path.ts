/**
 * The path of a request to the static server, read as a static host reads it, and the addresses it
 * redirects to. Requests come from anyone: a malformed escape, a NUL, `..`, backslashes or an encoded
 * `//evil.com` must get an answer, and a redirect must never leave the site.
 */

export interface RequestPath {
  /** The path as the request wrote it (still percent-encoded), starting with one `/`. */
  raw: string;
  /** The path decoded, for finding the file. */
  decoded: string;
  /** The query, with its `?`, or empty. */
  search: string;
}

/**
 * Reads a request target such as `/tags/%E7%9D%A1/?page=2`.
 * @returns undefined when it is not a path, cannot be decoded or holds a NUL (answer 400)
 */
export function readRequestPath(target: string): RequestPath | undefined {
  const queryAt = target.indexOf('?');
  const raw = queryAt === -1 ? target : target.slice(0, queryAt);
  const search = queryAt === -1 ? '' : target.slice(queryAt);
  // An absolute-form target (`http://host/path`, for proxies) or `*` is not a path on this site.
  if (!raw.startsWith('/')) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0')) return undefined;
  return { raw, decoded, search };
}

/** Characters a Location header may carry as they are; anything else is percent-encoded. */
const LOCATION_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]/;

/**
 * A Location header value for a path on this site: ASCII only (Node refuses anything else in a
 * header, and used to stop the server), and a path that a browser cannot read as another host:
 * `//evil.com` and `/\evil.com` become `/evil.com`.
 */
export function sameSiteLocation(path: string): string {
  const encoded = [...path]
    .map((character) => (LOCATION_SAFE.test(character) ? character : encodeURIComponent(character)))
    .join('');
  return `/${encoded.replace(/^(?:\/|%5C)+/i, '')}`;
}
