/** `sinkFromEnvironment`: the QUESTIONS setting and its companions turned into the sink the handler uses. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { expect, test } from 'vitest';

import { sinkFromEnvironment } from '@/lib/questions/sinks';

test('QUESTIONS=local gives the local sink, writing into the content folder', async () => {
  const contentDir = mkdtempSync(join(tmpdir(), 'sinks-'));
  try {
    const sink = sinkFromEnvironment({ QUESTIONS: 'local' }, { contentDir });
    expect(sink.name).toBe('local files');
    await sink.submit({ article: 'leg-cramps', comment: { id: 'q-1', date: '2026-12-05T03:00:00Z', body: 'Why?' } });
    expect(JSON.parse(readFileSync(join(contentDir, 'comments/leg-cramps.json'), 'utf8')).comments).toEqual([
      { id: 'q-1', date: '2026-12-05T03:00:00Z', body: 'Why?', status: 'pending' },
    ]);
  } finally {
    rmSync(contentDir, { recursive: true, force: true });
  }
});

test('QUESTIONS=github gives the GitHub sink when its token and repository are set', () => {
  const sink = sinkFromEnvironment(
    { QUESTIONS: 'github', GITHUB_TOKEN: 'github_pat_x', GITHUB_REPOSITORY: 'owner/site' },
    { contentDir: 'content' },
  );
  expect(sink.name).toBe('GitHub pull requests');
});

test('QUESTIONS=github names every missing setting', () => {
  expect(() => sinkFromEnvironment({ QUESTIONS: 'github', GITHUB_TOKEN: ' ' }, { contentDir: 'content' })).toThrow(
    /GITHUB_TOKEN and GITHUB_REPOSITORY are not set/,
  );
  expect(() => sinkFromEnvironment({ QUESTIONS: 'github', GITHUB_TOKEN: 't' }, { contentDir: 'content' })).toThrow(
    /but GITHUB_REPOSITORY is not set/,
  );
});

test('QUESTIONS=github refuses a repository that is not owner/name', () => {
  expect(() =>
    sinkFromEnvironment({ QUESTIONS: 'github', GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'site' }, { contentDir: 'c' }),
  ).toThrow(/GITHUB_REPOSITORY="site" is not a repository: write it as owner\/name/);
});

test('QUESTIONS=off has no sink', () => {
  expect(() => sinkFromEnvironment({ QUESTIONS: 'off' }, { contentDir: 'content' })).toThrow(
    /Reader questions are off/,
  );
});

test('an unknown QUESTIONS value is refused with the setting named', () => {
  expect(() => sinkFromEnvironment({ QUESTIONS: 'email' }, { contentDir: 'content' })).toThrow(
    /QUESTIONS="email" is not a setting/,
  );
});
