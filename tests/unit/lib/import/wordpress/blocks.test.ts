import { describe, expect, test } from 'vitest';

import { convertPostBody } from '@/lib/import/wordpress';
import {
  addBlockOutcomes,
  blockName,
  blocksOf,
  BlockTally,
  embedProvider,
  readFootnotes,
  type BlockOutcomes,
} from '@/lib/import/wordpress/blocks';
import type { BodyContext } from '@/lib/import/wordpress/html-to-mdx';

const context: BodyContext = {
  postId: '1',
  siteUrl: 'https://blog.example',
  media: { byId: new Map(), byParent: new Map() },
  reusableBlocks: new Map(),
};

describe('block names', () => {
  test('a core block is named with its namespace, and the embeds of WordPress 5.0–5.5 are core/embed', () => {
    expect(blockName('paragraph')).toBe('core/paragraph');
    expect(blockName('core-embed/youtube')).toBe('core/embed');
    expect(blockName('jetpack/contact-form')).toBe('jetpack/contact-form');
  });

  test('blocks are counted from their opening and self-closing delimiters, not their closing ones', () => {
    const html =
      '<!-- wp:columns {"x":1} --><!-- wp:column --><p>a</p><!-- /wp:column --><!-- wp:column --><!-- /wp:column --><!-- /wp:columns --><!-- wp:spacer /-->';
    expect(Object.fromEntries(blocksOf(html))).toEqual({ 'core/columns': 1, 'core/column': 2, 'core/spacer': 1 });
  });

  test('a container block’s attributes do not swallow the self-closing blocks inside it', () => {
    const html =
      '<!-- wp:query {"queryId":1,"query":{"perPage":3}} --><div class="wp-block-query"><!-- wp:post-title /--></div><!-- /wp:query -->';
    expect(convertPostBody(html, context).warnings).toEqual([
      { kind: 'dynamic-block', message: 'left out wp:post-title' },
    ]);
    expect(convertPostBody(html, context).blocks).toEqual({
      'core/post-title': {
        converted: 0,
        degraded: {},
        dropped: { 'built by WordPress when a page is shown; the export has none of it': 1 },
      },
      'core/query': {
        converted: 0,
        degraded: { 'built by WordPress when a page is shown; only the blocks saved in it are kept': 1 },
        dropped: {},
      },
    });
  });
});

describe('block outcomes', () => {
  test('a block neither degraded nor dropped counts as converted', () => {
    const tally = new BlockTally();
    tally.addBlocksOf('<!-- wp:table --><!-- /wp:table --><!-- wp:table --><!-- /wp:table --><!-- wp:table /-->');
    tally.degrade('core/table', 'merged cells split');
    tally.drop('core/table', 'empty');
    expect(tally.outcomes()).toEqual({
      'core/table': { converted: 1, degraded: { 'merged cells split': 1 }, dropped: { empty: 1 } },
    });
  });

  test('a block is never counted more often than the post holds it', () => {
    const tally = new BlockTally();
    tally.addBlocksOf('<!-- wp:cover --><!-- /wp:cover -->');
    tally.degrade('core/cover', 'background above');
    tally.degrade('core/cover', 'video a link');
    tally.degrade('core/unknown', 'never found');
    expect(tally.outcomes()).toEqual({
      'core/cover': { converted: 0, degraded: { 'background above': 1 }, dropped: {} },
    });
  });

  test('outcomes of several posts add up', () => {
    const total: BlockOutcomes = {};
    addBlockOutcomes(total, { 'core/embed': { converted: 0, degraded: { link: 2 }, dropped: {} } });
    addBlockOutcomes(total, { 'core/embed': { converted: 1, degraded: { link: 1 }, dropped: { empty: 1 } } });
    expect(total).toEqual({ 'core/embed': { converted: 1, degraded: { link: 3 }, dropped: { empty: 1 } } });
  });
});

describe('embed providers', () => {
  test('named by the block’s provider class, else by the address’s host, else the host itself', () => {
    expect(embedProvider(new URL('https://youtu.be/abc'), 'youtube')).toEqual({ name: 'YouTube', shows: 'Video' });
    expect(embedProvider(new URL('https://x.com/nhs/status/1'), 'embed-handler')).toEqual({
      name: 'X (Twitter)',
      shows: 'Post',
    });
    expect(embedProvider(new URL('https://open.spotify.com/episode/1'), undefined)).toEqual({
      name: 'Spotify',
      shows: 'Audio',
    });
    expect(embedProvider(new URL('https://www.example.org/talk'), undefined)).toEqual({
      name: 'example.org',
      shows: 'Content',
    });
  });
});

describe('footnotes meta', () => {
  test('reads the footnotes by id, ignoring entries that are not footnotes', () => {
    const read = readFootnotes('[{"id":"a","content":"One"},{"id":"b"},7,null,{"id":"a","content":"Again"}]');
    expect(read).toEqual({ footnotes: new Map([['a', 'One']]) });
  });

  test('an empty meta has no footnotes; one that is not a list says so', () => {
    expect(readFootnotes('')).toEqual({ footnotes: new Map() });
    expect(readFootnotes('{"id":"a"}')).toEqual({ problem: 'its footnotes (post meta "footnotes") are not a list' });
  });
});
