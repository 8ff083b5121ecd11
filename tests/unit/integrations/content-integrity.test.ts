import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from 'vitest';

import { countRenderedComments } from '@/integrations/content-integrity';

const comment = (id: string) => `<article id="comment-${id}" class="comment rounded-sm" aria-labelledby="x"></article>`;

test('counts the comments rendered on an article page and its comment pages', () => {
  const dist = mkdtempSync(join(tmpdir(), 'rendered-'));
  mkdirSync(join(dist, 'articles/a/comments/2'), { recursive: true });
  writeFileSync(join(dist, 'articles/a/index.html'), `${comment('1')}${comment('2')}<a href="#comment-1">link</a>`);
  writeFileSync(join(dist, 'articles/a/comments/2/index.html'), comment('3'));
  expect(countRenderedComments(dist, 'a')).toBe(3);
  expect(countRenderedComments(dist, 'missing')).toBe(0);
});

test('counts them among readers’ words in any script, read as bytes', () => {
  const dist = mkdtempSync(join(tmpdir(), 'rendered-'));
  mkdirSync(join(dist, 'articles/b'), { recursive: true });
  const words = '<p>Crampes ’ ночь 夜 تشنج 😖 "quoted"</p>';
  writeFileSync(join(dist, 'articles/b/index.html'), `${words}${comment('1')}${words}${comment('é-2')}${words}`);
  expect(countRenderedComments(dist, 'b')).toBe(2);
});
