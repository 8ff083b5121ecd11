/** `_headers` allows each inline stylesheet of the built pages by the hash browsers compute: of its UTF-8 bytes. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from 'vitest';

import { collectPageStyles } from '@/integrations/static-headers';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function dist(pages: Record<string, string>): string {
  const folder = mkdtempSync(join(tmpdir(), 'styles-'));
  for (const [page, html] of Object.entries(pages)) {
    mkdirSync(join(folder, page, '..'), { recursive: true });
    writeFileSync(join(folder, page), html);
  }
  return folder;
}

test('hashes each distinct inline stylesheet once, non-ASCII text included, as its UTF-8 bytes', () => {
  const plain = 'body{color:red}';
  const quoted = '.q::before{content:"’ ночь 😖"}';
  const styles = collectPageStyles(
    dist({
      'index.html': `<style>${plain}</style><p>Crampes ’ 夜</p>`,
      'articles/a/index.html': `<style data-x="1">${quoted}</style><style>${plain}</style>`,
    }),
  );
  expect(styles.styleHashes).toEqual([sha256(plain), sha256(quoted)].sort());
  expect(styles.styleAttributes).toBe(false);
});

test('notices a style attribute on any page, and not the words style=" in text', () => {
  expect(collectPageStyles(dist({ 'a.html': '<p>write style="x" in text</p>' })).styleAttributes).toBe(false);
  expect(
    collectPageStyles(dist({ 'a.html': '<p>’</p>', 'b/c.html': '<p class="x" style="color:red">’</p>' }))
      .styleAttributes,
  ).toBe(true);
});
