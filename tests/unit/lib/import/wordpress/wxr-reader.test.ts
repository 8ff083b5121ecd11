import { readFile } from 'node:fs/promises';

import { describe, expect, test } from 'vitest';

import { readWxr, WxrError, type ExportChunks, type WxrItem } from '@/lib/import/wordpress';

import { fixturePath, HOSTILE_EXPORT, SEED_EXPORT, THEME_DATA } from './helpers';

async function readAll(chunks: ExportChunks) {
  const items: WxrItem[] = [];
  const authors: string[] = [];
  let site;
  for await (const record of readWxr(chunks)) {
    if (record.kind === 'item') items.push(record.item);
    else if (record.kind === 'author') authors.push(record.author.displayName);
    else site = record.site;
  }
  return { items, authors, site };
}

async function failureOf(text: string): Promise<WxrError> {
  const error = await readAll([text]).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WxrError);
  return error as WxrError;
}

describe('the WXR reader', () => {
  test('reads the site, its authors and all 186 items of the theme test data', async () => {
    const { items, authors, site } = await readAll([await readFile(THEME_DATA)]);
    expect(site).toEqual({
      title: 'Theme Unit Test Data',
      link: 'https://wpthemetestdata.wordpress.com',
      baseSiteUrl: 'https://wordpress.com/',
      baseBlogUrl: 'https://wpthemetestdata.wordpress.com',
      wxrVersion: '1.2',
    });
    expect(authors).toEqual(['Theme Buster', 'Theme Reviewer']);
    const types = Object.groupBy(items, (item) => item.type);
    expect(Object.fromEntries(Object.entries(types).map(([type, list]) => [type, list!.length]))).toEqual({
      post: 58,
      page: 21,
      attachment: 37,
      nav_menu_item: 70,
    });
  });

  test('reads comments with their ids, parents, status and type', async () => {
    const { items } = await readAll([await readFile(THEME_DATA)]);
    const post = items.find((item) => item.slug === 'template-comments')!;
    expect(post.comments).toHaveLength(20);
    expect(post.comments.find((comment) => comment.id === '905')).toMatchObject({
      parentId: '904',
      author: 'Jane Bloggs',
      approved: '1',
      type: '',
      dateGmt: '2013-03-14 15:01:21',
      content: 'Comment Depth 02',
    });
  });

  test('reads WXR 1.1 exports as well as 1.2', async () => {
    const { items, site } = await readAll([await readFile(HOSTILE_EXPORT, 'utf8')]);
    expect(site?.wxrVersion).toBe('1.1');
    expect(items.map((item) => item.slug)).toEqual(['hostile-body', 'block-braces']);
  });

  test('reads an export fed a few bytes at a time exactly as one fed whole', async () => {
    const bytes = await readFile(THEME_DATA);
    // Seven bytes at a time splits multi-byte characters (the Greek titles) across chunks.
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, index) =>
      bytes.subarray(index * 7, index * 7 + 7),
    );
    expect(await readAll(chunks)).toEqual(await readAll([bytes]));
  });

  test('joins content split across CDATA sections', async () => {
    const exportText = (await readFile(SEED_EXPORT, 'utf8')).replace(
      'There are a number of people',
      'There are ]]]]><![CDATA[> a number of people',
    );
    const { items } = await readAll([exportText]);
    expect(items[0]!.content).toMatch(/^There are ]]> a number of people/);
  });

  test('never reads e-mail addresses, IP addresses or comment meta', async () => {
    for (const path of [SEED_EXPORT, HOSTILE_EXPORT]) {
      const { items } = await readAll([await readFile(path, 'utf8')]);
      const everythingRead = JSON.stringify(items);
      expect(everythingRead).not.toMatch(/@example\.com|@evil\.example|203\.0\.113|198\.51\.100|Mozilla/);
    }
  });

  test('fails on malformed XML with the line and column of the problem', async () => {
    const error = await failureOf(await readFile(fixturePath('malformed.wordpress.xml'), 'utf8'));
    expect(error).toMatchObject({ line: 11, column: 28 });
    expect(error.message).toBe('line 11, column 28: unexpected close tag.');
  });

  test('rejects a document that is not RSS, at its first element', async () => {
    const error = await failureOf('<!DOCTYPE html>\n<html><body>Hello</body></html>');
    expect(error).toMatchObject({ line: 2, column: 1 });
    expect(error.message).toMatch(/not a WordPress export: the document starts with <html>/);
  });

  test('rejects an RSS feed that is not a WordPress export, at its first item', async () => {
    const error = await failureOf(await readFile(fixturePath('plain-rss.xml'), 'utf8'));
    expect(error).toMatchObject({ line: 6, column: 2 });
    expect(error.message).toMatch(/no <wp:wxr_version> before its first <item>/);
  });

  test('rejects an empty file', async () => {
    expect((await failureOf('')).message).toMatch(/root element/);
  });
});

/** A tiny export whose site title is `title`, with the given XML declaration. */
const exportTitled = (title: string, declaration = '<?xml version="1.0" encoding="UTF-8"?>') =>
  `${declaration}
<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>${title}</title><link>https://blog.example</link><wp:wxr_version>1.2</wp:wxr_version></channel></rss>
`;

async function byteFailureOf(bytes: Uint8Array): Promise<WxrError> {
  const error = await readAll([bytes]).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WxrError);
  return error as WxrError;
}

describe('the export’s encoding', () => {
  test('an export declared ISO-8859-1 is read in that encoding', async () => {
    const bytes = Buffer.from(exportTitled('Café crème', '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1');
    expect((await readAll([bytes])).site?.title).toBe('Café crème');
  });

  test('an export declared Windows-1252 keeps its curly quotes and euro signs', async () => {
    const declaration = '<?xml version="1.0" encoding="windows-1252"?>';
    const [before, after] = exportTitled('@', declaration).split('@');
    const bytes = Buffer.concat([
      Buffer.from(before!, 'latin1'),
      Buffer.from([0x93, 0x80, 0x35, 0x94]),
      Buffer.from(after!),
    ]);
    expect((await readAll([bytes])).site?.title).toBe('“€5”');
  });

  test('a UTF-16 export with a byte order mark is read, little- or big-endian, fed a few bytes at a time', async () => {
    const text = exportTitled('Café ✓', '<?xml version="1.0" encoding="UTF-16"?>');
    const little = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const big = Buffer.from(little).swap16();
    for (const bytes of [little, big]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, index) =>
        bytes.subarray(index * 7, index * 7 + 7),
      );
      expect((await readAll(chunks)).site?.title).toBe('Café ✓');
    }
  });

  test('a UTF-8 byte order mark is read as the start of the file, not as text', async () => {
    const bytes = Buffer.from(`\uFEFF${exportTitled('Café')}`, 'utf8');
    expect((await readAll([bytes])).site?.title).toBe('Café');
  });

  test('bytes that are not valid in the declared encoding stop the import where they are', async () => {
    const error = await byteFailureOf(Buffer.from(exportTitled('Café'), 'latin1'));
    expect(error.message).toMatch(/^line 2, column \d+: bytes that are not valid "UTF-8" text;/);
    expect(error.line).toBe(2);
  });

  test('an encoding the importer cannot read is refused by name', async () => {
    const error = await byteFailureOf(Buffer.from(exportTitled('x', '<?xml version="1.0" encoding="x-klingon"?>')));
    expect(error.message).toContain('the file declares encoding "x-klingon", which the importer cannot read');
  });
});

describe('entities', () => {
  test('an entity the file does not define is named, with why it is refused', async () => {
    const error = await failureOf(exportTitled('A&nbsp;B'));
    expect(error.message).toContain('undefined entity "&nbsp;"');
    expect(error.message).toContain('DTDs (which could define others) are not supported');
  });

  test('an entity declared in a DOCTYPE is named, saying DTDs are not supported', async () => {
    const text = exportTitled('&brand;').replace('<rss', '<!DOCTYPE rss [<!ENTITY brand "Acme">]>\n<rss');
    const error = await failureOf(text);
    expect(error.message).toContain(
      'entity "&brand;" is declared in the file\'s DOCTYPE, which the importer does not read (DTDs are not supported)',
    );
  });
});
