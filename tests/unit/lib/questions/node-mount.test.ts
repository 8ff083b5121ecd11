/**
 * The question handler where Node serves the site (`npm run preview`, and the same mount in `npm run dev`),
 * and the settings every host reads: a real static server on a free port, a built ask page in a temporary
 * `dist/`, and the local sink writing into a temporary content folder.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { localSecret, toWebRequest } from '@/lib/questions/node-mount';
import { askPageOverHttp, basePathFrom, handlerSettingsFromEnvironment } from '@/lib/questions/settings';

import { questionsMount } from '../../../../scripts/preview-questions';
import { startStaticServer, type StaticServer } from '../../../../scripts/static-server';
import { LEG_CRAMPS_ASK_PAGE } from '../../../helpers/ask-page';

const SECRET = 'a-secret-of-at-least-thirty-two-characters';

/** Sends the question form of `leg-cramps` with `token`, as a reader's browser would. */
const sendQuestion = (url: string | URL, token: string) =>
  fetch(new URL('api/questions', url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      article: 'leg-cramps',
      token,
      reply: '',
      title: 'Why at night?',
      body: 'They wake me up.',
      consent: 'yes',
      website: '',
    }),
  });

describe('npm run preview with questions', () => {
  let folder: string;
  let server: StaticServer;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'questions-preview-'));
    mkdirSync(join(folder, 'dist/articles/leg-cramps/ask'), { recursive: true });
    writeFileSync(join(folder, 'dist/articles/leg-cramps/ask/index.html'), LEG_CRAMPS_ASK_PAGE);
    writeFileSync(join(folder, 'dist/index.html'), '<!doctype html><title>Home</title>');
    const handle = questionsMount({
      root: join(folder, 'dist'),
      base: '/',
      contentDir: join(folder, 'content'),
      env: { QUESTIONS: 'local', QUESTIONS_SECRET: SECRET },
    });
    server = await startStaticServer({ root: join(folder, 'dist'), ...(handle && { handle }) });
  });

  afterAll(async () => {
    await server?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  test('serves the form at /api/questions and the site’s files everywhere else', async () => {
    const form = await fetch(new URL('api/questions?article=leg-cramps', server.url));
    expect(form.status).toBe(200);
    expect(
      cheerio
        .load(await form.text())('input[name="token"]')
        .val(),
    ).toMatch(/^v1\./);
    expect(await (await fetch(server.url)).text()).toContain('<title>Home</title>');
    expect((await fetch(new URL('api/questions?article=missing', server.url))).status).toBe(404);
  });

  test('stores a question sent through it as pending in the content folder, then says it was received', async () => {
    const { issueFormToken } = await import('@/lib/questions/form-token');
    const token = await issueFormToken(SECRET, 'leg-cramps', new Date(Date.now() - 10_000));
    const response = await sendQuestion(server.url, token);
    expect(response.status).toBe(303);
    const { comments } = JSON.parse(readFileSync(join(folder, 'content/comments/leg-cramps.json'), 'utf8'));
    expect(comments).toEqual([
      {
        id: expect.stringMatching(/^q-/),
        date: expect.any(String),
        title: 'Why at night?',
        body: 'They wake me up.',
        status: 'pending',
      },
    ]);
    const received = await fetch(new URL(response.headers.get('Location')!, server.url));
    expect(await received.text()).toContain('Thank you: we received it');
  });

  test('keeps time by the clock it is given: a form it served counts as open as long as that clock says', async () => {
    let now = new Date('2026-12-05T09:00:00Z');
    const handle = questionsMount({
      root: join(folder, 'dist'),
      base: '/',
      contentDir: join(folder, 'content-clock'),
      env: { QUESTIONS: 'local', QUESTIONS_SECRET: SECRET },
      now: () => now,
    })!;
    const clocked = await startStaticServer({ root: join(folder, 'dist'), handle });
    try {
      const form = await fetch(new URL('api/questions?article=leg-cramps', clocked.url));
      const token = String(
        cheerio
          .load(await form.text())('input[name="token"]')
          .val(),
      );
      // Sent at once by the real time, but ten seconds later by the handler's clock.
      now = new Date(now.getTime() + 10_000);
      const response = await sendQuestion(clocked.url, token);
      expect(response.status).toBe(303);
    } finally {
      await clocked.close();
    }
  });

  test('is not mounted when questions are off', () => {
    expect(questionsMount({ root: 'dist', base: '/', contentDir: 'content', env: { QUESTIONS: 'off' } })).toBe(
      undefined,
    );
  });
});

describe('toWebRequest', () => {
  test('passes the method, address, body and content type, and nothing about the reader', async () => {
    const incoming = Object.assign(Readable.from([Buffer.from('body=hi')]), {
      method: 'POST',
      url: '/api/questions?article=a',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'content-length': '7',
        'user-agent': 'Browser/1.0',
        'x-forwarded-for': '203.0.113.9',
        cookie: 'id=1',
      },
    }) as unknown as IncomingMessage;
    const request = toWebRequest(incoming, 'http://localhost');
    expect(request.method).toBe('POST');
    expect(request.url).toBe('http://localhost/api/questions?article=a');
    expect([...request.headers.keys()].sort()).toEqual(['content-length', 'content-type']);
    expect(await request.text()).toBe('body=hi');
  });
});

describe('settings', () => {
  test('need QUESTIONS_SECRET, long enough, unless a fallback is given', () => {
    expect(() => handlerSettingsFromEnvironment({})).toThrow(/QUESTIONS_SECRET is not set/);
    expect(() => handlerSettingsFromEnvironment({ QUESTIONS_SECRET: 'short' })).toThrow(/too short/);
    expect(handlerSettingsFromEnvironment({}, () => SECRET).secret).toBe(SECRET);
  });

  test('use Turnstile only when both keys are set, and name the missing one', () => {
    expect(handlerSettingsFromEnvironment({ QUESTIONS_SECRET: SECRET }).turnstile).toBeUndefined();
    expect(
      handlerSettingsFromEnvironment({ QUESTIONS_SECRET: SECRET, TURNSTILE_SITE_KEY: 's', TURNSTILE_SECRET_KEY: 'k' })
        .turnstile,
    ).toEqual({ siteKey: 's', secretKey: 'k' });
    expect(() => handlerSettingsFromEnvironment({ QUESTIONS_SECRET: SECRET, TURNSTILE_SITE_KEY: 's' })).toThrow(
      /Only TURNSTILE_SITE_KEY is set/,
    );
  });

  test('read the base path as the site does', () => {
    expect(basePathFrom({})).toBe('/');
    expect(basePathFrom({ BASE_PATH: 'health-blog' })).toBe('/health-blog/');
    expect(basePathFrom({ BASE_PATH: '/health-blog/' })).toBe('/health-blog/');
  });

  test('load an ask page over HTTP, a 404 meaning none and other failures thrown', async () => {
    const asked: string[] = [];
    const load = askPageOverHttp(
      async (url) => {
        asked.push(url.href);
        if (url.pathname.includes('/missing/')) return new Response('', { status: 404 });
        if (url.pathname.includes('/broken/')) return new Response('', { status: 500 });
        return new Response('<html>ask</html>');
      },
      'https://example.org',
      '/base/',
    );
    expect(await load('a')).toBe('<html>ask</html>');
    expect(asked).toEqual(['https://example.org/base/articles/a/ask/']);
    expect(await load('missing')).toBeUndefined();
    await expect(load('broken')).rejects.toThrow(/500/);
  });

  test('keep the local secret in a file, made once', () => {
    const folder = mkdtempSync(join(tmpdir(), 'questions-secret-'));
    try {
      const file = join(folder, 'nested/questions-secret');
      const first = localSecret(file);
      expect(first).toMatch(/^[0-9a-f]{64}$/);
      expect(localSecret(file)).toBe(first);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
