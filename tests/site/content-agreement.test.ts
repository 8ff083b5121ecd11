/**
 * What the content check passes, the build builds: a real `astro build` of content that Astro's own
 * readers used to fail on (an unquoted date as a title, byte-order marks) after the check had passed it.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { afterAll, expect, test } from 'vitest';

import { astroBuild } from '../helpers/astro-build';

const folder = mkdtempSync(join(tmpdir(), 'content-agreement-build-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const BOM = '\uFEFF';
const files: Record<string, string> = {
  'content/people/dated.yaml': `${BOM}name: 2024-01-05\n`,
  'content/articles/dated.mdx': `---
title: 2024-01-01
description: 2024-01-02
published: 2024-05-01
author: dated
tags: [2024-01-03]
---

The article.
`,
  'content/comments/dated.json': `${BOM}${JSON.stringify({ comments: [{ id: 'q1', body: 'A question with a BOM.' }] })}`,
};

test('content with unquoted dates as text and byte-order marks builds, as the check said', async () => {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), text);
  }
  const dist = join(folder, 'dist');
  await astroBuild(dist, { CONTENT_DIR: join(folder, 'content') });
  const page = readFileSync(join(dist, 'articles/dated/index.html'), 'utf8');
  expect(page).toMatch(/<h1[^>]*>2024-01-01<\/h1>/);
  expect(page).toContain('2024-01-05');
  expect(page).toContain('A question with a BOM.');
  expect(readFileSync(join(dist, 'tags/2024-01-03/index.html'), 'utf8')).toContain('2024-01-01');
}, 600_000); // may wait for a free test project (three builds at a time)
