import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, test } from 'vitest';

import { createModerationPage } from '@/lib/editor/moderation-page';

import { folderWithFiles } from '../../../helpers/folder-with-files';

const HOSTILE = 'Cramps\u202Egnippots\u202C <script>alert(1)</script>\nSecond line';

function page() {
  const folder = folderWithFiles('moderation-page-', {
    'content/articles/leg-cramps.mdx':
      '---\ntitle: Leg cramps\ndescription: Why.\npublished: 2026-11-20\n---\n\nText.\n',
    'content/people/jo-reviewer.yaml': 'name: Dr Jo Reviewer\n',
    'content/comments/leg-cramps.json': JSON.stringify({
      comments: [
        { id: 'q1', title: 'Answered?', body: 'Yes.' },
        { id: 'q2', date: '2026-12-01', title: '<b>Night</b> cramps', body: HOSTILE, status: 'pending' },
      ],
    }),
  });
  const contentDir = join(folder, 'content');
  return { contentDir, moderation: createModerationPage({ root: folder, contentDir, base: '/' }) };
}

const post = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('the reader-questions page', () => {
  test('lists what is waiting, reader text escaped and made visible, line breaks kept', async () => {
    const { moderation } = page();
    const { status, html } = await moderation.answer('GET', new URLSearchParams());
    expect(status).toBe(200);
    expect(html).toContain('1 waiting, oldest first.');
    expect(html).toContain('&#60;b&#62;Night&#60;/b&#62; cramps');
    expect(html).toContain(
      'Cramps&#60;U+202E&#62;gnippots&#60;U+202C&#62; &#60;script&#62;alert(1)&#60;/script&#62;\nSecond line',
    );
    expect(html).not.toContain('<script>');
    expect(html).toContain('<option value="jo-reviewer">Dr Jo Reviewer</option>');
    expect(html).toContain('<meta name="robots" content="noindex, nofollow">');
  });

  test('publishes with a staff answer, then says so', async () => {
    const { contentDir, moderation } = page();
    const answer = await moderation.answer(
      'POST',
      new URLSearchParams(),
      post({ action: 'answer', target: 'leg-cramps/q2', person: 'jo-reviewer', body: 'Stretch first.' }),
    );
    expect(answer.status).toBe(303);
    expect(decodeURIComponent(answer.headers!.Location!)).toMatch(
      /^\/admin\/questions\/\?done=Approved leg-cramps\/q2.*Added leg-cramps\/a/,
    );
    const saved = JSON.parse(readFileSync(join(contentDir, 'comments/leg-cramps.json'), 'utf8')) as {
      comments: { id: string; parent?: string; person?: string; status?: string }[];
    };
    expect(saved.comments.find(({ id }) => id === 'q2')?.status).toBeUndefined();
    expect(saved.comments.find(({ parent }) => parent === 'q2')).toMatchObject({ person: 'jo-reviewer' });
  });

  test('changes nothing when the answer has no person or no text, and keeps what was typed', async () => {
    const { contentDir, moderation } = page();
    const before = readFileSync(join(contentDir, 'comments/leg-cramps.json'), 'utf8');
    const noPerson = await moderation.answer(
      'POST',
      new URLSearchParams(),
      post({ action: 'answer', target: 'leg-cramps/q2', person: '', body: 'Kept text' }),
    );
    expect(noPerson.status).toBe(422);
    expect(noPerson.html).toContain('Choose who answers');
    expect(noPerson.html).toContain('>Kept text</textarea>');
    const noText = await moderation.answer(
      'POST',
      new URLSearchParams(),
      post({ action: 'answer', target: 'leg-cramps/q2', person: 'jo-reviewer', body: ' ' }),
    );
    expect(noText.html).toContain('Write the answer first');
    expect(readFileSync(join(contentDir, 'comments/leg-cramps.json'), 'utf8')).toBe(before);
  });

  test('refuses an answer the schema would refuse before publishing the question', async () => {
    const { contentDir, moderation } = page();
    const before = readFileSync(join(contentDir, 'comments/leg-cramps.json'), 'utf8');
    const answer = await moderation.answer(
      'POST',
      new URLSearchParams(),
      post({ action: 'answer', target: 'leg-cramps/q2', person: 'jo-reviewer', body: 'x'.repeat(70_000) }),
    );
    expect(answer.status).toBe(422);
    expect(answer.html).toContain('The answer is 70,000 characters long');
    expect(readFileSync(join(contentDir, 'comments/leg-cramps.json'), 'utf8')).toBe(before);
  });

  test('says what the moderation command says when a comment is not there', async () => {
    const { moderation } = page();
    const answer = await moderation.answer(
      'POST',
      new URLSearchParams(),
      post({ action: 'spam', target: 'leg-cramps/q9' }),
    );
    expect(answer.status).toBe(422);
    expect(answer.html).toContain('Article &#34;leg-cramps&#34; has no comment &#34;q9&#34;');
  });
});
