/**
 * `commentThreadsHtml` writes the same HTML, byte for byte, as the Astro components that drew comment threads
 * before issue 18 (kept as the reference in `tests/fixtures/comment-thread-components/`), for hand-picked and random threads:
 * deep and wide, staff answers, hostile names, titles, addresses and bodies, every indentation cap, with and
 * without Reply links. What the markup must be (anchors, ARIA, folding) is specified by
 * `tests/unit/components/comments/comment-thread.test.ts`; this file proves the swap changed none of it.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import fc from 'fast-check';
import { beforeAll, describe, expect, test } from 'vitest';

import CommentList from '../../../fixtures/comment-thread-components/CommentList.astro';
import {
  buildThread,
  renderCommentBody,
  toDisplayThread,
  type DisplayableComment,
  type StaffMember,
} from '@/lib/comments';
import { commentThreadsHtml } from '@/lib/comments/thread-html';

/** A comment as a comments file gives it, with its Markdown body. */
type Input = DisplayableComment & { body: string };

const PEOPLE: Record<string, StaffMember> = {
  'jo-gp': { id: 'jo-gp', name: 'Dr Jo Reviewer', credentials: 'MBBS, MRCGP', role: 'GP' },
  bare: { id: 'bare', name: 'Sam <Nurse> & "Co"' },
  'role-only': { id: 'role-only', name: 'Ana', role: "Pharmacist's aide" },
};

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

function displayThreads(comments: Input[], maxIndent: number, withReplyLinks: boolean) {
  return toDisplayThread(buildThread(comments, 'test.json'), {
    maxIndent,
    renderBody: renderCommentBody,
    findPerson: (id) => PEOPLE[id]!,
    ...(withReplyLinks && { replyHref: (id: string) => `/articles/a/ask/?reply=${id}&from="x"` }),
  });
}

async function expectSameHtml(comments: Input[], maxIndent = 4, withReplyLinks = true) {
  const threads = displayThreads(comments, maxIndent, withReplyLinks);
  const fromComponents = await container.renderToString(CommentList, { props: { comments: threads } });
  expect(commentThreadsHtml(threads)).toBe(fromComponents);
}

const HOSTILE = `<script>alert("x")</script> & 'quotes' \u202Eevil`;

describe('commentThreadsHtml writes what the thread components wrote', () => {
  test('for a question with an answer', async () => {
    await expectSameHtml([
      { id: 'q1', title: 'Are cramps normal?', body: 'Asking for me.' },
      { id: 'a1', parent: 'q1', author: 'Jo', date: new Date('2024-03-05T00:00:00Z'), body: 'Yes.\nMostly.' },
    ]);
  });

  test('for a reply chain deeper than the indentation cap, with and without Reply links', async () => {
    const chain: Input[] = Array.from({ length: 8 }, (_, i) => ({
      id: `c${i}`,
      ...(i > 0 && { parent: `c${i - 1}` }),
      ...(i % 2 === 0 && { author: `Writer ${i}` }),
      body: `reply ${i}`,
    }));
    for (const maxIndent of [1, 2, 3, 10]) {
      await expectSameHtml(chain, maxIndent, true);
      await expectSameHtml(chain, maxIndent, false);
    }
  });

  test('for staff answers with and without credentials and role, at the top and below', async () => {
    await expectSameHtml([
      { id: 'q1', person: 'jo-gp', body: 'A note from the team.' },
      { id: 'q2', title: 'Dose?', author: 'Kim', body: 'How much?' },
      { id: 'a1', parent: 'q2', person: 'jo-gp', date: new Date('2025-01-02T10:30:00Z'), body: 'Ask **your** GP.' },
      { id: 'a2', parent: 'q2', person: 'bare', body: 'Same.' },
      { id: 'a3', parent: 'a2', person: 'role-only', body: 'Agreed.' },
      { id: 'a4', parent: 'a3', author: 'Kim', body: 'Thanks.' },
    ]);
  });

  test('for hostile names, titles, addresses and bodies', async () => {
    await expectSameHtml([
      { id: 'q1', title: HOSTILE, author: HOSTILE, authorUrl: 'https://x.example/?a=1&b="2"#<x>', body: HOSTILE },
      { id: 'a1', parent: 'q1', author: HOSTILE, body: '<img src=x onerror=alert(1)> [a](javascript:x)' },
      { id: 'a2', parent: 'a1', title: `${'long words '.repeat(10)}?`, body: '```\ncode\n```' },
      { id: 'a3', parent: 'a2', body: '> quoted' },
    ]);
  });

  test('for no comments at all', async () => {
    await expectSameHtml([]);
  });
});

const NAMES = ['Jo', 'Sam', '', ' ', HOSTILE, 'ночь', 'تشنج', '\u202Eevil', 'Reply to Sam', 'Comment 2'];
const TITLES = ['Are cramps normal?', 'Comment', HOSTILE, 'a'.repeat(90), `${'word '.repeat(20)}end`];
const BODIES = ['Hello.', 'Line\nbreak', '**bold** and _em_', HOSTILE, '- a\n- b', '[link](https://a.example/)'];
const URLS = ['https://a.example/', 'http://b.example/path?q=1&r=2', 'https://c.example/"quoted"'];

/** A random thread: each comment answers none or one of the comments before it. */
const randomThread = fc
  .array(
    fc.record(
      {
        parentPick: fc.option(fc.nat(), { nil: undefined }),
        author: fc.constantFrom(...NAMES),
        authorUrl: fc.constantFrom(...URLS),
        date: fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2030-12-31T23:59:59Z'),
          noInvalidDate: true,
        }),
        title: fc.constantFrom(...TITLES),
        person: fc.constantFrom(...Object.keys(PEOPLE)),
        body: fc.constantFrom(...BODIES),
      },
      { requiredKeys: ['parentPick', 'body'] },
    ),
    { maxLength: 25 },
  )
  .map((comments) =>
    comments.map(({ parentPick, ...comment }, index): Input => {
      const parent = parentPick === undefined || index === 0 ? undefined : `c${parentPick % index}`;
      return { id: `c${index}`, ...(parent !== undefined && { parent }), ...comment };
    }),
  );

test('writes what the thread components wrote for random threads', async () => {
  await fc.assert(
    fc.asyncProperty(randomThread, fc.integer({ min: 1, max: 6 }), fc.boolean(), async (comments, maxIndent, reply) => {
      await expectSameHtml(comments, maxIndent, reply);
    }),
    { numRuns: Number(process.env.FUZZ_RUNS ?? 200) },
  );
}, 120_000);
