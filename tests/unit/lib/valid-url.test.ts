import fc from 'fast-check';
import { describe, expect, test } from 'vitest';

import { validUrl } from '@/lib/valid-url';

/** The URL Standard's valid URL string, ASCII part: URL code points and percent-escapes after the scheme. */
const VALID_URL =
  /^https?:\/\/[^\s/?#]+(?:[A-Za-z0-9!$&'()*+,\-./:;=?@_~]|%[0-9A-Fa-f]{2})*(?:#(?:[A-Za-z0-9!$&'()*+,\-./:;=?@_~]|%[0-9A-Fa-f]{2})*)?$/;

/**
 * The bytes `text` stands for, as hex: a percent-escape is its byte, any other character its UTF-8 bytes.
 * Bytes, not text, because an escape need not be UTF-8 (`%80` is a valid escape and no character).
 */
function bytes(text: string): string {
  let hex = '';
  for (let index = 0; index < text.length;) {
    const escape = /^%([0-9A-Fa-f]{2})/.exec(text.slice(index));
    if (escape) {
      hex += escape[1]!.toLowerCase();
      index += 3;
    } else {
      const character = String.fromCodePoint(text.codePointAt(index)!);
      hex += Buffer.from(character, 'utf8').toString('hex');
      index += character.length;
    }
  }
  return hex;
}

/** What an address means: its host, user and port, and the bytes of its path, query and fragment. */
function parts(address: string) {
  const url = new URL(address);
  return [url.username, url.password, url.host, bytes(url.pathname), bytes(url.search), bytes(url.hash)];
}

describe('validUrl', () => {
  test('leaves an ordinary address as it is', () => {
    expect(validUrl('https://example.org/a/b?x=1&y=2#top')).toBe('https://example.org/a/b?x=1&y=2#top');
  });

  test('escapes brackets in a path, which the URL parser lets through', () => {
    expect(validUrl('https://example.org/[click](javascript:alert(1))')).toBe(
      'https://example.org/%5Bclick%5D(javascript:alert(1))',
    );
  });

  test('escapes a second # inside the fragment', () => {
    expect(validUrl('https://example.org/x#a&#97;b')).toBe('https://example.org/x#a&%2397;b');
  });

  test('keeps percent-escapes, and escapes a % that starts none', () => {
    expect(validUrl('https://example.org/100%25/50%off')).toBe('https://example.org/100%25/50%25off');
  });

  test('keeps an escape that is no UTF-8 character', () => {
    expect(validUrl('http://a.aa/#%80')).toBe('http://a.aa/#%80');
  });

  test('keeps the user, an IPv6 host and the port', () => {
    expect(validUrl('http://sam@[::1]:8080/[x]')).toBe('http://sam@[::1]:8080/%5Bx%5D');
  });

  test('gives a valid URL string that the URL parser reads as the same address, for any address it accepts', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string(), (base, tail) => {
        let address: string;
        try {
          address = new URL(base + tail).href;
        } catch {
          return;
        }
        const valid = validUrl(address);
        expect(valid).toMatch(VALID_URL);
        expect(parts(valid)).toEqual(parts(address));
      }),
      { numRuns: 2000 },
    );
  });
});
