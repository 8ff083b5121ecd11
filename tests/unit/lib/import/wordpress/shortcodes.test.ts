import { describe, expect, test } from 'vitest';

import { expandShortcodes, parseShortcodeAttributes, type MediaFile } from '@/lib/import/wordpress/shortcodes';

const file = (id: string, url: string, alt = '', parentId = '7'): MediaFile => ({
  id,
  url,
  alt,
  parentId,
  menuOrder: 0,
});
const files = [
  file('11', 'https://blog.example/a.jpg', 'A red apple'),
  file('12', 'https://blog.example/b.jpg', 'A green pear'),
  file('13', 'https://blog.example/song.mp3'),
];
const context = {
  postId: '7',
  media: {
    byId: new Map(files.map((entry) => [entry.id, entry])),
    byParent: new Map([['7', files]]),
  },
};

describe('shortcodes', () => {
  test('reads attributes as WordPress does: quoted, bare and positional', () => {
    expect(parseShortcodeAttributes(` ids="1,2" columns='3' link=file https://x.example/a.mp3`)).toEqual({
      ids: '1,2',
      columns: '3',
      link: 'file',
      0: 'https://x.example/a.mp3',
    });
  });

  test('turns [caption] into a figure with the caption beneath the image', () => {
    const { html } = expandShortcodes(
      '[caption id="attachment_11" width="300"]<img src="https://blog.example/a.jpg" alt="A red apple"> An apple a day[/caption]',
      context,
    );
    expect(html).toBe(
      '<figure><img src="https://blog.example/a.jpg" alt="A red apple"><figcaption>An apple a day</figcaption></figure>',
    );
  });

  test('shows the listed images of a [gallery] in order, with their alternative text', () => {
    const { html, warnings } = expandShortcodes('[gallery ids="12,11"]', context);
    expect(html).toBe(
      '<figure><p><img src="https://blog.example/b.jpg" alt="A green pear"></p><p><img src="https://blog.example/a.jpg" alt="A red apple"></p></figure>',
    );
    expect(warnings).toEqual([]);
  });

  test('shows the images uploaded to the post for a [gallery] without ids', () => {
    const { html } = expandShortcodes('[gallery columns="2"]', context);
    expect(html.match(/<img /g)).toHaveLength(2);
  });

  test('reports gallery images that are not in the export', () => {
    const { warnings } = expandShortcodes('[gallery ids="11,99"]', context);
    expect(warnings).toEqual([{ kind: 'image', message: '[gallery] shows attachment 99, which is not in the export' }]);
  });

  test('turns [audio] into a link to the file, the post’s own file when none is named', () => {
    expect(expandShortcodes('[audio mp3="https://cdn.example/talk.mp3"]', context).html).toBe(
      '<p><a href="https://cdn.example/talk.mp3">Audio: talk.mp3</a></p>',
    );
    expect(expandShortcodes('[audio]', context).html).toBe(
      '<p><a href="https://blog.example/song.mp3">Audio: song.mp3</a></p>',
    );
  });

  test('keeps an unknown shortcode as visible text and reports it once', () => {
    const { html, warnings } = expandShortcodes('[contact-form to="me"] and [contact-form]', context);
    expect(html).toBe('[contact-form to="me"] and [contact-form]');
    expect(warnings).toEqual([
      { kind: 'shortcode', message: '[contact-form] is not a WordPress shortcode; kept as text' },
    ]);
  });

  test('shows an escaped [[gallery]] as the shortcode itself', () => {
    expect(expandShortcodes('Write [[gallery]] to show images.', context).html).toBe('Write [gallery] to show images.');
  });
});
