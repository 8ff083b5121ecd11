/**
 * Addresses written into pages as links, valid as the URL Standard defines a valid URL string: what
 * browsers, the Nu HTML Checker and feed readers all accept. Used for addresses readers give (a
 * comment's `authorUrl`), which the URL parser accepts even with characters a URL may not hold.
 */

/** Characters a URL may hold after its host, besides percent-escapes (the URL Standard's URL code points, ASCII part). */
const URL_CHARACTER = /[A-Za-z0-9!$&'()*+,\-./:;=?@_~]/;

/** `text` with every character a URL may not hold percent-escaped; a `%` that starts an escape is kept. */
function escapeInvalid(text: string): string {
  let escaped = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index]!;
    if (URL_CHARACTER.test(character)) escaped += character;
    else if (character === '%' && /^[0-9A-Fa-f]{2}$/.test(text.slice(index + 1, index + 3))) escaped += character;
    else escaped += encodeURIComponent(character);
  }
  return escaped;
}

/**
 * The same address as a valid URL string. The URL parser already percent-escapes spaces, quotes, angle
 * brackets and letters outside ASCII; what it lets through (`[` and `]` in a path, `#` inside the
 * fragment, `|`, `^`, a `%` that starts no escape) is escaped here too. The address leads to the same
 * place: servers decode those escapes as the characters they stand for. An empty `?` or `#` at the end
 * is dropped.
 * @throws TypeError when `address` is not an absolute URL
 */
export function validUrl(address: string): string {
  const url = new URL(address);
  // Everything before the path as the parser wrote it: scheme, user, host (IPv6 brackets included), port.
  const start = url.href.slice(0, url.href.indexOf('/', url.protocol.length + 2));
  const fragment = url.hash === '' ? '' : `#${escapeInvalid(url.hash.slice(1))}`;
  return `${start}${escapeInvalid(url.pathname)}${escapeInvalid(url.search)}${fragment}`;
}
