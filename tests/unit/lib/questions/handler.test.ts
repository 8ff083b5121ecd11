import * as cheerio from 'cheerio';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';
import { beforeEach, describe, expect, test } from 'vitest';

import { buildThread, paginateThreads, renderCommentBody, toDisplayThread } from '@/lib/comments';
import { STRICT_TRANSPORT_SECURITY } from '@/lib/headers/rules';
import { askPageData } from '@/lib/questions/ask-page-data';
import { issueFormToken } from '@/lib/questions/form-token';
import { createQuestionHandler, TURNSTILE_VERIFY_URL, type QuestionHandlerOptions } from '@/lib/questions/handler';
import { SinkUnavailableError, type CommentSink, type Submission } from '@/lib/questions/sink';
import { COMMENT_LIMITS, commentSchema } from '@/schemas/comments';

const SECRET = 'test secret';
const ENDPOINT = 'https://example.org/api/questions';
const START = new Date('2026-12-05T10:00:00Z');

/** A built ask page as the site writes it: the layout's title and stylesheet around the real form and context. */
function askPage(slug: string, takesQuestions = true) {
  const comments = [
    { id: 'q1', author: 'Sam', date: new Date('2024-03-03'), title: 'Cramps at night?', body: 'My legs cramp.' },
    { id: 'q1-a1', parent: 'q1', body: 'Stretching helped me.' },
  ];
  const pages = paginateThreads(
    toDisplayThread(buildThread(comments, 'test.json'), { maxIndent: 4, renderBody: renderCommentBody }),
    50,
    () => `/articles/${slug}/`,
  );
  const data = askPageData({
    article: { slug, title: 'Leg cramps', takesQuestions },
    commentPages: pages,
    paths: {
      articlePath: `/articles/${slug}/`,
      action: '/api/questions',
      guidelinesPath: '/community-guidelines/',
      privacyPath: '/privacy/',
    },
    locale: 'en-GB',
  });
  return `<!DOCTYPE html><html lang="en-GB"><head><title>Ask a question: Leg cramps | Site</title><style>body{color:red}</style></head><body><main><h1>Ask</h1>${data.formRegionHtml}${data.contextHtml}</main></body></html>`;
}

let submissions: Submission[];
let clock: Date;
let sinkFailure: Error | undefined;
let logged: string[];

const recordingSink: CommentSink = {
  name: 'test sink',
  submit: async (submission) => {
    if (sinkFailure) throw sinkFailure;
    submissions.push(submission);
    return { location: `memory/${submission.comment.id}` };
  },
};

function handler(overrides: Partial<QuestionHandlerOptions> = {}) {
  return createQuestionHandler({
    sink: recordingSink,
    secret: SECRET,
    basePath: '/',
    now: () => clock,
    log: (message) => logged.push(message),
    loadAskPage: async (slug) => {
      if (slug === 'leg-cramps') return askPage(slug);
      if (slug === 'closed') return askPage(slug, false);
      return undefined;
    },
    ...overrides,
  });
}

beforeEach(() => {
  submissions = [];
  clock = START;
  sinkFailure = undefined;
  logged = [];
});

/** A valid form as a browser sends it, a minute after the form was served. */
async function validForm(fields: Record<string, string> = {}) {
  const token = await issueFormToken(SECRET, fields.article ?? 'leg-cramps', new Date(clock.getTime() - 60_000));
  return {
    article: 'leg-cramps',
    token,
    reply: '',
    title: 'Do cramps get worse in winter?',
    body: 'Mine seem to.\r\nIs that usual?',
    author: 'Jo',
    consent: 'yes',
    website: '',
    ...fields,
  };
}

const without = (fields: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(fields).filter(([key]) => key !== name));

const post = (fields: Record<string, string>, init: RequestInit = {}) =>
  new Request(ENDPOINT, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Forwarded-For': '203.0.113.9' },
    body: new URLSearchParams(fields).toString(),
    ...init,
  });

const page = async (response: Response) => cheerio.load(await response.text());

describe('GET: the question form', () => {
  test('serves the article’s ask page with a fresh token and the security headers for its styles and form', async () => {
    const response = await handler()(new Request(`${ENDPOINT}?article=leg-cramps`));
    expect(response.status).toBe(200);
    const $ = await page(response);
    expect($('h1').text()).toBe('Ask');
    expect($('input[name="token"]').val()).toMatch(/^v1\.\d+\.[\w-]+$/);
    const policy = response.headers.get('Content-Security-Policy')!;
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("script-src 'none'");
    // The hash of the page's own <style>body{color:red}</style>.
    expect(policy).toContain("'sha256-");
    expect(response.headers.get('Cache-Control')).toBe('no-store');
  });

  test('preselects the comment named by ?reply=', async () => {
    const $ = await page(await handler()(new Request(`${ENDPOINT}?article=leg-cramps&reply=q1-a1`)));
    expect($('select[name="reply"] option[selected]').val()).toBe('q1-a1');
  });

  test('preselects a new question when ?reply= names no published comment', async () => {
    const $ = await page(await handler()(new Request(`${ENDPOINT}?article=leg-cramps&reply=nope`)));
    expect($('select[name="reply"] option[selected]').val()).toBe('');
  });

  test('says there is no such article with 404', async () => {
    const response = await handler()(new Request(`${ENDPOINT}?article=no-such-article`));
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('does not take questions');
  });

  test('tells browsers to use HTTPS only on every page it answers with, error pages included', async () => {
    for (const address of [`${ENDPOINT}?article=leg-cramps`, `${ENDPOINT}?article=no-such-article`, ENDPOINT]) {
      const response = await handler()(new Request(address));
      expect(response.headers.get('Strict-Transport-Security'), address).toBe(STRICT_TRANSPORT_SECURITY);
    }
  });

  test('says an article closed to questions takes none, with 404', async () => {
    expect((await handler()(new Request(`${ENDPOINT}?article=closed`))).status).toBe(404);
  });

  test('refuses an address naming no article, or not a slug, with 400 and loads nothing', async () => {
    const asked: string[] = [];
    const spy = handler({ loadAskPage: async (slug) => (asked.push(slug), undefined) });
    expect((await spy(new Request(ENDPOINT))).status).toBe(400);
    expect((await spy(new Request(`${ENDPOINT}?article=../../etc/passwd`))).status).toBe(400);
    expect(asked).toEqual([]);
  });

  test('answers HEAD like GET, without a body', async () => {
    const response = await handler()(new Request(`${ENDPOINT}?article=leg-cramps`, { method: 'HEAD' }));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  test('shows the received page after a submission, in the same page', async () => {
    const response = await handler()(new Request(`${ENDPOINT}?article=leg-cramps&received=1`));
    const $ = await page(response);
    expect(response.status).toBe(200);
    expect($('[role="status"]').text()).toContain('will appear under the article after review');
    expect($('a[href="/articles/leg-cramps/"]').text()).toContain('Leg cramps');
    expect($('title').text()).toMatch(/^Received: /);
  });

  test('answers 503 with the reason logged when the ask page cannot be read', async () => {
    const broken = handler({ loadAskPage: () => Promise.reject(new Error('connection refused')) });
    const response = await broken(new Request(`${ENDPOINT}?article=leg-cramps`));
    expect(response.status).toBe(503);
    expect(logged.join('\n')).toContain('connection refused');
  });
});

describe('POST: a submission', () => {
  test('is stored and answered with 303 to the received page', async () => {
    const response = await handler()(post(await validForm()));
    expect(response.status).toBe(303);
    expect(response.headers.get('Location')).toBe('/api/questions?article=leg-cramps&received=1');
    expect(submissions).toHaveLength(1);
    expect(submissions[0]!.article).toBe('leg-cramps');
    expect(submissions[0]!.comment).toMatchObject({
      title: 'Do cramps get worse in winter?',
      body: 'Mine seem to.\nIs that usual?',
      author: 'Jo',
      date: START.toISOString(),
    });
    expect(submissions[0]!.comment.id).toMatch(/^q-[a-z2-9]{10}$/);
  });

  test('stores nothing but the comment’s fields: no address, no headers, no token', async () => {
    await handler()(
      post(await validForm(), {
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'User-Agent': 'Secret/1.0',
          'X-Forwarded-For': '203.0.113.9',
        },
      }),
    );
    const stored = submissions[0]!;
    expect(Object.keys(stored).sort()).toEqual(['article', 'comment']);
    expect(Object.keys(stored.comment).sort()).toEqual(['author', 'body', 'date', 'id', 'title']);
    expect(JSON.stringify(stored)).not.toMatch(/203\.0\.113\.9|Secret\/1\.0|v1\./);
    expect(commentSchema().safeParse(stored.comment).success).toBe(true);
  });

  test('stores a reply with its parent and no question line', async () => {
    await handler()(post(await validForm({ reply: 'q1', title: '' })));
    expect(submissions[0]!.comment).toMatchObject({ parent: 'q1' });
    expect(submissions[0]!.comment.id).toMatch(/^r-/);
    expect(submissions[0]!.comment).not.toHaveProperty('title');
  });

  test('leaves the name out when none was given', async () => {
    await handler()(post(await validForm({ author: '   ' })));
    expect(submissions[0]!.comment).not.toHaveProperty('author');
  });

  /** Posts, expects a refusal with `status`, nothing stored, and the form again with the reader's text. */
  async function refused(
    fields: Record<string, string>,
    status: number,
    options: Partial<QuestionHandlerOptions> = {},
  ) {
    const response = await handler(options)(post(fields));
    expect(response.status).toBe(status);
    expect(submissions).toEqual([]);
    const $ = await page(response);
    return { $, response };
  }

  test('refuses empty text with 422, saying so beside the field and in the summary', async () => {
    const { $ } = await refused(await validForm({ body: '' }), 422);
    expect($('[role="alert"] h2').text()).toBe('There is a problem');
    expect($('[role="alert"] a[href="#question-body"]').text()).toBe('Write your question or reply.');
    expect($('#question-body').attr('aria-describedby')).toContain('question-body-error');
    expect($('#question-body').attr('aria-invalid')).toBe('true');
    expect($('title').text()).toMatch(/^Error: /);
    expect($('#question-title').val()).toBe('Do cramps get worse in winter?');
  });

  test('refuses text of only spaces and invisible characters with 422', async () => {
    const { $ } = await refused(await validForm({ body: ' \u200b\u200d\u2060\ufeff\u3164\n ' }), 422);
    expect($('#question-body-error').text()).toContain('invisible characters');
  });

  test('refuses text longer than the comment limit with 422, keeping it', async () => {
    const body = 'a'.repeat(COMMENT_LIMITS.bodyCharacters + 1);
    const { $ } = await refused(await validForm({ body }), 422);
    expect($('#question-body-error').text()).toContain('65,526 characters long: shorten it to 65,525');
    expect($('#question-body').text()).toBe(body);
  });

  test('accepts the longest text in a script sent as nine bytes a character', async () => {
    const response = await handler()(post(await validForm({ body: '語'.repeat(COMMENT_LIMITS.bodyCharacters) })));
    expect(response.status).toBe(303);
  });

  test('refuses more than three links with 422', async () => {
    const body = 'See https://a.example, http://b.example, www.c.example and <a href="x">d</a>.';
    const { $ } = await refused(await validForm({ body }), 422);
    expect($('#question-body-error').text()).toContain('4 links: keep at most 3');
  });

  test('refuses a new question without a question line, and a reply with one', async () => {
    expect((await refused(await validForm({ title: '' }), 422)).$('#question-title-error').text()).toContain(
      'Write your question in one line',
    );
    expect((await refused(await validForm({ reply: 'q1' }), 422)).$('#question-title-error').text()).toContain(
      'A reply has no question line',
    );
  });

  test('refuses a submission without the consent box ticked', async () => {
    const { $ } = await refused(without(await validForm(), 'consent'), 422);
    expect($('#question-consent-error').text()).toContain('Tick the box');
  });

  test('refuses a reply to a comment that is not published, with 422', async () => {
    const { $ } = await refused(await validForm({ reply: 'q99', title: '' }), 422);
    expect($('#question-reply-error').text()).toContain('not published');
  });

  test('refuses a filled-in honeypot with 400, keeping the text', async () => {
    const { $ } = await refused(await validForm({ website: 'https://spam.example' }), 400);
    expect($('#question-honeypot-error').text()).toContain('empty it');
    expect($('#question-body').text()).toBe('Mine seem to.\nIs that usual?');
  });

  test('refuses a form without a token, or with a forged one, with 400 and a fresh token', async () => {
    for (const token of ['', 'v1.1764928800.forged', 'nonsense']) {
      const { $ } = await refused(await validForm({ token }), 400);
      expect($('[role="alert"]').text()).toContain('could not confirm this form came from this site');
      expect($('input[name="token"]').val()).toMatch(/^v1\./);
      expect($('#question-body').text()).toBe('Mine seem to.\nIs that usual?');
    }
  });

  test('refuses a token signed with another secret or for another article', async () => {
    const otherSecret = await issueFormToken('another', 'leg-cramps', new Date(START.getTime() - 60_000));
    const otherArticle = await issueFormToken(SECRET, 'closed', new Date(START.getTime() - 60_000));
    await refused(await validForm({ token: otherSecret }), 400);
    await refused(await validForm({ token: otherArticle }), 400);
  });

  test('refuses a form sent within 3 seconds with 429, asking to wait and send again', async () => {
    const token = await issueFormToken(SECRET, 'leg-cramps', new Date(START.getTime() - 1000));
    const { $, response } = await refused(await validForm({ token }), 429);
    expect(response.headers.get('Retry-After')).toBe('2');
    expect($('[role="alert"]').text()).toContain('wait a few seconds');
  });

  test('refuses a form served more than a day ago with 400, asking to send again', async () => {
    const token = await issueFormToken(SECRET, 'leg-cramps', new Date(START.getTime() - 25 * 3600_000));
    const { $ } = await refused(await validForm({ token }), 400);
    expect($('[role="alert"]').text()).toContain('more than a day');
  });

  test('refuses an unknown article with 404, showing the text to copy', async () => {
    const response = await handler()(post(await validForm({ article: 'no-such-article' })));
    expect(response.status).toBe(404);
    expect(
      cheerio
        .load(await response.text())('textarea')
        .text(),
    ).toContain('Mine seem to.');
  });

  test('refuses an article closed to questions with 404', async () => {
    expect((await handler()(post(await validForm({ article: 'closed' })))).status).toBe(404);
  });

  test('refuses a request larger than the limit with 413 before reading it all', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('body='.padEnd(64 * 1024, 'a')));
      },
    });
    const response = await handler()(
      new Request(ENDPOINT, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: endless,
        duplex: 'half',
      } as RequestInit),
    );
    expect(response.status).toBe(413);
    expect(pulled).toBeLessThan(30);
  });

  test('refuses a request whose Content-Length is over the limit with 413', async () => {
    const response = await handler()(
      post(await validForm(), {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': String(10 * 1024 * 1024) },
      }),
    );
    expect(response.status).toBe(413);
  });

  test('refuses another content type with 415', async () => {
    const response = await handler()(
      new Request(ENDPOINT, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' }),
    );
    expect(response.status).toBe(415);
    expect(response.headers.get('Content-Type')).toBe('text/html; charset=utf-8');
  });

  test('answers 503 with the text kept and Retry-After when the sink is unavailable', async () => {
    sinkFailure = new SinkUnavailableError('rate limited', { retryAfterSeconds: 120 });
    const { $, response } = await refused(await validForm(), 503);
    expect(response.headers.get('Retry-After')).toBe('120');
    expect($('#question-body').text()).toBe('Mine seem to.\nIs that usual?');
    expect($('#question-title').val()).toBe('Do cramps get worse in winter?');
    expect(logged.join('\n')).toContain('rate limited');
  });

  test('answers 500 with the text kept when the sink fails otherwise', async () => {
    sinkFailure = new Error('disk full');
    const { $ } = await refused(await validForm(), 500);
    expect($('#question-body').text()).toBe('Mine seem to.\nIs that usual?');
  });

  test('round-trips every typed value into the error page as text, never markup', async () => {
    const hostile = {
      title: '"><script>alert(1)</script>',
      body: '</textarea><script>alert(2)</script><img src=x onerror=alert(3)>',
      author: '"><b onmouseover=alert(4)>',
    };
    const response = await handler()(post(without(await validForm(hostile), 'consent')));
    expect(response.status).toBe(422);
    const html = await response.text();
    const $ = cheerio.load(html);
    expect($('script')).toHaveLength(1); // the JSON data block only
    expect($('script').attr('type')).toBe('application/json');
    expect($('img, b')).toHaveLength(0);
    expect($('#question-title').val()).toBe(hostile.title);
    expect($('#question-body').text()).toBe(hostile.body);
    expect($('#question-author').val()).toBe(hostile.author);
  });

  test('never logs what the reader sent', async () => {
    sinkFailure = new SinkUnavailableError('down');
    await handler()(post(await validForm({ body: 'very private health detail' })));
    expect(logged.join('\n')).not.toContain('private');
  });
});

describe('other methods', () => {
  test('are answered 405 with the methods allowed', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH']) {
      const response = await handler()(new Request(ENDPOINT, { method }));
      expect(response.status, method).toBe(405);
      expect(response.headers.get('Allow')).toBe('GET, HEAD, POST');
    }
  });
});

describe('Turnstile, when both keys are set', () => {
  const turnstile = { siteKey: 'site-key', secretKey: 'secret-key' };
  const verifier = (success: boolean | Error, seen: URLSearchParams[] = []) =>
    (async (url: string | URL | Request, init?: RequestInit) => {
      expect(String(url)).toBe(TURNSTILE_VERIFY_URL);
      seen.push(new URLSearchParams(init?.body as URLSearchParams));
      if (success instanceof Error) throw success;
      return Response.json({ success });
    }) as typeof fetch;

  test('puts the widget in the form and lets its script and frame through the policy', async () => {
    const response = await handler({ turnstile })(new Request(`${ENDPOINT}?article=leg-cramps`));
    const $ = await page(response);
    expect($('.cf-turnstile').attr('data-sitekey')).toBe('site-key');
    const policy = response.headers.get('Content-Security-Policy')!;
    expect(policy).toContain('script-src https://challenges.cloudflare.com');
    expect(policy).toContain('frame-src https://challenges.cloudflare.com');
  });

  test('accepts a submission Turnstile passed, sending it no address of the reader', async () => {
    const seen: URLSearchParams[] = [];
    const response = await handler({ turnstile, fetch: verifier(true, seen) })(
      post(await validForm({ 'cf-turnstile-response': 'pass-token' })),
    );
    expect(response.status).toBe(303);
    expect(Object.fromEntries(seen[0]!)).toEqual({ secret: 'secret-key', response: 'pass-token' });
  });

  test('refuses one Turnstile failed, or without its answer, with 400', async () => {
    await refusedWith(400, verifier(false), { 'cf-turnstile-response': 'fail-token' });
    await refusedWith(400, verifier(true), {});
  });

  test('answers 503 with the text kept when Turnstile cannot be asked', async () => {
    await refusedWith(503, verifier(new Error('offline')), { 'cf-turnstile-response': 'x' });
  });

  async function refusedWith(status: number, fetcher: typeof fetch, fields: Record<string, string>) {
    const response = await handler({ turnstile, fetch: fetcher })(post(await validForm(fields)));
    expect(response.status).toBe(status);
    expect(
      cheerio
        .load(await response.text())('#question-body')
        .text(),
    ).toBe('Mine seem to.\nIs that usual?');
    expect(submissions).toEqual([]);
  }
});

describe('the pages it answers with', () => {
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const problemsOf = async (html: string) => {
    const report = await validator.validateString(html, 'page.html');
    return report.results.flatMap((result) =>
      result.messages.map((message) => `${message.ruleId}: ${message.message}`),
    );
  };

  test('are valid HTML, with every field in error', async () => {
    const response = await handler({
      turnstile: { siteKey: 'k', secretKey: 's' },
      fetch: async () => Response.json({ success: true }),
    })(
      post(
        without(
          await validForm({ body: '', title: '', author: '\u200b', reply: 'nope', 'cf-turnstile-response': 'x' }),
          'consent',
        ),
      ),
    );
    expect(response.status).toBe(422);
    expect(await problemsOf(await response.text())).toEqual([]);
  });

  test('are valid HTML when the honeypot came back filled in', async () => {
    const response = await handler()(post(await validForm({ website: 'x' })));
    expect(await problemsOf(await response.text())).toEqual([]);
  });

  test('are valid HTML when there is no ask page to show', async () => {
    const response = await handler()(post(await validForm({ article: 'no-such-article' })));
    expect(await problemsOf(await response.text())).toEqual([]);
  });
});
