/**
 * Structured data goes into the page as `<script type="application/ld+json">`. Its text is raw: the HTML
 * parser ends the element at the first `</script` whatever JSON string it sits in, and `<!--` changes how
 * the rest is parsed. Comment authors and titles are untrusted, so every character that could do that is
 * written as a JSON escape, which any JSON-LD reader decodes back to the same text.
 */

const UNSAFE_IN_SCRIPT = /[<>&\u2028\u2029]/g;

const escapeCharacter = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * JSON for the body of a `<script type="application/ld+json">` element, safe whatever strings it holds:
 * `<`, `>` and `&` become `\u003c`, `\u003e` and `\u0026`, so no `</script>` or `<!--` can appear, and
 * U+2028 and U+2029 become `\u2028` and `\u2029` for readers that treat them as line ends.
 * `JSON.parse` of the result gives back exactly `data` (as `JSON.stringify` would have written it).
 * @throws TypeError when `data` is not serializable to JSON (`undefined`, a function, a symbol)
 */
export function serializeJsonLd(data: unknown): string {
  const json = JSON.stringify(data);
  if (json === undefined) throw new TypeError('Structured data must be a JSON value.');
  return json.replace(UNSAFE_IN_SCRIPT, escapeCharacter);
}
