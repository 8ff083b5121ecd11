import { describe, expect, test } from 'vitest';

import {
  fileTypeProblem,
  isOptimisableImage,
  mediaPathFor,
  mediaReferences,
  mediaSources,
  originalUpload,
  rewriteMediaReferences,
  sniffFileType,
} from '@/lib/import/wordpress/media-files';

const SITE = mediaSources(
  ['https://blog.example', 'https://blog.example/'],
  ['https://blog.files.wordpress.com/2008/06/canola2.jpg'],
);

describe('which addresses are the site’s own uploads', () => {
  test('a file under the site’s wp-content/uploads is kept under media/ by its year and month', () => {
    expect(mediaPathFor('https://blog.example/wp-content/uploads/2019/05/cramp.jpg', SITE)).toBe('2019/05/cramp.jpg');
  });

  test('a media library on another host (as the export’s attachments show) is the site’s own too', () => {
    expect(mediaPathFor('https://blog.files.wordpress.com/2012/06/leaf.png', SITE)).toBe('2012/06/leaf.png');
  });

  test('a WordPress site in a sub-folder keeps its uploads in that folder', () => {
    const sources = mediaSources(['https://example.org/blog'], []);
    expect(mediaPathFor('https://example.org/blog/wp-content/uploads/2020/01/a.jpg', sources)).toBe('2020/01/a.jpg');
    expect(mediaPathFor('https://example.org/wp-content/uploads/2020/01/a.jpg', sources)).toBeUndefined();
  });

  test('a file on another site is not, nor a page of the site itself', () => {
    expect(mediaPathFor('https://images.example.net/2019/05/cramp.jpg', SITE)).toBeUndefined();
    expect(mediaPathFor('https://blog.example/2019/05/leg-cramps/', SITE)).toBeUndefined();
    expect(mediaPathFor('https://blog.example/about.pdf', SITE)).toBeUndefined();
  });

  test('a host the owner allows is kept under its own name', () => {
    const sources = mediaSources(['https://blog.example'], [], ['images.example.net']);
    expect(mediaPathFor('https://images.example.net/x/cramp.jpg', sources)).toBe('images.example.net/x/cramp.jpg');
  });

  test('a query is not part of the file, and names become safe file names', () => {
    expect(mediaPathFor('https://blog.example/wp-content/uploads/2019/05/cramp.jpg?ver=2', SITE)).toBe(
      '2019/05/cramp.jpg',
    );
    expect(mediaPathFor('https://blog.example/wp-content/uploads/2019/05/Crampe%20de%20nuit%C3%A9.JPG', SITE)).toBe(
      '2019/05/Crampe-de-nuite.JPG',
    );
  });

  test('dot segments and encoded slashes cannot lead out of the media folder', () => {
    expect(mediaPathFor('https://blog.example/wp-content/uploads/%2e%2e/%2e%2e/x.jpg', SITE)).toBeUndefined();
    expect(mediaPathFor('https://blog.example/wp-content/uploads/2019/%2e%2e%2f%2e%2e%2fx.jpg', SITE)).toBe(
      '2019/x.jpg',
    );
    expect(mediaPathFor('https://blog.example/wp-content/uploads/.hidden.jpg', SITE)).toBe('hidden.jpg');
  });
});

describe('the original of a resized image', () => {
  const attachments = new Set(['https://blog.example/wp-content/uploads/2019/05/cramp.jpg']);

  test('a size WordPress made of an attachment is downloaded as the attachment itself', () => {
    expect(originalUpload('https://blog.example/wp-content/uploads/2019/05/cramp-300x200.jpg', attachments)).toBe(
      'https://blog.example/wp-content/uploads/2019/05/cramp.jpg',
    );
    expect(originalUpload('https://blog.example/wp-content/uploads/2019/05/cramp.jpg?w=300', attachments)).toBe(
      'https://blog.example/wp-content/uploads/2019/05/cramp.jpg',
    );
  });

  test('a sized name with no attachment behind it is kept as it is', () => {
    const address = 'https://blog.example/wp-content/uploads/2019/05/chart-1024x768.png';
    expect(originalUpload(address, attachments)).toBe(address);
  });
});

describe('what a downloaded file really is', () => {
  const bytes = (...values: (number | string)[]) =>
    Uint8Array.from(values.flatMap((value) => (typeof value === 'string' ? [...Buffer.from(value)] : [value])));

  test('images, documents and sound are known by their first bytes', () => {
    expect(sniffFileType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('jpeg');
    expect(sniffFileType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBe('png');
    expect(sniffFileType(bytes('GIF89a'))).toBe('gif');
    expect(sniffFileType(bytes('RIFF', 0, 0, 0, 0, 'WEBPVP8 '))).toBe('webp');
    expect(sniffFileType(bytes(0, 0, 0, 0x1c, 'ftypavif'))).toBe('avif');
    expect(sniffFileType(bytes('%PDF-1.7'))).toBe('pdf');
    expect(sniffFileType(bytes('ID3', 4))).toBe('mp3');
    expect(sniffFileType(bytes('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg">'))).toBe('svg');
  });

  test('an error page served in place of an image is an HTML page', () => {
    expect(sniffFileType(bytes('\n  <!DOCTYPE html><html><title>Not found</title>'))).toBe('html');
    expect(fileTypeProblem('2019/05/cramp.jpg', bytes('<html><body>Not found</body></html>'))).toBe(
      'an HTML page, not a .jpg file',
    );
  });

  test('a file must be of a type its extension allows; an unlisted extension takes anything but a page', () => {
    expect(fileTypeProblem('a.pdf', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('a JPEG file, not a .pdf file');
    expect(fileTypeProblem('a.jpg', bytes('just text'))).toBe('not a .jpg file (its bytes are of no known type)');
    expect(fileTypeProblem('a.jpg', bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).toBeUndefined();
    expect(fileTypeProblem('notes.txt', bytes('plain notes'))).toBeUndefined();
  });

  test('Astro optimises the usual web images, not icons or bitmaps', () => {
    expect(['a.jpg', 'a.PNG', 'a.webp', 'a.gif', 'a.avif', 'a.svg'].every(isOptimisableImage)).toBe(true);
    expect(['a.bmp', 'a.ico', 'a.pdf', 'a'].some(isOptimisableImage)).toBe(false);
  });
});

describe('rewriting the Markdown', () => {
  test('images and links are told apart, an image inside a link included', () => {
    const markdown =
      '[![A \\[cramp\\]](https://x.example/a.jpg)](https://x.example/a-full.jpg) and [leaflet](https://x.example/l.pdf)';
    expect(mediaReferences(markdown)).toEqual([
      { address: 'https://x.example/a.jpg', use: 'image' },
      { address: 'https://x.example/a-full.jpg', use: 'link' },
      { address: 'https://x.example/l.pdf', use: 'link' },
    ]);
    expect(rewriteMediaReferences(markdown, (address, use) => `${use}:${address.slice(-5)}`)).toBe(
      '[![A \\[cramp\\]](image:a.jpg)](link:l.jpg) and [leaflet](link:l.pdf)',
    );
  });

  test('an address the callback leaves alone is kept, and code blocks are shown as written', () => {
    const markdown = '![a](https://x.example/a.jpg)\n\n```\n![b](https://x.example/b.jpg)\n```\n';
    expect(
      rewriteMediaReferences(markdown, (address) => (address.endsWith('a.jpg') ? '../media/a.jpg' : undefined)),
    ).toBe('![a](../media/a.jpg)\n\n```\n![b](https://x.example/b.jpg)\n```\n');
    expect(rewriteMediaReferences(markdown, () => 'changed')).toContain('![b](https://x.example/b.jpg)');
  });
});
