/**
 * Whatever block markup a post holds, nested in any way and with any text, the importer writes MDX
 * the content check accepts: the figures, folds, tables and attribution lines it writes as JSX
 * never break the file or let text out of its escaping.
 */
import fc from 'fast-check';
import { afterAll, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';

import { importExport, removeTemporaryFolders, writeToTemporaryFolder, wxr } from './helpers';

afterAll(removeTemporaryFolders);

/** Text with the characters that matter to Markdown, MDX and HTML, and the importer's private markers. */
const text = fc.oneof(
  fc.string({
    unit: fc.constantFrom(...'ab <>&{}"\'\\#-*_`[]|>\n\u00a0—\uE000\uE001\uE004\uE005\uE006'),
    maxLength: 12,
  }),
  fc.constantFrom(
    '',
    ' ',
    'import x from "y"',
    '{alert(1)}',
    '</figure>',
    '<figcaption>',
    '- item',
    '> quote',
    '1. one',
  ),
);

/** Block markup as WordPress saves it, nested to any depth, around arbitrary text. */
const { markup } = fc.letrec<{ markup: string }>((tie) => ({
  markup: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(tie('markup'), text)
      .map(([inner, cite]) => `<blockquote class="wp-block-quote">${inner}<cite>${cite}</cite></blockquote>`),
    fc
      .tuple(tie('markup'), text)
      .map(([inner, cite]) => `<blockquote><p>${inner}</p><p><cite>${cite}</cite></p></blockquote>`),
    fc
      .tuple(tie('markup'), text)
      .map(([inner, caption]) => `<figure>${inner}<figcaption>${caption}</figcaption></figure>`),
    fc.tuple(tie('markup'), text).map(([inner, summary]) => `<details><summary>${summary}</summary>${inner}</details>`),
    fc
      .tuple(tie('markup'), tie('markup'), text, fc.boolean())
      .map(
        ([head, cell, caption, withFooter]) =>
          `<figure class="wp-block-table"><table>${withFooter ? `<thead><tr><th>${head}</th></tr></thead>` : ''}<tbody><tr><td>${cell}</td><th>${caption}</th></tr></tbody>${withFooter ? `<tfoot><tr><td>${caption}</td></tr></tfoot>` : ''}<caption>${caption}</caption></table><figcaption>${caption}</figcaption></figure>`,
      ),
    fc
      .tuple(tie('markup'), text)
      .map(
        ([inner, caption]) =>
          `<figure class="wp-block-gallery has-nested-images"><figure class="wp-block-image"><img src="https://blog.example/a.jpg" alt="${caption.replace(/"/g, '&quot;')}"/><figcaption>${inner}</figcaption></figure><figcaption class="blocks-gallery-caption">${caption}</figcaption></figure>`,
      ),
    text.map(
      (caption) =>
        `<figure class="wp-block-embed is-provider-youtube"><div class="wp-block-embed__wrapper">\nhttps://www.youtube.com/watch?v=a\n</div><figcaption>${caption}</figcaption></figure>`,
    ),
    fc
      .tuple(text, text)
      .map(
        ([name, button]) =>
          `<div class="wp-block-file"><a href="https://blog.example/f.pdf">${name}</a><a href="https://blog.example/f.pdf" class="wp-block-file__button" download>${button}</a></div>`,
      ),
    fc.tuple(text, text).map(([first, second]) => `<pre class="wp-block-verse">${first}<br>${second}</pre>`),
    fc.tuple(text, text).map(([first, second]) => `<pre class="wp-block-preformatted">${first}<br>${second}</pre>`),
    fc.tuple(tie('markup'), text).map(([inner, label]) => `<a href="https://x.example/">${inner}${label}</a>`),
    tie('markup').map((inner) => `<ul><li>${inner}</li></ul>`),
    tie('markup').map((inner) => `<p><em>${inner}</em><sup data-fn="n1" class="fn"><a href="#n1">1</a></sup></p>`),
    fc.tuple(tie('markup'), tie('markup')).map(([first, second]) => `${first}\n\n${second}`),
  ),
}));

test('any nesting of block markup imports into files the content check accepts', { timeout: 180_000 }, async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(markup, { minLength: 1, maxLength: 3 }), text, async (bodies, note) => {
      const xml = wxr(
        ...bodies.map((body, index) => ({
          id: index + 1,
          content: `<!-- wp:group -->${body}<!-- /wp:group -->`,
        })),
      ).replaceAll(
        '</wp:post_password>',
        `</wp:post_password><wp:postmeta><wp:meta_key>footnotes</wp:meta_key><wp:meta_value><![CDATA[${JSON.stringify([{ id: 'n1', content: note }]).replace(/]]>/g, ']]]]><![CDATA[>')}]]></wp:meta_value></wp:postmeta>`,
      );
      const { files } = await importExport({ xml });
      const folder = await writeToTemporaryFolder(files);
      expect(checkContent(folder, folder).problems.map(formatProblem)).toEqual([]);
    }),
    { numRuns: 120 },
  );
});
