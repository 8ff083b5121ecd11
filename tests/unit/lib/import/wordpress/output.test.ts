/**
 * Writing an import into the content folder: all of it or, when that fails, none of it.
 */
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, describe, expect, test } from 'vitest';

import { CommitError, StagedOutput } from '@/lib/import/wordpress';

import { removeTemporaryFolders, temporaryFolder } from './helpers';

afterAll(removeTemporaryFolders);

describe('moving an import into place', () => {
  test('a file that cannot be written leaves the content folder as it was, and says nothing was written', async () => {
    const parent = await temporaryFolder('wordpress-output-');
    const out = join(parent, 'content');
    await mkdir(out);
    const output = await StagedOutput.create(out);
    await output.add({ path: 'articles/a.mdx', contents: 'a' });
    await output.add({ path: 'comments/a.json', contents: '{}' });
    // Something else takes the place of the comments folder before the import moves its files in.
    await writeFile(join(out, 'comments'), 'not a folder');
    const failure = await output.commit().catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(CommitError);
    expect((failure as CommitError).message).toMatch(/nothing was written\.$/);
    expect(await readdir(out)).toEqual(['comments']);
    expect(await readdir(parent)).toEqual(['content']);
  });

  test('a successful import leaves no temporary file or folder behind', async () => {
    const parent = await temporaryFolder('wordpress-output-');
    const out = join(parent, 'content');
    const output = await StagedOutput.create(out);
    await output.add({ path: 'articles/a.mdx', contents: 'a' });
    await output.commit();
    expect(await readdir(parent)).toEqual(['content']);
    expect(await readdir(join(out, 'articles'))).toEqual(['a.mdx']);
  });
});
