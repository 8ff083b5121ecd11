/**
 * Reader questions end to end, as a newcomer does it on one machine, with JavaScript off: the site built
 * and served as `npm run preview` serves it (the question handler at `/api/questions`, storing into local
 * files), a question asked and a deep reply sent from the article, a refused submission that comes back
 * with its text, then `npm run comments` to approve and answer as a clinician, a rebuild, and all of it on
 * the article page.
 *
 * The site first served is the suite's fixture site (built with questions on, from the same code, holding
 * the same article, comments and people), with submissions stored in a content folder of this file's own:
 * only the rebuild after the owner's commands is this file's, of that folder.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { questionsMount } from '../../scripts/preview-questions';
import { startStaticServer, type StaticServer } from '../../scripts/static-server';
import { astroBuild } from '../helpers/astro-build';
import { builtSite } from '../helpers/fixture-sites';
import { FIXTURE_SOURCE } from '../helpers/paths';
import { useSitesAndBrowser } from '../helpers/sites';
import { runCommentsCommand } from '@/lib/questions/moderation';

const WORK = join(process.cwd(), 'node_modules/.cache/health-site-tests/questions');
const CONTENT = join(WORK, 'content');
const SLUG = 'deep-thread';
const COMMENTS_FILE = join(CONTENT, 'comments', `${SLUG}.json`);
/** The deepest comment of the fixture's twelve-level reply chain. */
const DEEPEST = 'r12';
const ENV = { QUESTIONS: 'local', QUESTIONS_SECRET: 'a-test-secret-that-is-long-enough-to-sign-forms' };
/**
 * The handler refuses a form sent sooner than 3 s after it served it (a robot's speed). A reader's pause
 * before sending moves the handler's clock on by this much instead of making the test wait.
 */
const HUMAN_PAUSE_MS = 3_300;
let pausedMs = 0;
const handlerClock = () => new Date(Date.now() + pausedMs);

let server: StaticServer | undefined;
// The fixture site is served here with the question handler, not by the suite's helper.
const FIXTURE_DIST = await builtSite('fixture');
const suite = await useSitesAndBrowser({ javaScriptEnabled: false }, { sites: [] });

/** Serves a built site with the question handler storing into CONTENT. */
async function serveWithQuestions(dist: string) {
  await server?.close();
  const handle = questionsMount({ root: dist, base: '/', contentDir: CONTENT, env: ENV, now: handlerClock })!;
  server = await startStaticServer({ root: dist, handle });
  return server.url;
}

interface StoredComment {
  id: string;
  parent?: string;
  person?: string;
  author?: string;
  title?: string;
  body: string;
  date?: string;
  status?: string;
}
const storedComments = () =>
  (JSON.parse(readFileSync(COMMENTS_FILE, 'utf8')) as { comments: StoredComment[] }).comments;

/** `npm run comments -- …` on the test content, as the owner runs it: npm, tsx and the script. */
function npmRunComments(...args: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'comments', '--', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CONTENT_DIR: CONTENT },
  });
  return { status: result.status, out: `${result.stdout}${result.stderr}` };
}

/** The same command's entry, in this process: seconds quicker than npm for each of the owner's other steps. */
async function comments(...args: string[]) {
  const result = await runCommentsCommand(args, { contentDir: CONTENT });
  return { status: result.code, out: [...result.out, ...result.err].join('\n') };
}

async function send(page: Page, fields: { title?: string; body: string; author?: string }) {
  if (fields.title !== undefined) await page.getByLabel('Your question in one line').fill(fields.title);
  await page.getByLabel('Your question or reply').fill(fields.body);
  if (fields.author !== undefined) await page.getByLabel('Name to show (optional)').fill(fields.author);
  await page.getByLabel(/I understand that what I write will be published/).check();
  pausedMs += HUMAN_PAUSE_MS;
  await page.getByRole('button', { name: 'Send' }).click();
  await page.waitForLoadState();
}

let siteUrl: string;
beforeAll(async () => {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(join(CONTENT, 'articles'), { recursive: true });
  cpSync(join(FIXTURE_SOURCE, 'articles', `${SLUG}.mdx`), join(CONTENT, 'articles', `${SLUG}.mdx`));
  cpSync(join(FIXTURE_SOURCE, 'comments', `${SLUG}.json`), COMMENTS_FILE, { recursive: true });
  cpSync(join(FIXTURE_SOURCE, 'people'), join(CONTENT, 'people'), { recursive: true });
  siteUrl = await serveWithQuestions(FIXTURE_DIST);
});

afterAll(async () => {
  await server?.close();
});

describe('a reader asks, a clinician answers, the owner publishes (JavaScript off)', () => {
  const question = {
    title: 'Can cramps come back after the first weeks?',
    body: 'Mine stopped at 8 weeks and came back at 20.\nIs that usual?',
    author: 'Robin',
  };
  const reply = { body: 'Thank you, that helped me understand the chain of answers.' };

  test('"Ask a question" leads to the form, and a question sent is received for review', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${siteUrl}articles/${SLUG}/`);
    await page.getByRole('link', { name: 'Ask a question' }).click();
    expect(new URL(page.url()).pathname).toBe('/api/questions');
    await send(page, question);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/received/i);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/after (it has been )?review/i);
    const stored = storedComments().find((comment) => comment.title === question.title);
    expect(stored).toMatchObject({ status: 'pending', author: question.author, body: question.body });
    expect(stored!.parent).toBeUndefined();
    // Only the comment's own fields: nothing about the reader's connection or browser.
    expect(Object.keys(stored!).sort()).toEqual(['author', 'body', 'date', 'id', 'status', 'title']);
    await page.close();
  });

  test('"Reply" on the deepest comment preselects it, and the reply is stored under it', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${siteUrl}articles/${SLUG}/`);
    await page
      .locator(`#comment-${DEEPEST}`)
      .getByRole('link', { name: /^Reply\b/ })
      .click();
    expect(new URL(page.url()).searchParams.get('reply')).toBe(DEEPEST);
    const choice = page.getByLabel('What are you writing?');
    expect(await choice.inputValue()).toBe(DEEPEST);
    await send(page, reply);
    await expect.poll(() => page.locator('main').innerText()).toMatch(/received/i);
    expect(storedComments().find((comment) => comment.body === reply.body)).toMatchObject({
      parent: DEEPEST,
      status: 'pending',
    });
    await page.close();
  });

  test('a refused submission comes back saying why, with everything typed still in the form', async () => {
    const page = await suite.browser.context.newPage();
    await page.goto(`${siteUrl}articles/${SLUG}/`);
    await page.getByRole('link', { name: 'Ask a question' }).click();
    const tooManyLinks = 'See https://a.example, https://b.example, https://c.example and https://d.example.';
    const before = storedComments().length;
    await send(page, { title: 'Which of these sites is right?', body: tooManyLinks, author: 'Sam' });
    await expect.poll(() => page.getByRole('alert').innerText()).toMatch(/There is a problem/);
    expect(await page.getByLabel('Your question or reply').inputValue()).toBe(tooManyLinks);
    expect(await page.getByLabel('Your question in one line').inputValue()).toBe('Which of these sites is right?');
    expect(await page.getByLabel('Name to show (optional)').inputValue()).toBe('Sam');
    expect(storedComments()).toHaveLength(before);
    await page.close();
  });

  test('approved and answered with two commands, both appear on the article after a build', async () => {
    const pending = await comments('pending');
    expect(pending.status).toBe(0);
    const asked = storedComments().find((comment) => comment.title === question.title)!;
    const replied = storedComments().find((comment) => comment.body === reply.body)!;
    expect(pending.out).toContain(`${SLUG}/${asked.id}`);

    expect((await comments('approve', `${SLUG}/${asked.id}`)).status).toBe(0);
    expect((await comments('approve', `${SLUG}/${replied.id}`)).status).toBe(0);
    const answerText = 'Yes, cramps can return later in pregnancy. Tell your midwife if they are severe.';
    const answered = npmRunComments('answer', `${SLUG}/${asked.id}`, '--as', 'test-reviewer', '--body', answerText);
    expect(answered.status, answered.out).toBe(0);
    expect((await comments('pending')).out).not.toContain(asked.id);

    await astroBuild(join(WORK, 'dist-after'), { CONTENT_DIR: CONTENT, ...ENV });
    const url = await serveWithQuestions(join(WORK, 'dist-after'));
    const page = await suite.browser.context.newPage();
    await page.goto(`${url}articles/${SLUG}/`);
    const askedOnPage = page.locator(`#comment-${asked.id}`);
    expect(await askedOnPage.innerText()).toContain(question.title);
    expect(await askedOnPage.innerText()).toContain('Robin');
    expect(await page.locator(`#comment-${replied.id}`).innerText()).toContain(reply.body);
    // The reply names the comment it answers (below the indentation cap, replies are listed, not nested).
    const answering = page.locator(`#comment-${replied.id}`).getByRole('link', { name: 'Replier 12', exact: true });
    expect(await answering.getAttribute('href')).toBe(`#comment-${DEEPEST}`);
    const answer = page.locator('article.comment', { hasText: answerText });
    expect(await answer.innerText()).toMatch(/Answered by/);
    expect(await answer.getByRole('link', { name: /Rey Viewer/ }).getAttribute('href')).toBe('/people/test-reviewer/');
    expect(await answer.innerText()).not.toContain('A reader’s experience');
    await page.close();
    expect(readdirSync(join(WORK, 'dist-after', 'articles', SLUG, 'ask'))).toContain('index.html');
  }, 600_000);
});
