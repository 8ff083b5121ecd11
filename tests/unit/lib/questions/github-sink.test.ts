/**
 * The GitHub sink against a local server that answers as GitHub's REST API does (request and response
 * shapes from docs.github.com/rest: git refs, repository contents, pulls), recording what it was asked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterEach, beforeEach, describe, expect, test } from 'vitest';

import { createGitHubSink, GitHubSinkError, pullRequestBody, pullRequestTitle } from '@/lib/questions/github-sink';
import { SinkUnavailableError, type Submission } from '@/lib/questions/sink';

interface Recorded {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Record<string, unknown> | undefined;
}

type Handler = (request: Recorded, response: ServerResponse) => boolean;

let server: Server;
let apiUrl: string;
let requests: Recorded[];
/** Handlers tried before GitHub's normal answers; one returning true has answered. */
let overrides: Handler[];
const branches = new Set<string>();

const json = (response: ServerResponse, status: number, data: unknown, headers: Record<string, string> = {}) => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(JSON.stringify(data));
};

/** GitHub's answers when all goes well. */
function github(request: Recorded, response: ServerResponse) {
  const { method, url, body } = request;
  if (method === 'GET' && url === '/repos/owner/site/git/ref/heads/main') {
    return json(response, 200, { ref: 'refs/heads/main', object: { sha: 'abc123', type: 'commit' } });
  }
  if (method === 'GET' && url.startsWith('/repos/owner/site/git/ref/heads/')) {
    return json(response, 404, { message: 'Not Found', status: '404' });
  }
  if (method === 'POST' && url === '/repos/owner/site/git/refs') {
    const ref = String(body!.ref);
    if (branches.has(ref)) return json(response, 422, { message: 'Reference already exists', status: '422' });
    branches.add(ref);
    return json(response, 201, { ref, object: { sha: body!.sha, type: 'commit' } });
  }
  if (method === 'PUT' && url.startsWith('/repos/owner/site/contents/')) {
    return json(response, 201, { content: { path: decodeURIComponent(url.slice(27)) }, commit: { sha: 'def456' } });
  }
  if (method === 'POST' && url === '/repos/owner/site/pulls') {
    return json(response, 201, { number: 7, html_url: 'https://github.com/owner/site/pull/7' });
  }
  if (method === 'DELETE' && url.startsWith('/repos/owner/site/git/refs/heads/')) {
    branches.delete(`refs/heads/${decodeURIComponent(url.slice(33))}`);
    response.writeHead(204);
    return response.end();
  }
  return json(response, 404, { message: 'Not Found' });
}

beforeEach(async () => {
  requests = [];
  overrides = [];
  branches.clear();
  server = createServer((incoming, response) => {
    let text = '';
    incoming.on('data', (chunk: Buffer) => (text += chunk.toString()));
    incoming.on('end', () => {
      const request = {
        method: incoming.method!,
        url: incoming.url!,
        headers: incoming.headers,
        body: text ? (JSON.parse(text) as Record<string, unknown>) : undefined,
      };
      requests.push(request);
      if (overrides.some((handler) => handler(request, response) === true)) return;
      github(request, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const sink = (options: { timeoutMs?: number } = {}) =>
  createGitHubSink({ token: 'github_pat_secret', repository: 'owner/site', apiUrl, ...options });

const question: Submission = {
  article: 'leg-cramps',
  comment: {
    id: 'q-7kq2m9xhwa',
    date: '2026-12-05T03:00:00.000Z',
    author: 'Sam',
    title: 'Are leg cramps an early sign of pregnancy, or could they be something else entirely?',
    body: 'I get them every night. Is that normal? ``` @everyone',
  },
};

const failWith =
  (status: number, headers: Record<string, string> = {}, only: (request: Recorded) => boolean = () => true): Handler =>
  (request, response) => {
    if (!only(request)) return false;
    json(response, status, { message: `GitHub says ${status}` }, headers);
    return true;
  };

describe('a submission', () => {
  test('becomes a branch from the head of main, a file and a pull request, in that order', async () => {
    const receipt = await sink().submit(question);
    expect(receipt.location).toBe('https://github.com/owner/site/pull/7');
    expect(requests.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET /repos/owner/site/git/ref/heads/main',
      'POST /repos/owner/site/git/refs',
      'PUT /repos/owner/site/contents/content/comments/leg-cramps/q-7kq2m9xhwa.json',
      'POST /repos/owner/site/pulls',
    ]);
    expect(requests[1]!.body).toEqual({ ref: 'refs/heads/question/leg-cramps/q-7kq2m9xhwa', sha: 'abc123' });
    expect(requests[2]!.body).toMatchObject({ branch: 'question/leg-cramps/q-7kq2m9xhwa' });
    expect(requests[3]!.body).toMatchObject({
      head: 'question/leg-cramps/q-7kq2m9xhwa',
      base: 'main',
      title: 'Question on leg-cramps: Are leg cramps an early sign of pregnancy, or could they be…',
    });
  });

  test('sends GitHub’s authorisation, media type, API version and a user agent on every request', async () => {
    await sink().submit(question);
    for (const { headers } of requests) {
      expect(headers).toMatchObject({
        authorization: 'Bearer github_pat_secret',
        accept: 'application/vnd.github+json',
        'x-github-api-version': '2022-11-28',
        'user-agent': expect.stringMatching(/\S/),
      });
    }
  });

  test('adds the comment as a comments file without a status, so that merging publishes it', async () => {
    await sink().submit({ ...question, comment: { ...question.comment, status: 'pending', parent: 'q1' } });
    const content = Buffer.from(String(requests[2]!.body!.content), 'base64').toString('utf8');
    expect(JSON.parse(content)).toEqual({
      comments: [
        {
          id: 'q-7kq2m9xhwa',
          parent: 'q1',
          author: 'Sam',
          date: '2026-12-05T03:00:00.000Z',
          title: question.comment.title,
          body: question.comment.body,
        },
      ],
    });
    expect(content.endsWith('}\n')).toBe(true);
  });

  test('keeps text outside Latin-1 intact through base64', async () => {
    await sink().submit({ ...question, comment: { ...question.comment, body: 'Crampes 😣 — 足がつる' } });
    const content = Buffer.from(String(requests[2]!.body!.content), 'base64').toString('utf8');
    expect(JSON.parse(content).comments[0].body).toBe('Crampes 😣 — 足がつる');
  });

  test('takes another branch name when GitHub says the first exists', async () => {
    branches.add('refs/heads/question/leg-cramps/q-7kq2m9xhwa');
    await sink().submit(question);
    expect(requests[2]!.body).toEqual({ ref: 'refs/heads/question/leg-cramps/q-7kq2m9xhwa-2', sha: 'abc123' });
    expect(requests.at(-1)!.body).toMatchObject({ head: 'question/leg-cramps/q-7kq2m9xhwa-2' });
  });

  test('removes its branch when the pull request cannot be opened', async () => {
    overrides.push(failWith(500, {}, ({ url }) => url.endsWith('/pulls')));
    await expect(sink().submit(question)).rejects.toBeInstanceOf(SinkUnavailableError);
    expect(requests.at(-1)).toMatchObject({
      method: 'DELETE',
      url: '/repos/owner/site/git/refs/heads/question/leg-cramps/q-7kq2m9xhwa',
    });
    expect(branches.size).toBe(0);
  });
});

test('a submission whose article or id could name another path is refused before asking GitHub', async () => {
  await expect(sink().submit({ ...question, article: '../../../../.github/workflows' })).rejects.toThrow(/not a slug/);
  await expect(sink().submit({ ...question, comment: { ...question.comment, id: '../x' } })).rejects.toThrow(
    /not a slug and an id/,
  );
  expect(requests).toEqual([]);
});

describe('when GitHub refuses', () => {
  test('a bad token (401) is a fault of the site, told to the owner without the reader’s words', async () => {
    overrides.push(failWith(401));
    const error = await sink()
      .submit(question)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GitHubSinkError);
    expect(error).not.toBeInstanceOf(SinkUnavailableError);
    expect((error as Error).message).toMatch(
      /^GitHub refused GET git\/ref\/heads\/main \(401: GitHub says 401\)\. Fix: GITHUB_TOKEN/,
    );
    expect((error as Error).message).not.toMatch(/leg cramps|every night|github_pat_secret/i);
  });

  test('a token without permission (403 without rate-limit headers) is a fault of the site', async () => {
    overrides.push(failWith(403, {}, ({ method }) => method === 'POST'));
    await expect(sink().submit(question)).rejects.toThrow(/Pull requests: read and write/);
  });

  test('a missing branch or repository (404) names the settings to check', async () => {
    const error = await createGitHubSink({ token: 't', repository: 'owner/site', branch: 'trunk', apiUrl })
      .submit(question)
      .catch((caught: unknown) => caught);
    expect((error as Error).message).toMatch(/\(404: Not Found\)\. Fix: check GITHUB_REPOSITORY and GITHUB_BRANCH/);
  });

  test('the primary rate limit (403, no requests remaining) makes the store unavailable until the reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 120;
    overrides.push(failWith(403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) }));
    const error = await sink()
      .submit(question)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SinkUnavailableError);
    expect((error as SinkUnavailableError).retryAfterSeconds).toBeGreaterThanOrEqual(118);
    expect((error as SinkUnavailableError).retryAfterSeconds).toBeLessThanOrEqual(121);
  });

  test('a secondary rate limit (403 with retry-after) makes the store unavailable for that long', async () => {
    overrides.push(failWith(403, { 'retry-after': '30' }));
    await expect(sink().submit(question)).rejects.toMatchObject({
      name: 'SinkUnavailableError',
      retryAfterSeconds: 30,
    });
  });

  test('429 with retry-after makes the store unavailable for that long', async () => {
    overrides.push(failWith(429, { 'retry-after': '45' }));
    await expect(sink().submit(question)).rejects.toMatchObject({
      name: 'SinkUnavailableError',
      retryAfterSeconds: 45,
    });
  });

  test('a server error (500) makes the store unavailable', async () => {
    overrides.push(failWith(500));
    await expect(sink().submit(question)).rejects.toBeInstanceOf(SinkUnavailableError);
  });

  test('a dropped connection makes the store unavailable', async () => {
    overrides.push((_request, response) => {
      response.socket?.destroy();
      return true;
    });
    await expect(sink().submit(question)).rejects.toThrow(/GitHub could not be reached \(GET git\/ref\/heads\/main\)/);
  });

  test('a response slower than the time allowed makes the store unavailable, within that time', async () => {
    overrides.push(() => true); // takes the request and never answers
    const started = Date.now();
    const error = await sink({ timeoutMs: 300 })
      .submit(question)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SinkUnavailableError);
    expect((error as Error).message).toMatch(/did not answer GET git\/ref\/heads\/main within 300 ms/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a branch name taken three times over is given up with the owner told', async () => {
    for (const suffix of ['', '-2', '-3']) branches.add(`refs/heads/question/leg-cramps/q-7kq2m9xhwa${suffix}`);
    await expect(sink().submit(question)).rejects.toThrow(/422: Reference already exists/);
  });
});

describe('what the moderator reads', () => {
  test('the title names the article and the reader’s first words, on one line', () => {
    expect(pullRequestTitle({ ...question, comment: { ...question.comment, title: 'Cramps\u202e at\nnight?' } })).toBe(
      'Question on leg-cramps: Cramps at night?',
    );
    expect(pullRequestTitle({ ...question, comment: { ...question.comment, title: undefined, parent: 'q1' } })).toBe(
      'Reply on leg-cramps: I get them every night. Is that normal? ``` @everyone',
    );
  });

  test('the body holds the words to publish in a code block no reader text can close, and how to moderate', () => {
    const body = pullRequestBody(question, 'content/comments/leg-cramps/q-7kq2m9xhwa.json');
    expect(body).toContain('````text\nName shown: Sam\nQuestion line: Are leg cramps');
    expect(body).toContain('\n\nI get them every night. Is that normal? ``` @everyone\n````\n');
    expect(body).toMatch(/merge this pull request/);
    expect(body).toMatch(/close it without merging/);
  });
});
