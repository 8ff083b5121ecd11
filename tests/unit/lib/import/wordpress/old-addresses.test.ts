import { describe, expect, test } from 'vitest';

import { ArchiveAddresses, homePathOf, itemOldAddresses } from '@/lib/import/wordpress/old-addresses';
import type { WxrTerm } from '@/lib/import/wordpress/wxr';

const category = (slug: string, name = slug): WxrTerm => ({ domain: 'category', slug, name });
const tag = (slug: string, name = slug): WxrTerm => ({ domain: 'post_tag', slug, name });

describe('a post’s old addresses', () => {
  test('are its permalink’s path and ?p=<id>', () => {
    expect(
      itemOldAddresses({ id: '12', link: 'https://blog.example/2019/05/leg-cramps/' }, 'post', 'https://blog.example'),
    ).toEqual({
      addresses: ['/2019/05/leg-cramps/', '/?p=12'],
      warnings: [],
    });
  });

  test('are a page’s permalink and ?page_id=<id>', () => {
    expect(
      itemOldAddresses({ id: '7', link: 'https://blog.example/about/' }, 'page', 'https://blog.example').addresses,
    ).toEqual(['/about/', '/?page_id=7']);
  });

  test('keep the folder of a blog that was not at its host’s root', () => {
    expect(
      itemOldAddresses({ id: '12', link: 'https://example.org/blog/leg-cramps/' }, 'post', 'https://example.org/blog')
        .addresses,
    ).toEqual(['/blog/leg-cramps/', '/blog/?p=12']);
  });

  test('are one address when the blog used plain ?p=<id> permalinks', () => {
    expect(
      itemOldAddresses({ id: '12', link: 'https://blog.example/?p=12' }, 'post', 'https://blog.example').addresses,
    ).toEqual(['/?p=12']);
  });

  test('keep the percent-encoding of a permalink in another script', () => {
    expect(
      itemOldAddresses({ id: '3', link: 'https://blog.example/%e7%9d%a1%e7%9c%a0/' }, 'post', 'https://blog.example')
        .addresses,
    ).toEqual(['/%e7%9d%a1%e7%9c%a0/', '/?p=3']);
  });

  test('leave out a link that is not a web address, with a warning, and keep ?p=<id>', () => {
    expect(itemOldAddresses({ id: '3', link: 'javascript:alert(1)' }, 'post', 'https://blog.example')).toEqual({
      addresses: ['/?p=3'],
      warnings: [
        { kind: 'address', message: 'post 3\'s link "javascript:alert(1)" is not a web address; not redirected' },
      ],
    });
  });

  test('read a run of slashes in a permalink as one', () => {
    expect(
      itemOldAddresses({ id: '3', link: 'https://blog.example//greek/x/' }, 'post', 'https://blog.example').addresses,
    ).toEqual(['/greek/x/', '/?p=3']);
  });

  test('percent-encode a space in a permalink, as a browser sends it', () => {
    const { addresses } = itemOldAddresses(
      { id: '3', link: 'https://blog.example/a b/' },
      'post',
      'https://blog.example',
    );
    expect(addresses).toEqual(['/a%20b/', '/?p=3']);
  });

  test('leave out a path the site cannot redirect, with a warning', () => {
    expect(itemOldAddresses({ id: '3', link: 'https://blog.example/100%/' }, 'post', 'https://blog.example')).toEqual({
      addresses: ['/?p=3'],
      warnings: [
        {
          kind: 'address',
          message: 'post 3\'s old address "/100%/" holds a "%" that starts no escape such as %20; not redirected',
        },
      ],
    });
  });

  test('never include the blog’s home page, which is this site’s own', () => {
    expect(
      itemOldAddresses({ id: '3', link: 'https://blog.example/' }, 'page', 'https://blog.example').addresses,
    ).toEqual(['/?page_id=3']);
  });
});

describe('archive addresses', () => {
  test('send a category or tag archive to the tag’s page, its later pages to the same page number, and feeds to the feed', () => {
    const archives = new ArchiveAddresses('https://blog.example', 2);
    for (let post = 1; post <= 3; post++) {
      archives.addPost({ link: `https://blog.example/post-${post}/`, terms: [category('pregnancy', 'Pregnancy')] });
    }
    archives.addPost({ link: 'https://blog.example/post-4/', terms: [tag('sleep-rest', 'Sleep &amp; rest')] });
    expect(archives.redirects()).toEqual([
      { from: '/category/pregnancy/', to: '/tags/pregnancy/' },
      { from: '/category/pregnancy/page/2/', to: '/tags/pregnancy/page/2/' },
      { from: '/category/pregnancy/feed/', to: '/rss.xml' },
      { from: '/tag/sleep-rest/', to: '/tags/sleep-rest/' },
      { from: '/tag/sleep-rest/feed/', to: '/rss.xml' },
      { from: '/feed/', to: '/rss.xml' },
      { from: '/comments/feed/', to: '/rss.xml' },
    ]);
  });

  test('leave out “Uncategorized”, which is not a tag on this site', () => {
    const archives = new ArchiveAddresses('https://blog.example', 10);
    archives.addPost({ link: 'https://blog.example/x/', terms: [category('uncategorized', 'Uncategorized')] });
    expect(archives.redirects().map(({ from }) => from)).toEqual(['/feed/', '/comments/feed/']);
  });

  test('follow a blog’s plain permalinks: ?tag=<slug> and ?feed=rss2', () => {
    const archives = new ArchiveAddresses('https://blog.example', 10);
    archives.addPost({ link: 'https://blog.example/?p=4', terms: [tag('sleep'), category('pregnancy')] });
    expect(archives.redirects()).toEqual([
      { from: '/?tag=sleep', to: '/tags/sleep/' },
      { from: '/?feed=rss2', to: '/rss.xml' },
    ]);
  });

  test('are written as redirects.yaml', () => {
    const archives = new ArchiveAddresses('https://blog.example/blog/', 10);
    archives.addPost({ link: 'https://blog.example/blog/x/', terms: [tag('睡眠', '睡眠')] });
    expect(archives.file()).toBe(
      [
        '# Old addresses of the WordPress blog (archives and feeds) and the page of this site for each.',
        '# Written by npm run import:wordpress; each article lists its own old addresses in redirectFrom.',
        'redirects:',
        '  - from: "/blog/tag/%E7%9D%A1%E7%9C%A0/"',
        '    to: "/tags/%E7%9D%A1%E7%9C%A0/"',
        '  - from: "/blog/tag/%E7%9D%A1%E7%9C%A0/feed/"',
        '    to: "/rss.xml"',
        '  - from: "/blog/feed/"',
        '    to: "/rss.xml"',
        '  - from: "/blog/comments/feed/"',
        '    to: "/rss.xml"',
        '',
      ].join('\n'),
    );
  });
});

describe('the blog’s home path', () => {
  test.each([
    ['https://blog.example', '/'],
    ['https://example.org/blog', '/blog/'],
    ['not an address', '/'],
  ])('of %s is %s', (link, path) => {
    expect(homePathOf(link)).toBe(path);
  });
});
