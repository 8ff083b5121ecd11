/**
 * The question handler, at `{base}api/questions` on every host: `GET ?article=<slug>[&reply=<id>]` serves
 * an article's question form (its static ask page with a fresh signed token), `POST` receives the form,
 * checks it and hands the comment to a sink, and `GET ?article=<slug>&received=1` says it arrived. Every
 * refusal is an HTML page saying what to change, with everything the reader typed still in the form.
 *
 * Web-standard APIs only (Request, Response, URL, fetch, Web Crypto), so the same code runs on Node,
 * Cloudflare Workers and Vercel; the host adapters and the preview and dev mounts are a few lines over it.
 * Nothing about the reader is read, logged or stored: no address, no header, no cookie.
 */
import { headerRules, headersForPath, STRICT_TRANSPORT_SECURITY, type PageStyles } from '@/lib/headers/rules';
import { COMMENT_LIMITS, commentSchema } from '@/schemas/comments';
import { SLUG } from '@/schemas/fields';

import { readQuestionContext, replaceFormRegion, type QuestionContext } from '@/lib/questions/ask-page';
import {
  escapeHtml,
  QUESTION_FIELDS,
  renderQuestionForm,
  renderReceivedNotice,
  type FormProblem,
  type QuestionField,
  type QuestionFormValues,
} from '@/lib/questions/form';
import { checkFormToken, issueFormToken } from '@/lib/questions/form-token';
import { newCommentId } from '@/lib/questions/ids';
import { countLinks, hasVisibleText, QUESTION_LIMITS } from '@/lib/questions/limits';
import { SinkUnavailableError, type CommentSink, type Submission } from '@/lib/questions/sink';

/** Cloudflare Turnstile, used only when both keys are set. Its widget needs JavaScript. */
export interface TurnstileSettings {
  siteKey: string;
  secretKey: string;
}

export interface QuestionHandlerOptions {
  /** Where accepted comments go. */
  sink: CommentSink;
  /** Key of the form tokens' HMAC (`QUESTIONS_SECRET`). */
  secret: string;
  /**
   * The built ask page of an article (`askPagePath(slug)`), as HTML; `undefined` when there is none (no
   * such article, or it takes no questions). Throws when the page cannot be read now.
   */
  loadAskPage: (slug: string) => Promise<string | undefined>;
  turnstile?: TurnstileSettings | undefined;
  /** The clock; tests set it. */
  now?: (() => Date) | undefined;
  /** The site's base path, with leading and trailing slash. */
  basePath: string;
  /** `fetch`, for Turnstile's verification; tests set it. */
  fetch?: typeof fetch | undefined;
  /** Where faults of the site are reported; never given anything a reader sent. Defaults to `console.error`. */
  log?: ((message: string) => void) | undefined;
}

/** Turnstile's verification endpoint. */
export const TURNSTILE_VERIFY_URL = 'https://challenges.cloudflare.com/turnstile/v0/siteverify';
const TURNSTILE_ORIGIN = 'https://challenges.cloudflare.com';

/** Longest article slug the handler looks up; anything else names no article (and no path to fetch). */
const SLUG_MAX = 200;

/** A page the handler answers with: its status, its HTML and any extra headers. */
interface Page {
  status: number;
  html: string;
  headers?: Record<string, string>;
}

export function createQuestionHandler(options: QuestionHandlerOptions): (request: Request) => Promise<Response> {
  const now = options.now ?? (() => new Date());
  const log = options.log ?? ((message: string) => console.error(message));
  const endpointPath = `${options.basePath}api/questions`;
  // Header rules are written without the base path (see `headers/rules.ts`).
  const rulePath = '/api/questions';

  /** The ask page with its form region replaced, and the headers that let its styles and form work. */
  async function askPageResponse(page: string, region: string, status: number, title: string, extra = {}) {
    const html = retitle(replaceFormRegion(page, region), title);
    return htmlResponse({ status, html, headers: { ...(await pageHeaders(html)), ...extra } });
  }

  async function pageHeaders(html: string): Promise<Record<string, string>> {
    const headers = headersForPath(headerRules(await stylesOf(html)), rulePath);
    const policy = headers['Content-Security-Policy'];
    if (options.turnstile && policy) {
      headers['Content-Security-Policy'] = policy
        .replace("script-src 'none'", `script-src ${TURNSTILE_ORIGIN}`)
        .concat(`; frame-src ${TURNSTILE_ORIGIN}`);
    }
    return headers;
  }

  /** The article's ask page and what it says, or a page saying why there is none. */
  async function loadArticle(
    slug: string | null,
    kept: QuestionFormValues,
  ): Promise<{ page: string; context: QuestionContext } | Page> {
    if (!slug || slug.length > SLUG_MAX || !SLUG.test(slug)) {
      return plainPage(
        400,
        'Which article?',
        [
          'This address does not say which article the question is about. Go back to the article and use its “Ask a question” link.',
        ],
        kept,
      );
    }
    let page: string | undefined;
    try {
      page = await options.loadAskPage(slug);
    } catch (error) {
      log(`Question handler: could not load the ask page of "${slug}": ${describe(error)}`);
      return plainPage(
        503,
        'Questions are not working right now',
        ['We could not open the question form. Nothing was saved. Copy your text, and try again in a few minutes.'],
        kept,
        { 'Retry-After': '60' },
      );
    }
    const missing = () =>
      plainPage(
        404,
        'This article does not take questions',
        [
          `There is no article “${slug}” taking questions on this site: it may have moved, or closed to new questions. Nothing was saved.`,
        ],
        kept,
      );
    if (page === undefined) return missing();
    let context: QuestionContext;
    try {
      context = readQuestionContext(page);
    } catch (error) {
      log(`Question handler: the ask page of "${slug}" cannot be used: ${describe(error)}`);
      return plainPage(
        500,
        'Something went wrong on our side',
        ['The question form of this article is broken. Nothing was saved. Copy your text and try again later.'],
        kept,
      );
    }
    if (!context.takesQuestions || context.article !== slug) return missing();
    return { page, context };
  }

  /** The form again, with the reader's values, what is wrong and a fresh token. */
  async function formPage(
    page: string,
    context: QuestionContext,
    values: QuestionFormValues,
    problems: FormProblem[],
    status: number,
    extraHeaders: Record<string, string> = {},
  ) {
    const region = renderQuestionForm({
      action: context.action,
      article: context.article,
      replyChoices: context.replyChoices,
      token: await issueFormToken(options.secret, context.article, now()),
      guidelinesPath: context.guidelinesPath,
      privacyPath: context.privacyPath,
      values,
      problems,
      turnstileSiteKey: options.turnstile?.siteKey,
    });
    return askPageResponse(page, region, status, problems.length > 0 ? 'Error: ' : '', extraHeaders);
  }

  async function get(url: URL): Promise<Response> {
    const loaded = await loadArticle(url.searchParams.get('article'), {});
    if (!('context' in loaded)) return htmlResponse(loaded);
    const { page, context } = loaded;
    if (url.searchParams.get('received') === '1') {
      const region = renderReceivedNotice({
        articlePath: context.articlePath,
        articleTitle: context.title,
        askAgainPath: `${endpointPath}?${new URLSearchParams({ article: context.article }).toString()}`,
      });
      return askPageResponse(page, region, 200, 'Received: ');
    }
    return formPage(page, context, { reply: url.searchParams.get('reply') ?? '' }, [], 200);
  }

  async function post(request: Request): Promise<Response> {
    const type = request.headers.get('Content-Type')?.split(';')[0]?.trim().toLowerCase();
    if (type !== 'application/x-www-form-urlencoded') {
      return htmlResponse(
        plainPage(415, 'The form could not be read', [
          'What was sent is not the question form as a browser sends it. Nothing was saved. Go back to the article and use its “Ask a question” link.',
        ]),
      );
    }
    const text = await readLimited(request, QUESTION_LIMITS.requestBytes);
    if (text === undefined) {
      return htmlResponse(
        plainPage(413, 'Too much to receive', [
          `What you sent is larger than any question can be, so none of it was saved. Use your browser’s Back button to get your text back, shorten it to at most ${COMMENT_LIMITS.bodyCharacters.toLocaleString('en-GB')} characters, and send it again.`,
        ]),
      );
    }
    const form = new URLSearchParams(text);
    const field = (name: string) => form.get(name) ?? '';
    const values: QuestionFormValues = {
      reply: field(QUESTION_FIELDS.reply),
      title: field(QUESTION_FIELDS.title),
      body: field(QUESTION_FIELDS.body).replace(/\r\n?/g, '\n'),
      author: field(QUESTION_FIELDS.author),
      consent: form.has(QUESTION_FIELDS.consent),
    };

    const loaded = await loadArticle(form.get(QUESTION_FIELDS.article), values);
    if (!('context' in loaded)) return htmlResponse(loaded);
    const { page, context } = loaded;
    const again = (problems: FormProblem[], status: number, headers?: Record<string, string>) =>
      formPage(page, context, values, problems, status, headers);

    if (field(QUESTION_FIELDS.honeypot) !== '') {
      values.honeypot = field(QUESTION_FIELDS.honeypot);
      return again(
        [
          {
            field: 'honeypot',
            message: 'The field “Leave this field empty” was filled in, as robots do: empty it and send again.',
          },
        ],
        400,
      );
    }
    const token = await checkFormToken(options.secret, field(QUESTION_FIELDS.token), context.article, now());
    if (!token.ok) {
      if (token.reason === 'too-fast') {
        return again(
          [
            {
              message:
                'The form was sent faster than anyone can write. Check your text, wait a few seconds and send it again.',
            },
          ],
          429,
          { 'Retry-After': String(token.retryAfterSeconds) },
        );
      }
      return again(
        [
          {
            message:
              token.reason === 'expired'
                ? 'The form was open for more than a day. Check your text and send it again.'
                : 'We could not confirm this form came from this site. Check your text and send it again.',
          },
        ],
        400,
      );
    }
    if (options.turnstile) {
      const verdict = await verifyTurnstile(options.turnstile.secretKey, field(QUESTION_FIELDS.turnstile));
      if (verdict === 'unavailable') {
        return again(
          [{ message: 'The robot check is not answering. Your text is below: try again in a minute.' }],
          503,
          {
            'Retry-After': '60',
          },
        );
      }
      if (verdict === 'failed') {
        return again(
          [{ field: 'turnstile', message: 'Complete the check that you are not a robot, then send again.' }],
          400,
        );
      }
    }

    const checked = checkSubmission(values, context, now());
    if ('problems' in checked) return again(checked.problems, 422);
    try {
      await options.sink.submit({ article: context.article, comment: checked.comment });
    } catch (error) {
      if (error instanceof SinkUnavailableError) {
        log(`Question handler: ${options.sink.name} cannot take submissions now: ${error.message}`);
        return again(
          [
            {
              message:
                'We cannot receive questions right now. Nothing was saved: your text is below, try again in a few minutes.',
            },
          ],
          503,
          { 'Retry-After': String(error.retryAfterSeconds ?? 60) },
        );
      }
      log(`Question handler: ${options.sink.name} failed: ${describe(error)}`);
      return again(
        [
          {
            message:
              'Something went wrong on our side and nothing was saved. Your text is below: copy it and try again later.',
          },
        ],
        500,
      );
    }
    const received = new URLSearchParams({ article: context.article, received: '1' });
    return new Response(null, {
      status: 303,
      headers: { Location: `${endpointPath}?${received.toString()}`, 'Cache-Control': 'no-store' },
    });
  }

  /** `passed`, `failed`, or `unavailable` when Turnstile could not be asked. The reader's address is not sent. */
  async function verifyTurnstile(secret: string, response: string): Promise<'passed' | 'failed' | 'unavailable'> {
    if (!response) return 'failed';
    try {
      const answer = await (options.fetch ?? fetch)(TURNSTILE_VERIFY_URL, {
        method: 'POST',
        body: new URLSearchParams({ secret, response }),
      });
      if (!answer.ok) throw new Error(`status ${answer.status}`);
      const result = (await answer.json()) as { success?: unknown };
      return result.success === true ? 'passed' : 'failed';
    } catch (error) {
      log(`Question handler: Turnstile verification failed: ${describe(error)}`);
      return 'unavailable';
    }
  }

  return async function handleQuestions(request: Request): Promise<Response> {
    const url = new URL(request.url);
    if (request.method === 'GET' || request.method === 'HEAD') {
      const response = await get(url);
      return request.method === 'HEAD'
        ? new Response(null, { status: response.status, headers: response.headers })
        : response;
    }
    if (request.method === 'POST') return post(request);
    return htmlResponse(
      plainPage(
        405,
        'Not something this address does',
        [
          'This address shows the question form and receives it. Go back to the article and use its “Ask a question” link.',
        ],
        {},
        { Allow: 'GET, HEAD, POST' },
      ),
    );
  };
}

/** The comment a submission makes, or what the reader must change. Never anything but comment fields. */
export function checkSubmission(
  values: QuestionFormValues,
  context: Pick<QuestionContext, 'replyChoices'>,
  now: Date,
): { comment: Submission['comment'] } | { problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const problem = (field: QuestionField, message: string) => problems.push({ field, message });
  const reply = values.reply ?? '';
  // Single-line fields: whatever line ends a crafted request holds become spaces.
  const title = (values.title ?? '').replace(/\s+/g, ' ').trim();
  const author = (values.author ?? '').replace(/\s+/g, ' ').trim();
  const body = values.body ?? '';
  const count = (n: number) => n.toLocaleString('en-GB');

  if (reply !== '' && !context.replyChoices.some((choice) => choice.id === reply)) {
    problem('reply', 'The comment you chose to reply to is not published. Choose another, or “A new question”.');
  }
  if (reply === '' && !hasVisibleText(title)) problem('title', 'Write your question in one line.');
  if (reply !== '' && title !== '') {
    problem('title', 'A reply has no question line: leave it empty, or choose “A new question”.');
  }
  if (title.length > COMMENT_LIMITS.titleCharacters) {
    problem(
      'title',
      `The question line is ${count(title.length)} characters long: shorten it to ${count(COMMENT_LIMITS.titleCharacters)} or fewer.`,
    );
  }
  if (!hasVisibleText(body)) {
    problem(
      'body',
      body.trim() === ''
        ? 'Write your question or reply.'
        : 'Your text shows nothing but spaces or invisible characters: write your question or reply.',
    );
  } else if (body.length > COMMENT_LIMITS.bodyCharacters) {
    problem(
      'body',
      `Your text is ${count(body.length)} characters long: shorten it to ${count(COMMENT_LIMITS.bodyCharacters)} or fewer.`,
    );
  }
  const links = countLinks(`${title}\n${body}\n${author}`);
  if (links > QUESTION_LIMITS.links) {
    problem(
      'body',
      `Your text has ${links} links: keep at most ${QUESTION_LIMITS.links}. Links that advertise are not published.`,
    );
  }
  if (author !== '' && !hasVisibleText(author)) {
    problem('author', 'The name shows no letters: write a name, or leave it empty to appear as “Anonymous”.');
  } else if (author.length > COMMENT_LIMITS.authorCharacters) {
    problem(
      'author',
      `The name is ${count(author.length)} characters long: shorten it to ${count(COMMENT_LIMITS.authorCharacters)} or fewer.`,
    );
  }
  if (!values.consent) {
    problem('consent', 'Tick the box to confirm you understand that what you write will be published.');
  }
  if (problems.length > 0) return { problems };

  const comment: Submission['comment'] = {
    id: newCommentId(reply === '' ? 'q' : 'r'),
    date: now.toISOString(),
    ...(reply === '' ? { title } : { parent: reply }),
    body,
    ...(author !== '' && { author }),
  };
  // The schema every comments file obeys has the last word: what it refuses, no file would accept.
  const parsed = commentSchema().safeParse(comment);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0];
      const known = field === 'title' || field === 'body' || field === 'author' ? field : 'body';
      problem(known, `${FIELD_NAMES[known]} ${issue.message}.`);
    }
    return { problems };
  }
  return { comment };
}

const FIELD_NAMES: Record<'title' | 'body' | 'author', string> = {
  title: 'The question line',
  body: 'Your text',
  author: 'The name',
};

/**
 * The request body as text, or `undefined` when it is longer than `limit` bytes: read no further than
 * that, whatever `Content-Length` claims.
 */
async function readLimited(request: Request, limit: number): Promise<string | undefined> {
  const declared = Number(request.headers.get('Content-Length') ?? 0);
  if (declared > limit) return undefined;
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** The inline stylesheets of a page as CSP sources, as `integrations/static-headers.ts` collects them. */
async function stylesOf(html: string): Promise<PageStyles> {
  const hashes = new Set<string>();
  for (const [, css] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(css));
    hashes.add(`'sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}'`);
  }
  return { styleHashes: [...hashes].sort(), styleAttributes: /<[a-z][^>]*\sstyle="/i.test(html) };
}

/** The page's `<title>` with `prefix` before it ("Error: ", as GOV.UK does, so a screen reader hears it first). */
function retitle(html: string, prefix: string): string {
  return prefix ? html.replace(/<title>/, `<title>${escapeHtml(prefix)}`) : html;
}

/**
 * Headers of every page the handler answers with: never cached, never indexed, HTTPS only (the host's
 * `_headers` rules do not reach a function's responses).
 */
const COMMON_HEADERS = {
  'Content-Type': 'text/html; charset=utf-8',
  'Cache-Control': 'no-store',
  'X-Robots-Tag': 'noindex',
  'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY,
};

function htmlResponse({ status, html, headers = {} }: Page): Response {
  return new Response(html, { status, headers: { ...headers, ...COMMON_HEADERS } });
}

/**
 * A page of its own, for when there is no ask page to show: a heading, what happened, and the reader's
 * text to copy (nothing they wrote is lost silently). No styles, no scripts.
 */
function plainPage(
  status: number,
  heading: string,
  paragraphs: string[],
  kept: QuestionFormValues = {},
  headers: Record<string, string> = {},
): Page {
  const keptText = [kept.title, kept.body].filter((text) => text && text.trim() !== '').join('\n\n');
  const html = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex">',
    `<title>${escapeHtml(heading)}</title></head><body><main>`,
    `<h1>${escapeHtml(heading)}</h1>`,
    ...paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`),
    keptText
      ? `<p><label for="kept">Your text, to copy:</label></p><p><textarea id="kept" rows="10" cols="60" readonly>\n${escapeHtml(keptText)}</textarea></p>`
      : '',
    '</main></body></html>',
  ].join('');
  return {
    status,
    html,
    headers: {
      'Content-Security-Policy': "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'X-Frame-Options': 'DENY',
      ...headers,
    },
  };
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));
