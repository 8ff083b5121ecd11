/**
 * JSON-LD for `<script type="application/ld+json">`. The HTML parser ends a script element at the
 * first `</script` whatever the JSON says, so text from articles and comments could break out of it
 * and become markup. Escaping every `<` (and `>`, `&`) as a JSON `\u` escape keeps the same data
 * while leaving nothing for the HTML parser to act on.
 */

const HTML_SIGNIFICANT = /[<>&\u2028\u2029]/g;

const escapeCharacter = (character: string) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;

/**
 * The value as JSON that is safe to place inside a `<script>` element: `JSON.parse` of the result
 * gives the value back, and the result contains no `<`, `>` or `&`.
 * @throws TypeError when the value cannot be written as JSON (undefined at the top, a function, a cycle)
 */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value) as string | undefined;
  if (json === undefined) throw new TypeError('JSON-LD must be a JSON value, not undefined or a function');
  return json.replace(HTML_SIGNIFICANT, escapeCharacter);
}
