/** Links between the blog's own posts lead to their new pages after the import. */
import { describe, expect, test } from 'vitest';

import { plainParagraphs } from '@/lib/import/wordpress/html-to-mdx-rules';
import { PostLinks } from '@/lib/import/wordpress/post-links';

import { importExport, wxr } from './helpers';

describe('PostLinks', () => {
  const links = new PostLinks('https://blog.example/');
  links.add(
    { id: '7', slug: 'leg-cramps', title: 'Leg cramps', link: 'https://blog.example/2019/05/leg-cramps/' },
    'post',
    true,
  );
  links.add(
    { id: '8', slug: 'leg-cramps', title: 'Leg cramps again', link: 'https://blog.example/2020/01/leg-cramps/' },
    'post',
    true,
  );
  links.add({ id: '9', slug: 'unfinished', title: 'Unfinished', link: 'https://blog.example/?p=9' }, 'post', false);

  test('leads a permalink or ?p= link to the article page, keeping its fragment, on the host with or without www.', () => {
    expect(links.newAddressOf('https://blog.example/2019/05/leg-cramps/')).toBe('../leg-cramps/');
    expect(links.newAddressOf('http://www.blog.example/2019/05/leg-cramps/#comment-3')).toBe(
      '../leg-cramps/#comment-3',
    );
    expect(links.newAddressOf('https://blog.example/?p=7')).toBe('../leg-cramps/');
    expect(links.newAddressOf('https://blog.example/2019/05/leg-cramps')).toBe('../leg-cramps/');
  });

  test('finds a dated permalink whose date differs (time zones) by the post’s WordPress slug, when it is unique', () => {
    expect(links.newAddressOf('https://blog.example/2019/05/31/leg-cramps/')).toBeUndefined();
    expect(links.newAddressOf('https://blog.example/2021/02/03/unfinished/')).toBeUndefined();
    const single = new PostLinks('https://blog.example/');
    single.add(
      { id: '1', slug: 'block-button', title: 'Button', link: 'https://blog.example/2018/11/02/block-button/' },
      'post',
      true,
    );
    expect(single.newAddressOf('https://blog.example/2018/11/03/block-button/')).toBe('../block-button/');
    expect(single.newAddressOf('https://blog.example/category/block-button/')).toBeUndefined();
  });

  test('names a post whose slug was taken as the import does, with -2', () => {
    expect(links.newAddressOf('https://blog.example/2020/01/leg-cramps/')).toBe('../leg-cramps-2/');
    expect(links.expectedSlug({ id: '8' }, 'post')).toBe('leg-cramps-2');
  });

  test('leaves other addresses alone: other sites, unknown pages, drafts', () => {
    expect(links.newAddressOf('https://other.example/2019/05/leg-cramps/')).toBeUndefined();
    expect(links.newAddressOf('https://blog.example/about-us/')).toBeUndefined();
    expect(links.newAddressOf('https://blog.example/?p=9')).toBeUndefined();
    expect(links.newAddressOf('mailto:editor@blog.example')).toBeUndefined();
  });
});

describe('importing posts that link to each other', () => {
  test('writes each link to another post of the blog as a link to its article page', async () => {
    const { files } = await importExport({
      xml: wxr(
        { id: 1, slug: 'cramps', content: '<p>See <a href="https://blog.example/?p=2#comment-5">stretches</a>.</p>' },
        {
          id: 2,
          slug: 'stretches',
          content: '<p>Back to <a href="/?p=1">cramps</a> and <a href="https://nhs.uk/">the NHS</a>.</p>',
        },
      ),
    });
    expect(files.get('articles/cramps.mdx')).toContain('[stretches](../stretches/#comment-5)');
    expect(files.get('articles/stretches.mdx')).toContain('[cramps](../cramps/)');
    expect(files.get('articles/stretches.mdx')).toContain('[the NHS](https://nhs.uk/)');
  });
});

describe('comments by the blog itself', () => {
  test('leave out a commenter’s web address on the blog’s own host, which goes with it, and keep any other', async () => {
    const { files } = await importExport({
      xml: wxr({
        id: 1,
        slug: 'cramps',
        comments: [
          { id: 1, author: 'Editor', authorUrl: 'https://www.blog.example/' },
          { id: 2, author: 'Reader', authorUrl: 'https://reader.example/' },
        ],
      }),
    });
    const comments = JSON.parse(files.get('comments/cramps.json')!).comments as { authorUrl?: string }[];
    expect(comments.map((comment) => comment.authorUrl)).toEqual([undefined, 'https://reader.example/']);
  });
});

describe('a link around blocks', () => {
  test('keeps the blocks and puts the link after them, so the MDX compiles', async () => {
    const { files } = await importExport({
      xml: wxr({
        id: 1,
        content:
          '<figure><a href="https://x.example/"><figure><figcaption>a</figcaption></figure> </a><figcaption></figcaption></figure>',
      }),
    });
    const article = files.get('articles/post-1.mdx')!;
    expect(article).toContain('<figcaption>a</figcaption>');
    expect(article).toMatch(/\n\[https:\/\/x\.example\/\]\(https:\/\/x\.example\/\)\n/);
    expect(article).not.toMatch(/\[\s*\n/);
  });
});

describe('a link around blocks in a list item', () => {
  test('starts the item with its first block, whatever space the link’s text starts with', async () => {
    const { files } = await importExport({
      xml: wxr({
        id: 1,
        content:
          '<ul><li><a href="https://x.example/"><figure class="wp-block-table"><table><tbody><tr><td>\u00a0</td><th></th></tr></tbody></table></figure></a></li></ul>',
      }),
    });
    expect(files.get('articles/post-1.mdx')).toMatch(/\n- {3}<table>\n/);
  });
});

describe('plainParagraphs, the body written when its Markdown would not compile', () => {
  test('keeps every paragraph’s words, escaped, and no markup', () => {
    expect(
      plainParagraphs(
        '<p>Leg <em>cramps</em> {at} night</p><ul><li>One &lt;b&gt;</li><li>Two</li></ul><figure><figcaption>A</figcaption></figure>',
      ),
    ).toBe('Leg cramps \\{at\\} night\n\nOne \\<b>\n\nTwo\n\nA\n');
    expect(plainParagraphs('<p> </p>')).toBe('');
  });
});
