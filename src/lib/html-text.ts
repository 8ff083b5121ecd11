/**
 * Text written into HTML by hand (the importer's converted shortcodes, the question form and the handler's
 * pages), where no HTML serializer is at hand. Free of Node and Astro: the question handler runs on any host.
 */

/** Text safe inside an element or a double-quoted attribute value. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
