/**
 * The GitHub sink: each submission becomes a pull request on the site's repository adding
 * `content/comments/<slug>/<id>.json`. Merging it publishes the comment (the next build shows it), closing
 * it rejects it. One file per submission, so any number of open pull requests merge in any order.
 *
 * Web-standard APIs only (fetch, TextEncoder, btoa), so the question handler runs it on Node, Cloudflare
 * Workers and Vercel Edge alike. GitHub's REST API, version 2022-11-28:
 * GET git/ref/heads/{branch} → POST git/refs → PUT contents/{path} → POST pulls.
 */
import { COMMENT_ID, type CommentInput } from '@/schemas/comments';
import { SLUG } from '@/schemas/fields';
import { plural } from '@/lib/text/plural';

import { formatCommentsFile } from '@/lib/questions/comments-file';
import { SinkUnavailableError, type CommentSink, type Submission } from '@/lib/questions/sink';

export interface GitHubSinkOptions {
  /** A fine-grained token for this one repository: contents and pull requests, read and write. */
  token: string;
  /** `owner/name` of the site's repository. */
  repository: string;
  /** The branch the site is built from, which pull requests target (default `main`). */
  branch?: string | undefined;
  /** GitHub's API address (GitHub Enterprise Server: `https://<host>/api/v3`). */
  apiUrl?: string | undefined;
  /** The fetch to use (tests pass their own; default the platform's). */
  fetch?: typeof globalThis.fetch | undefined;
  /** How long one request to GitHub may take before the reader is asked to try later (ms, default 10 s). */
  timeoutMs?: number | undefined;
}

/** A fault of the site's set-up, such as a bad token: for the owner's log, never quoting reader text. */
export class GitHubSinkError extends Error {
  readonly status: number;
  constructor(message: string, status: number) {
    super(message);
    this.name = 'GitHubSinkError';
    this.status = status;
  }
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/** How many branch names to try when one is taken. */
const BRANCH_ATTEMPTS = 3;

/**
 * The GitHub sink from the environment (`GITHUB_TOKEN`, `GITHUB_REPOSITORY`, `GITHUB_BRANCH`), with no
 * Node-only code on the way: for handlers on Cloudflare and Vercel Edge, which never store locally.
 * @throws Error naming every missing setting
 */
export function gitHubSinkFromEnvironment(env: Readonly<Record<string, string | undefined>>): CommentSink {
  const missing = ['GITHUB_TOKEN', 'GITHUB_REPOSITORY'].filter((name) => !env[name]?.trim());
  if (missing.length > 0) {
    throw new Error(
      `Reader questions go to GitHub (QUESTIONS=github), but ${missing.join(' and ')} ${plural(missing.length, 'is', 'are')} not set: ` +
        'set GITHUB_TOKEN to a fine-grained token for the site’s repository and GITHUB_REPOSITORY to owner/name.',
    );
  }
  return createGitHubSink({
    token: env.GITHUB_TOKEN!.trim(),
    repository: env.GITHUB_REPOSITORY!.trim(),
    branch: env.GITHUB_BRANCH?.trim() || 'main',
  });
}

export function createGitHubSink(options: GitHubSinkOptions): CommentSink {
  const { token, repository, branch = 'main', apiUrl = 'https://api.github.com', timeoutMs = 10_000 } = options;
  const fetchFn = options.fetch ?? globalThis.fetch.bind(globalThis);
  if (!token) throw new Error('The GitHub sink needs a token (GITHUB_TOKEN).');
  if (!REPOSITORY.test(repository)) {
    throw new Error(`GITHUB_REPOSITORY="${repository}" is not a repository: write it as owner/name.`);
  }
  const repo = `${apiUrl.replace(/\/+$/, '')}/repos/${repository}`;

  async function call<T>(method: string, path: string, body?: unknown): Promise<{ status: number; data: T }> {
    const what = `${method} ${path.split('?')[0]}`;
    let response: Response;
    try {
      response = await fetchFn(`${repo}/${path}`, {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'application/vnd.github+json',
          'X-GitHub-Api-Version': '2022-11-28',
          'User-Agent': 'health-questions-site',
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? null : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError';
      throw new SinkUnavailableError(
        timedOut ? `GitHub did not answer ${what} within ${timeoutMs} ms.` : `GitHub could not be reached (${what}).`,
        { cause: error },
      );
    }
    const text = await response.text().catch(() => '');
    if (response.ok) return { status: response.status, data: (text ? JSON.parse(text) : {}) as T };
    throw failure(response, what, text);
  }

  /** Creates a branch at `sha`, named `base`, or `base-2`… when that name is taken (GitHub answers 422). */
  async function createBranch(base: string, sha: string): Promise<string> {
    for (let attempt = 1; ; attempt++) {
      const name = attempt === 1 ? base : `${base}-${attempt}`;
      try {
        await call('POST', 'git/refs', { ref: `refs/heads/${name}`, sha });
        return name;
      } catch (error) {
        const taken = error instanceof GitHubSinkError && error.status === 422 && /already exists/i.test(error.message);
        if (!taken || attempt === BRANCH_ATTEMPTS) throw error;
      }
    }
  }

  return {
    name: 'GitHub pull requests',
    async submit(submission) {
      const { article, comment } = submission;
      if (!SLUG.test(article) || !COMMENT_ID.test(comment.id)) {
        throw new Error(
          `Refused a submission for article "${article}", comment "${comment.id}": not a slug and an id.`,
        );
      }
      const head = await call<{ object: { sha: string } }>('GET', `git/ref/heads/${encodePath(branch)}`);
      const sha = head.data.object.sha;

      const branchName = await createBranch(`question/${article}/${comment.id}`, sha);

      const path = `content/comments/${article}/${comment.id}.json`;
      try {
        await call('PUT', `contents/${encodePath(path)}`, {
          message: `${comment.parent === undefined ? 'Question' : 'Reply'} on ${article} (${comment.id}), for review`,
          content: base64(formatCommentsFile([publishedForm(comment)])),
          branch: branchName,
        });
        const pull = await call<{ html_url: string }>('POST', 'pulls', {
          title: pullRequestTitle(submission),
          head: branchName,
          base: branch,
          body: pullRequestBody(submission, path),
        });
        return { location: pull.data.html_url };
      } catch (error) {
        // Leave no stray branch behind; the reader is asked to send again.
        await call('DELETE', `git/refs/heads/${encodePath(branchName)}`).catch(() => undefined);
        throw error;
      }
    },
  };
}

/** The comment as the file holds it: no `status`, so merging the pull request publishes it. */
function publishedForm(comment: Submission['comment']): CommentInput {
  const published: CommentInput = { ...comment };
  delete published.status;
  return published;
}

/** Why a request failed: the store is busy or down (try later), or the site is set up wrong (tell the owner). */
function failure(response: Response, what: string, text: string): Error {
  const { status, headers } = response;
  const said = githubMessage(text);
  const retryAfter = Number(headers.get('retry-after'));
  const remaining = headers.get('x-ratelimit-remaining');
  const reset = Number(headers.get('x-ratelimit-reset'));
  if (status === 429 || (status === 403 && (remaining === '0' || headers.has('retry-after')))) {
    const retryAfterSeconds =
      Number.isFinite(retryAfter) && retryAfter > 0
        ? retryAfter
        : remaining === '0' && Number.isFinite(reset) && reset > 0
          ? Math.max(1, Math.ceil(reset - Date.now() / 1000))
          : 60;
    return new SinkUnavailableError(`GitHub's rate limit was reached (${status} on ${what}).`, { retryAfterSeconds });
  }
  if (status >= 500) {
    return new SinkUnavailableError(`GitHub failed (${status} on ${what}).`, {
      retryAfterSeconds: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
    });
  }
  const fix =
    status === 401
      ? 'GITHUB_TOKEN is not a valid token (expired or revoked): make a new fine-grained token for this repository.'
      : status === 403
        ? 'the token may not do this: give it "Contents: read and write" and "Pull requests: read and write" on this repository.'
        : status === 404
          ? 'check GITHUB_REPOSITORY and GITHUB_BRANCH, and that the token was given access to this repository.'
          : 'see GitHub’s message.';
  return new GitHubSinkError(`GitHub refused ${what} (${status}${said ? `: ${said}` : ''}). Fix: ${fix}`, status);
}

function githubMessage(text: string): string {
  try {
    const message = (JSON.parse(text) as { message?: unknown }).message;
    return typeof message === 'string' ? message.slice(0, 200) : '';
  } catch {
    return '';
  }
}

/** Each segment of a path encoded for a URL, the slashes kept. */
const encodePath = (path: string) => path.split('/').map(encodeURIComponent).join('/');

/** Base64 of text as UTF-8, with web-standard APIs only. */
function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Text for one line of a title: control and direction-changing characters removed, spaces collapsed. */
const oneLine = (text: string) =>
  text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * "Question on leg-cramps: Are leg cramps an early sign…" — the reader's first words, cut at about 60
 * characters.
 */
export function pullRequestTitle({ article, comment }: Submission): string {
  const words = oneLine(comment.title ?? comment.body);
  const cut = words.length > 60 ? `${words.slice(0, 60).replace(/\s+\S*$/, '')}…` : words;
  return `${comment.parent === undefined ? 'Question' : 'Reply'} on ${article}: ${cut}`;
}

/**
 * What the moderator reads: only what will be published (shown as code, so nothing in it is rendered,
 * links nobody and mentions nobody), then what merging and closing do.
 */
export function pullRequestBody({ article, comment }: Submission, path: string): string {
  const kind = comment.parent === undefined ? 'question' : 'reply';
  const shown = [
    `Name shown: ${oneLine(comment.author ?? 'Anonymous')}`,
    ...(comment.title === undefined ? [] : [`Question line: ${oneLine(comment.title)}`]),
    '',
    comment.body,
  ].join('\n');
  const fence = '`'.repeat(Math.max(3, ...[...shown.matchAll(/`+/g)].map(([run]) => run.length + 1)));
  return [
    `A reader sent a ${kind} on the article \`${article}\`${comment.parent === undefined ? '' : `, replying to comment \`${comment.parent}\``}, on ${comment.date}. This pull request adds \`${path}\`.`,
    '',
    'What will be published:',
    '',
    `${fence}text`,
    shown,
    fence,
    '',
    '**To publish it, merge this pull request.** To reject it, close it without merging and delete the branch.',
    `To answer it as the site once merged: \`npm run comments -- answer ${article}/${comment.id} --as <person-id>\`.`,
    '',
    'Nothing else about the reader was stored: no e-mail address, IP address or browser details.',
  ].join('\n');
}
