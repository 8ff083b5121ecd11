import { describe, expect, test } from 'vitest';

import { convertPostBody } from '@/lib/import/wordpress';
import type { BodyContext } from '@/lib/import/wordpress/html-to-mdx';

const context: BodyContext = {
  postId: '1',
  siteUrl: 'https://blog.example',
  media: {
    byId: new Map([
      ['5', { id: '5', url: 'https://blog.example/cat.jpg', alt: 'A sleeping cat', parentId: '1', menuOrder: 0 }],
    ]),
    byParent: new Map(),
  },
  reusableBlocks: new Map([['40', '<!-- wp:paragraph --><p>See your GP if it lasts.</p><!-- /wp:paragraph -->']]),
};

const markdownOf = (html: string) => convertPostBody(html, context).markdown;
const warningsOf = (html: string) => convertPostBody(html, context).warnings;

describe('post body conversion', () => {
  test('gives a classic post its paragraphs and line breaks, as WordPress shows it', () => {
    expect(markdownOf('First line\nsecond line\n\nSecond paragraph.')).toBe(
      'First line  \nsecond line\n\nSecond paragraph.\n',
    );
  });

  test('keeps a paragraph word for word, straight quotes included', () => {
    const paragraph = `The saying goes; "prevention is better that a cure." That's what the article says (30 minutes).`;
    expect(markdownOf(paragraph)).toBe(`${paragraph}\n`);
  });

  test('removes block-editor comments and keeps the blocks’ content', () => {
    expect(markdownOf('<!-- wp:paragraph -->\n<p>One <strong>block</strong></p>\n<!-- /wp:paragraph -->')).toBe(
      'One **block**\n',
    );
  });

  test('escapes braces, angle brackets and character references so MDX shows them as text', () => {
    expect(markdownOf('Use {name} and &lt;Component /&gt; or &amp;amp; here.')).toBe(
      'Use \\{name\\} and \\<Component /> or \\&amp; here.\n',
    );
  });

  test('writes a paragraph starting with import or export as text, not a module statement', () => {
    expect(markdownOf("import { x } from 'y'\n\nexport default 1")).toBe(
      "&#x69;mport \\{ x \\} from 'y'\n\n&#x65;xport default 1\n",
    );
  });

  test('removes scripts, forms and embedded objects, and reports them', () => {
    expect(markdownOf('<p>Before</p><script>alert(1)</script><form><input></form><p>After</p>')).toBe(
      'Before\n\nAfter\n',
    );
    expect(warningsOf('<script>alert(1)</script>')).toEqual([
      { kind: 'removed', message: 'removed 1 <script> element' },
    ]);
  });

  test('keeps the text of a link whose address could run code, without the link', () => {
    expect(markdownOf('<p><a href="javascript:alert(1)">Click</a> and <a href="https://nhs.uk/">NHS</a></p>')).toBe(
      'Click and [NHS](https://nhs.uk/)\n',
    );
  });

  test('points root-relative links and images at the WordPress site they came from', () => {
    expect(markdownOf('<p><a href="/about/">About</a> <img src="/wp-content/x.png" alt="X"></p>')).toBe(
      '[About](https://blog.example/about/) ![X](https://blog.example/wp-content/x.png)\n',
    );
  });

  test('keeps images with their alternative text, taken from the media library when the tag has none', () => {
    expect(markdownOf('<img class="wp-image-5" src="https://blog.example/cat.jpg">')).toBe(
      '![A sleeping cat](https://blog.example/cat.jpg)\n',
    );
  });

  test('reports images that have no alternative text', () => {
    expect(warningsOf('<img src="https://blog.example/a.jpg"><img src="https://blog.example/b.jpg">')).toEqual([
      { kind: 'alt-text', message: '2 images have no alternative text' },
    ]);
  });

  test('starts the post’s headings at h2, under the page title, keeping their order', () => {
    expect(markdownOf('<h1>Top</h1><h3>Lower</h3>')).toBe('## Top\n\n#### Lower\n');
    expect(markdownOf('<h3>Only level</h3>')).toBe('## Only level\n');
  });

  test('turns a table into a GitHub-flavoured Markdown table', () => {
    expect(
      markdownOf(
        '<table><thead><tr><th>Symptom</th><th>Common</th></tr></thead><tbody><tr><td>a|b</td><td><em>yes</em></td></tr></tbody></table>',
      ),
    ).toBe('| Symptom | Common |\n| --- | --- |\n| a\\|b | _yes_ |\n');
  });

  test('keeps code blocks verbatim, braces and tags included', () => {
    expect(markdownOf('<pre><code>if (a) { b(); } // &lt;div&gt;</code></pre>')).toBe(
      '```\nif (a) { b(); } // <div>\n```\n',
    );
  });

  test('links an address on a line of its own, which WordPress would embed, naming a known provider', () => {
    expect(markdownOf('Watch this:\n\nhttps://www.youtube.com/watch?v=abc')).toBe(
      'Watch this:\n\n[Video on YouTube](https://www.youtube.com/watch?v=abc)\n',
    );
    expect(markdownOf('See:\n\nhttps://health.example.org/page')).toBe(
      'See:\n\n[https://health.example.org/page](https://health.example.org/page)\n',
    );
  });

  test('fills in reusable blocks', () => {
    expect(markdownOf('<!-- wp:block {"ref":40} /-->')).toBe('See your GP if it lasts.\n');
  });

  test('reports blocks that WordPress builds when the page is shown', () => {
    expect(warningsOf('<!-- wp:latest-posts /--><!-- wp:spacer /-->')).toEqual([
      { kind: 'dynamic-block', message: 'left out wp:latest-posts' },
    ]);
  });
});

describe('post bodies that once stopped the import', () => {
  test('an audio file whose address has broken percent-encoding becomes a link named as written', () => {
    expect(markdownOf('<audio src="https://x.example/a%E0%A4%A.mp3"></audio>')).toBe(
      '[Audio: a%E0%A4%A.mp3](https://x.example/a%E0%A4%A.mp3)\n',
    );
  });

  test.each([
    ['<div>', '</div>'],
    ['<b>', '</b>'],
    ['<blockquote>', '</blockquote>'],
    ['<ul><li>', '</li></ul>'],
  ])('%s nested 2,000 deep is flattened below 100 levels, keeping its text, with a warning', (open, close) => {
    const converted = convertPostBody(`${open.repeat(2000)}deep text${close.repeat(2000)}`, context);
    expect(converted.markdown).toContain('deep text');
    const nesting = converted.warnings.filter((warning) => warning.kind === 'nesting');
    expect(nesting.map((warning) => warning.message)).toEqual([
      expect.stringMatching(/^elements nested \d{4} deep; those below level 100 were flattened, their text kept$/),
    ]);
  });
});
