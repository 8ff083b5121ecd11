/**
 * The content check and the build read every content file the same way: whatever the check passes,
 * the build's loader reads as the same data, and whatever the build could not read, the check refuses
 * first with one line saying what to do. "The build" here is Astro's real glob loader and MDX entry
 * type, run through the site's `contentGlob` as `src/content.config.ts` runs them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import mdx from '@astrojs/mdx';
import { afterAll, describe, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { contentGlob } from '@/lib/content-loader';
import { articleSchema } from '@/schemas/article';

const folders: string[] = [];
afterAll(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

/** A content folder holding `files` (path → text or bytes). */
function contentFolder(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'content-agreement-'));
  folders.push(root);
  for (const [path, contents] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), contents);
  }
  return root;
}

/** The content check's lines for a folder, file names relative to it. */
const checkLines = (root: string) => checkContent(root, root).problems.map(formatProblem);

/** Astro's MDX entry type, as `@astrojs/mdx` gives it to Astro. */
async function mdxEntryType() {
  let entryType: unknown;
  const setup = mdx().hooks['astro:config:setup'] as (params: Record<string, unknown>) => Promise<void>;
  await setup({
    updateConfig: () => undefined,
    config: { markdown: {} },
    addPageExtension: () => undefined,
    addRenderer: () => undefined,
    addContentEntryType: (type: unknown) => (entryType = type),
  });
  return entryType;
}

/**
 * What the build's loader reads from `root/folder` (by entry id): the data handed to the schema, or
 * the error that stops it. Astro's own JSON and YAML readers are left out on purpose: they must not be
 * what reads the site's files.
 */
async function buildReads(root: string, folder: string, pattern: string): Promise<Map<string, unknown> | Error> {
  const entries = new Map<string, unknown>();
  const refuse = () => {
    throw new Error("Astro's own reader was used");
  };
  const context = {
    collection: folder,
    config: { root: pathToFileURL(`${root}/`), srcDir: pathToFileURL(`${root}/src/`) },
    logger: { warn: refuse, error: refuse, info: () => undefined, debug: () => undefined },
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (text: string) => createHash('sha256').update(text).digest('hex'),
    store: {
      keys: () => [...entries.keys()],
      get: () => undefined,
      set: ({ id, data }: { id: string; data: unknown }) => entries.set(id, data),
      delete: (id: string) => entries.delete(id),
      addModuleImport: () => undefined,
      addAssetImports: () => undefined,
    },
    entryTypes: new Map<string, unknown>([
      ['.mdx', await mdxEntryType()],
      ['.json', { extensions: ['.json'], getEntryInfo: refuse }],
      ['.yaml', { extensions: ['.yaml'], getEntryInfo: refuse }],
    ]),
  };
  try {
    await contentGlob({ pattern, base: join(root, folder) }).load(context as never);
    return entries;
  } catch (error) {
    return error as Error;
  }
}

const article = (frontmatter: string, body = 'Text.') =>
  `---\n${frontmatter.trim()}\ndescription: What helps.\npublished: 2024-05-01\n---\n\n${body}\n`;

describe('YAML values that are not text', () => {
  test('an unquoted date in a text field is the text the editor wrote, for the check and the build', async () => {
    const root = contentFolder({
      'articles/dated.mdx': `---
title: 2024-01-01
description: 2024-01-02
published: 2024-05-01
tags: [2024-01-03]
references:
  - title: 2024-01-04
    url: https://example.org/
---

Text.
`,
      'people/dated.yaml': 'name: 2024-01-05\n',
    });
    expect(checkLines(root)).toEqual([]);
    const articles = (await buildReads(root, 'articles', '**/*.mdx')) as Map<string, Record<string, unknown>>;
    expect(articles.get('dated')).toMatchObject({
      title: '2024-01-01',
      description: '2024-01-02',
      tags: ['2024-01-03'],
      references: [{ title: '2024-01-04' }],
    });
    expect(articleSchema().parse(articles.get('dated')).title).toBe('2024-01-01');
    expect(await buildReads(root, 'people', '**/*.yaml')).toEqual(new Map([['dated', { name: '2024-01-05' }]]));
  });

  test('an unquoted number or yes/no in a text field is refused by the check, saying to put it in quotes', async () => {
    const root = contentFolder({ 'articles/numbers.mdx': article('title: 2024\ntags: [true]') });
    expect(checkLines(root)).toEqual([
      'articles/numbers.mdx:2:1: article "numbers", field "title": should be text, but the unquoted 2024 is read as a number. Fix: put it in quotes: "2024".',
      'articles/numbers.mdx:3:8: article "numbers", field "tags[1]": should be text, but the unquoted true is read as a yes/no value. Fix: put it in quotes: "true".',
    ]);
    // The build reads the same values, which the same schema refuses.
    const articles = (await buildReads(root, 'articles', '**/*.mdx')) as Map<string, unknown>;
    expect(articles.get('numbers')).toMatchObject({ title: 2024, tags: [true] });
    expect(articleSchema().safeParse(articles.get('numbers')).success).toBe(false);
  });

  test('the build reads an unquoted year-1 date as written, not as 1901', async () => {
    const root = contentFolder({
      'articles/old.mdx': '---\ntitle: Old\ndescription: D.\npublished: 0001-01-01\n---\n',
    });
    const articles = (await buildReads(root, 'articles', '**/*.mdx')) as Map<string, Record<string, unknown>>;
    expect(articles.get('old')?.published).toBe('0001-01-01');
  });
});

describe('dates outside 1900 to 2200', () => {
  const yearFix = (first: number) =>
    `must be a date between the years ${first} and 2200. Fix: check the year, and write the date as YYYY-MM-DD, for example 2024-05-01: dates from ${first}-01-01 to 2200-12-31 are accepted.`;

  test('are refused in every date of an article, a site page and a comment', () => {
    const root = contentFolder({
      'people/jo.yaml': 'name: Jo\n',
      'articles/dates.mdx': `---
title: Dates
description: D.
published: 0001-01-01
updated: 9999-12-31
lastReviewed: 1899-12-31
medicalReview:
  reviewer: jo
  date: 2201-01-01
references:
  - title: Cholera
    url: https://example.org/
    date: 1855-01-01
  - title: Typo
    url: https://example.org/
    date: 0024-01-01
---
`,
      'comments/dates.json': JSON.stringify({
        comments: [
          { id: 'a', body: 'x', date: '0001-01-01' },
          { id: 'b', body: 'x', date: '9999-12-31T23:00:00Z' },
          { id: 'c', body: 'x', date: '1900-01-01T00:30:00+01:00' },
        ],
      }),
      'pages/about.mdx': '---\ntitle: About\ndescription: D.\nupdated: 0024-01-01\n---\n',
    });
    expect(checkLines(root)).toEqual([
      `articles/dates.mdx:4:1: article "dates", field "published": ${yearFix(1900)}`,
      `articles/dates.mdx:5:1: article "dates", field "updated": ${yearFix(1900)}`,
      `articles/dates.mdx:9:3: article "dates", field "medicalReview.date": ${yearFix(1900)}`,
      `articles/dates.mdx:6:1: article "dates", field "lastReviewed": ${yearFix(1900)}`,
      `articles/dates.mdx:16:5: article "dates", field "references[2].date": ${yearFix(1800)}`,
      `comments/dates.json:1:35: comment "a", field "date": ${yearFix(1900)}`,
      `comments/dates.json:1:77: comment "b", field "date": ${yearFix(1900)}`,
      `pages/about.mdx:4:1: page "about", field "updated": ${yearFix(1900)}`,
    ]);
  });
});

describe('control characters', () => {
  test('are refused in every text field of an article, a person and a site page, naming the character', () => {
    const root = contentFolder({
      'people/jo.yaml':
        'name: "Jo\\0"\ncredentials: "MB\\x1b"\nbio: "\\u0007Bio"\nprofileUrl: "https://example.org/\\0"\n',
      'articles/nul.mdx': `---
title: "Leg\\0 cramps"
description: "Why\\x85"
published: 2024-05-01
tags: ["sleep\\b"]
references:
  - title: "Ref\\x7f"
    publisher: "\\uD800NHS"
    url: https://example.org/
---
`,
      'pages/about.mdx': '---\ntitle: "About\\x01"\ndescription: "Line one\\nline two\\tand a tab"\n---\n',
    });
    const fix = 'Fix: delete it; in YAML, look for an escape such as "\\0", "\\x1b" or "\\u0007" inside double quotes.';
    const at = (codePoint: string, position: number) =>
      `contains the control character ${codePoint} at character ${position}, which no page can show. ${fix}`;
    expect(checkLines(root)).toEqual([
      `people/jo.yaml:1:1: person "jo", field "name": ${at('U+0000', 3)}`,
      `people/jo.yaml:2:1: person "jo", field "credentials": ${at('U+001B', 3)}`,
      `people/jo.yaml:3:1: person "jo", field "bio": ${at('U+0007', 1)}`,
      `people/jo.yaml:4:1: person "jo", field "profileUrl": ${at('U+0000', 21)}`,
      `articles/nul.mdx:2:1: article "nul", field "title": ${at('U+0000', 4)}`,
      `articles/nul.mdx:3:1: article "nul", field "description": ${at('U+0085', 4)}`,
      `articles/nul.mdx:5:8: article "nul", field "tags[1]": ${at('U+0008', 6)}`,
      `articles/nul.mdx:7:5: article "nul", field "references[1].title": ${at('U+007F', 4)}`,
      `articles/nul.mdx:8:5: article "nul", field "references[1].publisher": ${at('U+D800', 1)}`,
      `pages/about.mdx:2:1: page "about", field "title": ${at('U+0001', 6)}`,
    ]);
  });
});

describe('encodings', () => {
  const BOM = '\uFEFF';
  const comments = JSON.stringify({ comments: [{ id: 'q1', body: 'Café?' }] }, null, 2);

  test('a UTF-8 byte-order mark is accepted by the check and the build in every kind of file', async () => {
    const root = contentFolder({
      'articles/bom.mdx': `${BOM}${article('title: Bom')}`,
      'comments/bom.json': `${BOM}${comments}`,
      'people/bom.yaml': `${BOM}name: Bo\n`,
    });
    expect(checkLines(root)).toEqual([]);
    expect(((await buildReads(root, 'articles', '**/*.mdx')) as Map<string, unknown>).get('bom')).toMatchObject({
      title: 'Bom',
    });
    expect(await buildReads(root, 'comments', '**/*.json')).toEqual(new Map([['bom', JSON.parse(comments)]]));
    expect(await buildReads(root, 'people', '**/*.yaml')).toEqual(new Map([['bom', { name: 'Bo' }]]));
  });

  test('bytes that are not UTF-8 are refused by the check and the build, naming the line', async () => {
    const latin1 = Buffer.from(comments.replace('Café', 'Caf\u00e9'), 'latin1');
    const root = contentFolder({ 'comments/latin1.json': latin1 });
    const line =
      'comments/latin1.json: is not UTF-8: line 5 holds bytes of another encoding. Fix: save the file as UTF-8 (in most editors: "Save with encoding" or "Reopen with encoding", then UTF-8).';
    expect(checkLines(root)).toEqual([line]);
    expect(await buildReads(root, 'comments', '**/*.json')).toEqual(new Error(line));
  });

  test('a Latin-1 article or person is refused too', () => {
    const root = contentFolder({
      'articles/latin1.mdx': Buffer.from(article('title: Caf\u00e9'), 'latin1'),
      'people/latin1.yaml': Buffer.from('name: Zo\u00eb\n', 'latin1'),
    });
    expect(checkLines(root).map((found) => found.replace(/\. Fix: .*/, ''))).toEqual([
      'people/latin1.yaml: person "latin1": is not UTF-8: line 1 holds bytes of another encoding',
      'articles/latin1.mdx: article "latin1": is not UTF-8: line 2 holds bytes of another encoding',
    ]);
  });
});

describe('files the build would skip', () => {
  test('are reported with the extension their folder reads', () => {
    const root = contentFolder({
      'articles/x.md': article('title: X'),
      'articles/.DS_Store': 'finder',
      'comments/x.txt': '{}',
      'people/x.yml': 'name: X\n',
      'pages/x.md': '---\ntitle: X\ndescription: D.\n---\n',
    });
    expect(checkContent(root, root).notes).toEqual([]);
    expect(checkLines(root)).toEqual([
      'articles/x.md: is ignored: articles end in .mdx. Fix: rename it to x.mdx, or move it out of the content folder.',
      'comments/x.txt: is ignored: comments files end in .json. Fix: rename it to x.json, or move it out of the content folder.',
      'people/x.yml: is ignored: people files end in .yaml. Fix: rename it to x.yaml, or move it out of the content folder.',
      'pages/x.md: is ignored: site pages end in .mdx. Fix: rename it to x.mdx, or move it out of the content folder.',
    ]);
  });

  test('a folder the site does not read, such as a misspelt article/, is noted', () => {
    const root = contentFolder({
      'article/x.mdx': article('title: X'),
      'notes.txt': 'ideas',
      '.git/HEAD': 'x',
      'media/2020/01/leaflet.pdf': '%PDF-1.4',
    });
    expect(checkContent(root, root).notes).toEqual([
      'article: not read by the site, which reads only articles/, comments/, people/, pages/, media/ and redirects.yaml in the content folder.',
      'notes.txt: not read by the site, which reads only articles/, comments/, people/, pages/, media/ and redirects.yaml in the content folder.',
    ]);
  });
});
