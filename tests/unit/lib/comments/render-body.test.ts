import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, test } from 'vitest';

import { renderCommentBody } from '@/lib/comments';

describe('renderCommentBody', () => {
  test('turns a single newline into a line break', () => {
    expect(renderCommentBody('first line\nsecond line')).toBe('<p>first line<br>\nsecond line</p>');
  });

  test('turns a blank line into a new paragraph', () => {
    expect(renderCommentBody('one\n\ntwo')).toBe('<p>one</p>\n<p>two</p>');
  });

  test('keeps lines that Markdown would turn into lists, headings or code as the writer typed them', () => {
    const html = renderCommentBody('-My hips are popping\n- it hurts\n1. first\n# 3 weeks\n***\n    indented');
    expect(html).not.toMatch(/<(ul|ol|li|h\d|hr|pre)\b/);
    expect(html).toContain('-My hips are popping<br>\n- it hurts<br>\n1. first<br>\n# 3 weeks<br>\n***<br>\nindented');
  });

  test('keeps typographic quotes, ellipses and ampersands', () => {
    expect(renderCommentBody('it’s “fine”… D&C')).toBe('<p>it’s “fine”… D&#x26;C</p>');
  });

  test('shows WordPress comment tags such as <strong> and <em>', () => {
    expect(renderCommentBody('<strong>very</strong> <em>sore</em> <del>old</del>')).toBe(
      '<p><strong>very</strong> <em>sore</em> <del>old</del></p>',
    );
  });

  test('turns bare web addresses into links (GFM autolinks)', () => {
    expect(renderCommentBody('see www.nhs.uk or https://example.org/a?b=c')).toBe(
      '<p>see <a href="http://www.nhs.uk" rel="nofollow ugc noopener">www.nhs.uk</a> or ' +
        '<a href="https://example.org/a?b=c" rel="nofollow ugc noopener">https://example.org/a?b=c</a></p>',
    );
  });

  test('writes the obsolete tags WordPress allows as the elements HTML has for them now', () => {
    expect(renderCommentBody('<acronym title="For the win">ftw</acronym> <strike>gone</strike>')).toBe(
      '<p><abbr title="For the win">ftw</abbr> <s>gone</s></p>',
    );
  });

  test('shows GFM strikethrough', () => {
    expect(renderCommentBody('~~wrong~~ right')).toBe('<p><del>wrong</del> right</p>');
  });

  test('marks every link nofollow, ugc and noopener, replacing any rel the writer gave', () => {
    const html = renderCommentBody('[a](https://a.example) <a href="https://b.example" rel="me">b</a>');
    expect(html.match(/rel="nofollow ugc noopener"/g)).toHaveLength(2);
    expect(html).not.toContain('rel="me"');
  });

  test('removes scripts but keeps their text visible as text', () => {
    const html = renderCommentBody('before <script>alert(1)</script> after');
    expect(html).not.toContain('<script');
    expect(html).toContain('before');
    expect(html).toContain('after');
  });

  test('keeps the text of a link whose address was removed, as plain text', () => {
    expect(renderCommentBody('see <a href="javascript:alert(1)">this page</a> now')).toBe('<p>see this page now</p>');
  });

  test('drops event-handler attributes', () => {
    expect(renderCommentBody('<b onclick="alert(1)" onmouseover=alert(2)>x</b>')).toBe('<p><b>x</b></p>');
  });

  test.each([
    ['a Markdown link', '[click](javascript:alert(1))'],
    ['an HTML link', '<a href="javascript:alert(1)">click</a>'],
    ['a mixed-case, entity-encoded link', '<a href="JaVa&#x53;cript&colon;alert(1)">click</a>'],
    ['a data URL', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>'],
    ['a vbscript URL', '[click](vbscript:msgbox(1))'],
  ])('removes the address of %s with a dangerous protocol', (_, body) => {
    const html = renderCommentBody(body);
    expect(html).not.toMatch(/javascript|vbscript|data:/i);
    expect(html).toContain('click');
  });

  test('removes elements that load or embed content', () => {
    const html = renderCommentBody(
      '<iframe src="https://evil.example"></iframe><img src=x onerror=alert(1)><object data="x"></object><svg onload=alert(1)></svg><style>body{display:none}</style><form action="https://evil.example"><input></form>',
    );
    expect(html).not.toMatch(/<(iframe|img|object|svg|style|form|input)\b/);
    expect(html).not.toMatch(/onerror|onload/);
  });

  test('prefixes ids and names so a comment cannot clobber page globals', () => {
    expect(renderCommentBody('<a name="location" id="forms">x</a>')).not.toMatch(/(id|name)="(location|forms)"/);
  });

  test('escapes a closing script tag written as text', () => {
    expect(renderCommentBody('a </script> b')).not.toContain('</script>');
  });

  test('renders the same body to the same HTML every time', () => {
    const body = 'cached?\nyes';
    expect(renderCommentBody(body)).toBe(renderCommentBody(body));
  });
});

test('makes a code block focusable, so keyboard users can scroll it', () => {
  expect(renderCommentBody('```\nconst x = 1;\n```')).toBe('<pre tabindex="0"><code>const x = 1;\n</code></pre>');
});

test('never leaves a block inside a paragraph, whatever raw HTML the parser meets (invalid HTML on the page)', () => {
  // Foreign content: the HTML parser keeps the Markdown paragraph after it inside the first one.
  const html = renderCommentBody('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>\n\n(Attack 49.)');
  const tree = fromHtml(html, { fragment: true });
  const nested: string[] = [];
  visit(tree, 'element', (node, _, parent) => {
    if (['p', 'blockquote', 'pre'].includes(node.tagName) && parent?.type === 'element' && parent.tagName === 'p')
      nested.push(`${node.tagName} in p`);
  });
  expect(nested).toEqual([]);
  expect(html).toContain('(Attack 49.)');
  expect(html).not.toMatch(/<img/);
});
