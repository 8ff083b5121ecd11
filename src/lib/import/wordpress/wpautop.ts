/**
 * WordPress's `wpautop()`, ported from PHP (wp-includes/formatting.php): classic-editor posts are
 * stored with blank lines for paragraphs and single newlines for line breaks, and WordPress adds the
 * `<p>` and `<br />` tags only when it shows the post. Block-editor posts already carry their tags
 * and are not passed through it. The steps and their order follow the original, so a post reads
 * here as it read on the blog.
 */

/** Block-level tags: never wrapped in a paragraph, and each starts a new one. */
const ALL_BLOCKS =
  '(?:table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary)';

/** Splits HTML into tags (with comments) and the text between them, as `wp_html_split()` does. */
const HTML_TAG_OR_COMMENT = /(<!--[\s\S]*?(?:-->|$)|<[^>]*>?)/;

/**
 * Adds paragraphs and line breaks to text written with blank lines and newlines.
 * @param text a classic-editor post body
 * @param br whether single newlines become `<br />` (WordPress: yes)
 */
export function wpautop(text: string, br = true): string {
  if (text.trim() === '') return '';
  let result = `${text}\n`;

  // <pre> blocks are left exactly as written: put placeholders in, and the blocks back at the end.
  const preBlocks = new Map<string, string>();
  if (result.includes('<pre')) {
    const parts = result.split('</pre>');
    const last = parts.pop() ?? '';
    result = '';
    parts.forEach((part, index) => {
      const start = part.indexOf('<pre');
      if (start === -1) {
        result += part;
        return;
      }
      const name = `<pre wp-pre-tag-${index}></pre>`;
      preBlocks.set(name, `${part.slice(start)}</pre>`);
      result += part.slice(0, start) + name;
    });
    result += last;
  }

  result = result.replace(/<br\s*\/?>\s*<br\s*\/?>/g, '\n\n');
  result = result.replace(new RegExp(`(<${ALL_BLOCKS}[\\s/>])`, 'g'), '\n\n$1');
  result = result.replace(new RegExp(`(</${ALL_BLOCKS}>)`, 'g'), '$1\n\n');
  result = result.replace(/(<hr\s*?\/?>)/g, '$1\n\n');
  result = result.replace(/\r\n|\r/g, '\n');

  // Newlines inside tags are not line breaks: hide them until the end.
  result = result
    .split(HTML_TAG_OR_COMMENT)
    .map((part, index) => (index % 2 === 1 ? part.replace(/\n/g, ' <!-- wpnl --> ') : part))
    .join('');

  // Media and form elements keep their children together.
  if (result.includes('<option')) {
    result = result.replace(/\s*<option/g, '<option').replace(/<\/option>\s*/g, '</option>');
  }
  if (result.includes('</object>')) {
    result = result
      .replace(/(<object[^>]*>)\s*/g, '$1')
      .replace(/\s*<\/object>/g, '</object>')
      .replace(/\s*(<\/?(?:param|embed)[^>]*>)\s*/g, '$1');
  }
  if (result.includes('<source') || result.includes('<track')) {
    result = result
      .replace(/([<[](?:audio|video)[^>\]]*[>\]])\s*/g, '$1')
      .replace(/\s*([<[]\/(?:audio|video)[>\]])/g, '$1')
      .replace(/\s*(<(?:source|track)[^>]*>)\s*/g, '$1');
  }
  if (result.includes('<figcaption')) {
    result = result.replace(/\s*(<figcaption[^>]*>)/g, '$1').replace(/<\/figcaption>\s*/g, '</figcaption>');
  }

  result = result.replace(/\n\n+/g, '\n\n');
  result = result
    .split(/\n\s*\n/)
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.replace(/^\n+|\n+$/g, '')}</p>\n`)
    .join('');

  result = result.replace(/<p>\s*<\/p>/g, '');
  result = result.replace(/<p>([^<]+)<\/(div|address|form)>/g, '<p>$1</p></$2>');
  result = result.replace(new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, 'g'), '$1');
  result = result.replace(/<p>(<li.+?)<\/p>/g, '$1');
  result = result.replace(/<p><blockquote([^>]*)>/gi, '<blockquote$1><p>');
  result = result.replace(/<\/blockquote><\/p>/g, '</p></blockquote>');
  result = result.replace(new RegExp(`<p>\\s*(</?${ALL_BLOCKS}[^>]*>)`, 'g'), '$1');
  result = result.replace(new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*</p>`, 'g'), '$1');

  if (br) {
    // Newlines in scripts, styles, SVG and MathML are code, not line breaks.
    result = result.replace(/<(script|style|svg|math)[\s\S]*?<\/\1>/g, (match) =>
      match.replace(/\n/g, '<WPPreserveNewline />'),
    );
    result = result.replace(/<br>|<br\/>/g, '<br />');
    result = result.replace(/(?<!<br \/>)\s*\n/g, '<br />\n');
    result = result.replace(/<WPPreserveNewline \/>/g, '\n');
  }

  result = result.replace(new RegExp(`(</?${ALL_BLOCKS}[^>]*>)\\s*<br />`, 'g'), '$1');
  result = result.replace(/<br \/>(\s*<\/?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)/g, '$1');
  result = result.replace(/\n<\/p>$/g, '</p>');

  for (const [name, block] of preBlocks) result = result.replace(name, () => block);
  if (result.includes('<!-- wpnl -->')) result = result.replace(/ <!-- wpnl --> |<!-- wpnl -->/g, '\n');
  return result;
}
