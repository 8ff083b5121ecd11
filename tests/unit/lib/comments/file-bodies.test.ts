/**
 * The bodies of comments, read from their file when a page shows them (the content store keeps every
 * other field): read as the content check reads the file, and a file changed under the build is named.
 */
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { bodyDigest, commentBody, readCommentBodies } from '@/lib/comments/file-bodies';

import { folderWithFiles } from '../../../helpers/folder-with-files';

const comments = (list: unknown[]) => JSON.stringify({ comments: list });

describe('readCommentBodies', () => {
  test('reads each comment’s body by id, a byte-order mark dropped as the check drops it', () => {
    const folder = folderWithFiles('file-bodies-', {
      'cramps.json': `\uFEFF${comments([
        { id: 'c1', body: 'Does **magnesium** help?' },
        { id: 'c2', parent: 'c1', body: 'Sometimes.' },
      ])}`,
    });
    const bodies = readCommentBodies(join(folder, 'cramps.json'));
    expect([...bodies.keys()]).toEqual(['c1', 'c2']);
    expect(bodies.get('c1')).toBe('Does **magnesium** help?');
    expect(bodies.get('c2')).toBe('Sometimes.');
  });

  test('names the file when it is gone, is no longer JSON or no longer holds a comments list', () => {
    const folder = folderWithFiles('file-bodies-', { 'broken.json': '{"comments": [', 'other.json': '{"x": 1}' });
    for (const name of ['gone.json', 'broken.json', 'other.json']) {
      const path = join(folder, name);
      expect(() => readCommentBodies(path)).toThrow(`${path}: `);
      expect(() => readCommentBodies(path)).toThrow('it changed while the site was being built. Build again');
    }
  });
});

describe('commentBody', () => {
  const path = 'content/comments/cramps.json';
  const bodies = new Map([['c1', 'Text.']]);

  test('gives the body of a comment in the file whose text is the one the store validated', () => {
    expect(commentBody(bodies, path, 'c1', bodyDigest('Text.'))).toBe('Text.');
  });

  test('names the file and comment when the file no longer holds it, or holds another text', () => {
    expect(() => commentBody(bodies, path, 'c9', bodyDigest('Text.'))).toThrow(
      `${path}: comment "c9" is no longer in the file`,
    );
    // Edited after the build read it: the page would show text the schema never saw.
    expect(() => commentBody(bodies, path, 'c1', bodyDigest('Older text.'))).toThrow(
      `${path}: comment "c1" has another text since the build read it`,
    );
  });
});

describe('bodyDigest', () => {
  test('tells texts apart, down to one character, and is short', () => {
    expect(bodyDigest('Text.')).toBe(bodyDigest('Text.'));
    expect(bodyDigest('Text.')).not.toBe(bodyDigest('Text!'));
    expect(bodyDigest('Text.')).toMatch(/^[0-9a-f]{16}$/);
  });
});
