/**
 * Block-editor content, one post per group of blocks in `block-editor.wordpress.xml` (written from the
 * markup WordPress saves): what each block becomes in the article, how the site renders it, and the
 * report's count of what was converted, degraded or dropped.
 */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { convertPostBody, formatReport, type ImportReport } from '@/lib/import/wordpress';
import type { BodyContext } from '@/lib/import/wordpress/html-to-mdx';

import {
  bodyOf,
  filesOf,
  fixturePath,
  importExport,
  removeTemporaryFolders,
  renderMdx,
  writeToTemporaryFolder,
} from './helpers';

afterAll(removeTemporaryFolders);

const BLOCK_EXPORT = fixturePath('block-editor.wordpress.xml');

let report: ImportReport;
let articles: Map<string, string>;
let folder: string;

beforeAll(async () => {
  const imported = await importExport({ path: BLOCK_EXPORT });
  report = imported.report;
  articles = filesOf(imported.files, 'articles');
  folder = await writeToTemporaryFolder(imported.files);
});

/** The Markdown body of an imported article. */
const body = (slug: string) => bodyOf(articles.get(slug)!);

/** The article's body as the site renders it, without the white space between tags. */
const rendered = async (slug: string) =>
  (await renderMdx(join(folder, 'articles', `${slug}.mdx`))).replace(/>\s+</g, '><').trim();

const context: BodyContext = {
  postId: '1',
  siteUrl: 'https://blocks.example',
  media: { byId: new Map(), byParent: new Map() },
  reusableBlocks: new Map(),
};

describe('footnotes', () => {
  test('become Markdown footnotes, numbered as first cited, their text from the post’s footnotes meta', () => {
    expect(body('footnotes')).toBe(
      'Cramp is common in pregnancy[^1] and in older adults.[^2]\n\n' +
        'Stretching may help.[^1]\n\n' +
        '[^1]: NHS. [Leg cramps](https://www.nhs.uk/conditions/leg-cramps/), 2023.\n' +
        '[^2]: Allen RE, Kirby KA. _Nocturnal leg cramps_. Am Fam Physician 2012.\n',
    );
  });

  test('are rendered as the article’s notes, with their links', async () => {
    const html = await rendered('footnotes');
    expect(html).toContain('<a href="https://www.nhs.uk/conditions/leg-cramps/">Leg cramps</a>');
    expect(html).toMatch(/<sup><a href="#user-content-fn-1"[^>]*>/);
  });

  test('a reference to a footnote the meta does not hold loses its number, with a warning', () => {
    const converted = convertPostBody(
      '<p>Text<sup data-fn="missing" class="fn"><a href="#missing" id="missing-link">1</a></sup>.</p>',
      { ...context, footnotes: '[{"id":"other","content":"Another note"}]' },
    );
    expect(converted.markdown).toBe('Text.\n');
    expect(converted.warnings).toEqual([
      {
        kind: 'footnote',
        message: `footnote 1 (id "missing") has no text in the post's footnotes; its number was left out`,
      },
    ]);
  });

  test('footnotes meta that is not JSON is reported and the references lose their numbers', () => {
    const converted = convertPostBody('<p>Text<sup data-fn="a" class="fn"><a href="#a">1</a></sup></p>', {
      ...context,
      footnotes: '[{"id":',
    });
    expect(converted.markdown).toBe('Text\n');
    expect(converted.warnings.map((warning) => warning.message)).toContain(
      'its footnotes (post meta "footnotes") are not valid JSON; footnotes left out',
    );
  });
});

describe('quote and pullquote', () => {
  test('the citation is an attribution line beneath the quotation, not part of it', () => {
    expect(body('quotes')).toBe(
      '<figure>\n\n> Sleep is the best meditation.\n\n<figcaption>— Dalai Lama</figcaption>\n</figure>\n\n' +
        '> A quote with no one to cite.\n\n' +
        '<figure>\n\n> Testing pullquote block...\n\n<figcaption>— ...with a caption</figcaption>\n</figure>\n',
    );
  });

  test('renders as a blockquote in a figure whose caption names the source', async () => {
    expect(await rendered('quotes')).toContain(
      '<figure><blockquote><p>Sleep is the best meditation.</p></blockquote><figcaption>— Dalai Lama</figcaption></figure>',
    );
  });

  test('a citation that starts with a dash keeps its own', () => {
    expect(convertPostBody('<blockquote><p>Q</p><cite>— A. Writer</cite></blockquote>', context).markdown).toBe(
      '<figure>\n\n> Q\n\n<figcaption>— A. Writer</figcaption>\n</figure>\n',
    );
  });
});

describe('tables', () => {
  test('a table with a header row keeps it as the Markdown table’s header', () => {
    expect(body('tables')).toContain(
      '| Version | Musician |\n| --- | --- |\n| [.70](https://wordpress.org/news/2003/05/wordpress-now-available/) | No musician chosen. |\n| 1.0 | Miles Davis |',
    );
  });

  test('a table without a header row gets none: its first row stays a data row', async () => {
    expect(await rendered('tables')).toContain(
      '<table><tbody><tr><td>Monday</td><td>Swim</td></tr><tr><td>Tuesday</td><td>Walk</td></tr></tbody></table>',
    );
  });

  test('a table’s footer stays its footer and its caption its caption', async () => {
    expect(await rendered('tables')).toContain(
      '<figure><table><thead><tr><th>Food</th><th>Magnesium (mg)</th></tr></thead>' +
        '<tbody><tr><td>Spinach</td><td>79</td></tr><tr><td>Almonds</td><td>270</td></tr></tbody>' +
        '<tfoot><tr><td>Daily need</td><td>300</td></tr></tfoot></table>' +
        '<figcaption>Magnesium per 100 g</figcaption></figure>',
    );
  });

  test('a classic table whose first row is all header cells has that row as its header', () => {
    expect(
      convertPostBody('<table><tr><th>Dose</th><th>Age</th></tr><tr><td>5 ml</td><td>2–4</td></tr></table>', context)
        .markdown,
    ).toBe('| Dose | Age |\n| --- | --- |\n| 5 ml | 2–4 |\n');
  });

  test('header cells in the body keep the table as HTML, so row headers stay headers', () => {
    expect(
      convertPostBody(
        '<table><thead><tr><th></th><th>mg</th></tr></thead><tbody><tr><th>Spinach</th><td>79</td></tr></tbody></table>',
        context,
      ).markdown,
    ).toBe(
      '<table>\n<thead>\n<tr><th></th><th>mg</th></tr>\n</thead>\n<tbody>\n<tr><th>Spinach</th><td>79</td></tr>\n</tbody>\n</table>\n',
    );
  });

  test('merged cells keep their spans, in an HTML table', async () => {
    const markdown = convertPostBody(
      '<table><thead><tr><th colspan="2">Dose by age</th></tr></thead><tbody><tr><td rowspan="2">Child</td><td>5 ml</td></tr><tr><td>10 ml</td></tr></tbody></table>',
      context,
    ).markdown;
    expect(markdown).toBe(
      '<table>\n<thead>\n<tr><th colspan="2">Dose by age</th></tr>\n</thead>\n<tbody>\n<tr><td rowspan="2">Child</td><td>5 ml</td></tr>\n<tr><td>10 ml</td></tr>\n</tbody>\n</table>\n',
    );
    const folder = await writeToTemporaryFolder(
      new Map([['articles/spans.mdx', `---\ntitle: Spans\n---\n\n${markdown}`]]),
    );
    expect((await renderMdx(join(folder, 'articles/spans.mdx'))).replace(/>\s+</g, '><')).toContain(
      '<th colspan="2">Dose by age</th></tr></thead><tbody><tr><td rowspan="2">Child</td>',
    );
  });
});

describe('details', () => {
  test('keeps its fold: a real <details> with its summary, the content as Markdown', async () => {
    expect(body('details-and-file')).toContain(
      '<details>\n<summary>When to see a GP</summary>\n\nIf cramps wake you **every night**.\n\n</details>',
    );
    expect(await rendered('details-and-file')).toContain(
      '<details><summary>When to see a GP</summary><p>If cramps wake you <strong>every night</strong>.</p></details>',
    );
  });
});

describe('file', () => {
  test('the file’s name is linked to it after the button’s words, no longer run together, without the PDF preview', () => {
    expect(body('details-and-file')).toContain(
      '\n\nDownload: [Wind Farm](https://blocks.example/wp-content/uploads/2024/03/wind-farm.pdf)\n',
    );
    expect(body('details-and-file')).not.toMatch(/Wind FarmDownload|<object/);
  });

  test('a file without a download button is its name, linked', () => {
    expect(
      convertPostBody('<div class="wp-block-file"><a href="https://blocks.example/a.pdf">Leaflet</a></div>', context)
        .markdown,
    ).toBe('[Leaflet](https://blocks.example/a.pdf)\n');
  });
});

describe('gallery', () => {
  test('is a grid of figures, each image with its caption, the gallery’s caption beneath', async () => {
    const html = await rendered('gallery');
    const image = (file: string, alt: string) =>
      `<p><img src="https://blocks.example/wp-content/uploads/${file}" alt="${alt}"/></p>`;
    expect(html).toContain(
      '<figure class="gallery">' +
        `<figure>${image('2024/03/calf-stretch.jpg', 'Standing calf stretch against a wall')}<figcaption>Calf stretch</figcaption></figure>` +
        `<figure>${image('2024/03/hamstring-stretch.jpg', 'Seated hamstring stretch')}<figcaption>Hamstring stretch</figcaption></figure>` +
        `<figure>${image('2024/03/foot-flex.jpg', 'Flexing the foot upwards')}</figure>` +
        '<figcaption>Three stretches before bed</figcaption></figure>',
    );
  });

  test('a gallery of WordPress 5 (a list of images) is the same grid, not a list', async () => {
    const html = await rendered('gallery');
    expect(html).toContain(
      '<figure class="gallery"><figure><p><img src="https://blocks.example/wp-content/uploads/2019/05/water.jpg" alt="A glass of water"/></p><figcaption>Drink water</figcaption></figure>',
    );
    expect(html).not.toContain('<li>');
  });
});

describe('embeds', () => {
  test('each is a link naming what it is, the provider and its caption; no frame, nothing fetched', () => {
    expect(body('embeds')).toBe(
      '[Video on YouTube: Three stretches for night cramps](https://www.youtube.com/watch?v=dQw4w9WgXcQ)\n\n' +
        '[Post on X (Twitter)](https://twitter.com/nhsuk/status/1234567890)\n\n' +
        '[Post on Facebook: The NHS on cramp](https://www.facebook.com/nhswebsite/posts/123)\n\n' +
        '[Video on Vimeo](https://vimeo.com/22439234)\n',
    );
  });

  test('an embed saved with its frame is still a link, and the frame is not written', () => {
    const markdown = convertPostBody(
      '<figure class="wp-block-embed is-type-video is-provider-youtube"><div class="wp-block-embed__wrapper"><iframe title="Stretches" src="https://www.youtube.com/embed/abc"></iframe></div></figure>',
      context,
    ).markdown;
    expect(markdown).toBe('[Video on YouTube](https://www.youtube.com/embed/abc)\n');
  });

  test('a classic post’s [embed] and address on a line of its own are named the same way', () => {
    expect(convertPostBody('[embed]https://vimeo.com/22439234[/embed]', context).markdown).toBe(
      '[Video on Vimeo](https://vimeo.com/22439234)\n',
    );
    expect(convertPostBody('Our post:\n\nhttps://x.com/nhsuk/status/1\n\nMore.', context).markdown).toBe(
      'Our post:\n\n[Post on X (Twitter)](https://x.com/nhsuk/status/1)\n\nMore.\n',
    );
  });

  test('an embed from a provider nobody listed names its host', () => {
    const markdown = convertPostBody(
      '<figure class="wp-block-embed"><div class="wp-block-embed__wrapper">\nhttps://health.example.org/talk\n</div></figure>',
      context,
    ).markdown;
    expect(markdown).toBe('[Content on health.example.org](https://health.example.org/talk)\n');
  });
});

describe('layout blocks', () => {
  test('media and text keeps both halves, in the order the block shows them', () => {
    expect(body('layout-blocks')).toMatch(
      /^\[Video: stretch\.mp4\]\(https:\/\/blocks\.example\/wp-content\/uploads\/2024\/03\/stretch\.mp4\)\n\nHold each stretch for 30 seconds\.\n\nWarm socks help some people\.\n\n!\[Woollen socks\]\(https:\/\/blocks\.example\/wp-content\/uploads\/2024\/03\/socks\.jpg\)\n/,
    );
  });

  test('columns keep their order', () => {
    expect(body('layout-blocks')).toContain('First column.\n\nSecond column.');
  });

  test('buttons are links, each on its own line', () => {
    expect(body('layout-blocks')).toContain(
      '[Read the NHS page](https://www.nhs.uk/conditions/leg-cramps/)\n\n[Get help from 111](https://111.nhs.uk/)',
    );
  });

  test('a cover keeps its image and its text', () => {
    expect(body('layout-blocks')).toMatch(
      /!\[\]\(https:\/\/blocks\.example\/wp-content\/uploads\/2024\/03\/night\.jpg\)\n\nSleep well\n$/,
    );
  });
});

describe('verse, preformatted and code', () => {
  test('a verse keeps its line breaks and its emphasis', () => {
    expect(body('verse-preformatted-code')).toMatch(
      /^The calf _aches_ at two, {2}\nthe foot curls in the sheet, {2}\nand morning is far\.\n\n/,
    );
  });

  test('preformatted text and code keep their line breaks, saved as <br>', () => {
    expect(body('verse-preformatted-code')).toContain(
      '```\nStretch   30 s\nRest      10 s\nRepeat     3 times\n```\n\n```\nif (cramp) {\n  stretch();\n}\n```',
    );
  });

  test('a verse keeps the indent of its lines', () => {
    expect(convertPostBody('<pre class="wp-block-verse">one<br>   two</pre>', context).markdown).toBe(
      'one  \n\u00a0\u00a0\u00a0two\n',
    );
  });

  test('a verse line that would start a list is text', () => {
    expect(convertPostBody('<pre class="wp-block-verse">one<br>- two</pre>', context).markdown).toBe(
      'one  \n\\- two\n',
    );
  });
});

describe('the report', () => {
  test('counts, per block type, how many were converted, degraded and dropped', () => {
    expect(report.blocks['core/table']).toEqual({ converted: 3, degraded: {}, dropped: {} });
    expect(report.blocks['core/footnotes']).toEqual({ converted: 1, degraded: {}, dropped: {} });
    expect(report.blocks['core/embed']).toEqual({
      converted: 0,
      degraded: { 'a link naming the provider and title, not the embedded player': 4 },
      dropped: {},
    });
    expect(report.blocks['core/file']).toEqual({
      converted: 0,
      degraded: { 'its PDF preview was left out; name and link kept': 1 },
      dropped: {},
    });
    expect(report.blocks['core/media-text']).toEqual({
      converted: 1,
      degraded: { 'its video is a link to the file, not a player': 1 },
      dropped: {},
    });
    expect(report.blocks['core/latest-posts']).toEqual({
      converted: 0,
      degraded: {},
      dropped: { 'built by WordPress when a page is shown; the export has none of it': 1 },
    });
    expect(report.blocks['core/image']).toEqual({ converted: 3, degraded: {}, dropped: {} });
  });

  test('prints a line per block type and one per way they were degraded', () => {
    const printed = formatReport(report);
    expect(printed).toMatch(/\nBlocks, by type\n/);
    expect(printed).toMatch(/\n {2}core\/embed +0 converted, 4 degraded, 0 dropped\n {4}4 degraded: a link naming/);
    expect(printed).toMatch(/\n {2}core\/quote +2 converted, 0 degraded, 0 dropped\n/);
  });

  test('a classic export has no blocks to count, and no section for them', () => {
    expect(formatReport({ ...report, blocks: {} })).not.toContain('Blocks, by type');
  });
});

test('every imported article passes the content check', () => {
  expect(checkContent(folder, folder).problems.map(formatProblem)).toEqual([]);
});
