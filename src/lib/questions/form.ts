/**
 * The question form, as one HTML string: the static ask page (`pages/articles/[slug]/ask.astro`) shows it
 * empty, and the question handler shows it again with what the reader typed, what is wrong and a fresh
 * token. One function for both, so the page a reader first sees and the page that answers a mistake are
 * the same form. Pure: no Astro, no Node, every value escaped. Its styles are `styles/question-form.css`,
 * carried only by the ask page (article pages keep their size budget).
 */
import { escapeHtml } from '@/lib/html-text';
import { COMMENT_LIMITS } from '@/schemas/comments';

import { QUESTION_LIMITS } from '@/lib/questions/limits';

/** A published comment a reader may reply to, as the form lists it. */
export interface ReplyChoice {
  /** The comment's id. */
  id: string;
  /** Who wrote it, when and how it starts: "Anonymous, 3 March 2024: My legs cramp at night…". */
  label: string;
}

/** The form's fields, by their `name`. */
export const QUESTION_FIELDS = {
  article: 'article',
  token: 'token',
  reply: 'reply',
  title: 'title',
  body: 'body',
  author: 'author',
  consent: 'consent',
  /** The honeypot: people leave it empty, form-filling robots fill in anything called "website". */
  honeypot: 'website',
  /** Cloudflare Turnstile's own field, filled in by its script. */
  turnstile: 'cf-turnstile-response',
} as const;

/** Fields a message can point at: each has an element with the id `question-<field>`. */
export type QuestionField = 'reply' | 'title' | 'body' | 'author' | 'consent' | 'honeypot' | 'turnstile';

/** Something the reader must change before sending again. */
export interface FormProblem {
  /** The field it is about; none for the form as a whole (an expired form, the service down). */
  field?: QuestionField | undefined;
  /** What is wrong and what to do, in one sentence for the reader. */
  message: string;
}

/** What the reader typed, shown back as it was. */
export interface QuestionFormValues {
  /** Id of the comment replied to; empty or absent for a new question. */
  reply?: string | undefined;
  title?: string | undefined;
  body?: string | undefined;
  author?: string | undefined;
  consent?: boolean | undefined;
  /** The honeypot, shown back only when it was filled in. */
  honeypot?: string | undefined;
}

export interface QuestionFormOptions {
  /** Where the form posts: the question handler (`questionsEndpointPath()`). */
  action: string;
  /** Slug of the article asked about. */
  article: string;
  /** The published comments a reader may reply to, in page order. */
  replyChoices: readonly ReplyChoice[];
  /** The signed token of `form-token.ts`; empty on the static page (the handler fills it in). */
  token: string;
  /** The community guidelines and privacy pages, linked from the consent question when the site has them. */
  guidelinesPath?: string | undefined;
  privacyPath?: string | undefined;
  values?: QuestionFormValues | undefined;
  problems?: readonly FormProblem[] | undefined;
  /** Cloudflare Turnstile's site key, when the site uses Turnstile: the form then carries its widget. */
  turnstileSiteKey?: string | undefined;
}

/** Every attribute here is double-quoted, as `escapeHtml` requires. */
export { escapeHtml };

/** The id of a field's element, which the error summary links to. */
export const fieldId = (field: QuestionField) => `question-${field}`;
const messageId = (field: QuestionField) => `question-${field}-error`;
const hintId = (field: QuestionField) => `question-${field}-hint`;

/** Address of Turnstile's script, which draws its widget (it needs JavaScript). */
export const TURNSTILE_SCRIPT = 'https://challenges.cloudflare.com/turnstile/v0/api.js';

// Classes of `styles/question-form.css`, which only the pages showing the form carry.
const LABEL = 'qf-label';
const HINT = 'qf-hint';
const ERROR_MESSAGE = 'qf-error';
const INPUT = 'qf-input';
const INPUT_WITH_ERROR = 'qf-input-error';
const GROUP = 'qf-group';
const GROUP_WITH_ERROR = 'qf-group-error';

/** The `<div>` with the question form and everything it says, ready for the page. */
export function renderQuestionForm(options: QuestionFormOptions): string {
  const values = options.values ?? {};
  const problems = options.problems ?? [];
  const problemFor = (field: QuestionField) => problems.find((problem) => problem.field === field);
  const chosenReply = options.replyChoices.some((choice) => choice.id === values.reply) ? values.reply : '';

  /** `aria-describedby` and the message of a field, and the classes that show it is wrong. */
  const described = (field: QuestionField, hint: boolean) => {
    const problem = problemFor(field);
    const ids = [...(hint ? [hintId(field)] : []), ...(problem ? [messageId(field)] : [])];
    return {
      attribute: ids.length > 0 ? ` aria-describedby="${ids.join(' ')}"` : '',
      invalid: problem ? ' aria-invalid="true"' : '',
      message: problem
        ? `<span id="${messageId(field)}" class="${ERROR_MESSAGE}"><span class="qf-visually-hidden">Error: </span>${escapeHtml(problem.message)}</span>`
        : '',
      group: problem ? `${GROUP} ${GROUP_WITH_ERROR}` : GROUP,
      input: problem ? `${INPUT} ${INPUT_WITH_ERROR}` : INPUT,
    };
  };

  const reply = described('reply', true);
  const replyOptions = [
    `<option value=""${chosenReply === '' ? ' selected' : ''}>A new question</option>`,
    ...options.replyChoices.map(
      (choice) =>
        `<option value="${escapeHtml(choice.id)}"${choice.id === chosenReply ? ' selected' : ''}>Reply to ${escapeHtml(choice.label)}</option>`,
    ),
  ];
  const title = described('title', true);
  const body = described('body', true);
  const author = described('author', true);
  const consent = described('consent', false);
  const turnstile = described('turnstile', true);
  const honeypot = described('honeypot', false);

  return [
    `<div id="question-form" class="question-form">`,
    errorSummary(problems),
    `<form method="post" action="${escapeHtml(options.action)}" accept-charset="utf-8" novalidate>`,
    `<input type="hidden" name="${QUESTION_FIELDS.article}" value="${escapeHtml(options.article)}">`,
    `<input type="hidden" name="${QUESTION_FIELDS.token}" value="${escapeHtml(options.token)}">`,

    `<div class="${reply.group}">`,
    `<label for="${fieldId('reply')}" class="${LABEL}">What are you writing?</label>`,
    `<span id="${hintId('reply')}" class="${HINT}">A new question, or a reply to a comment already published.</span>`,
    reply.message,
    `<select id="${fieldId('reply')}" name="${QUESTION_FIELDS.reply}" class="${reply.input}"${reply.attribute}${reply.invalid}>${replyOptions.join('')}</select>`,
    `</div>`,

    `<div class="${title.group}">`,
    `<label for="${fieldId('title')}" class="${LABEL}">Your question in one line</label>`,
    `<span id="${hintId('title')}" class="${HINT}">For a new question. Leave it empty when you reply.</span>`,
    title.message,
    `<input type="text" id="${fieldId('title')}" name="${QUESTION_FIELDS.title}" maxlength="${COMMENT_LIMITS.titleCharacters}" value="${escapeHtml(values.title ?? '')}" autocomplete="off" class="${title.input}"${title.attribute}${title.invalid}>`,
    `</div>`,

    `<div class="${body.group}">`,
    `<label for="${fieldId('body')}" class="${LABEL}">Your question or reply</label>`,
    `<span id="${hintId('body')}" class="${HINT}">Up to ${COMMENT_LIMITS.bodyCharacters.toLocaleString('en-GB')} characters and at most ${QUESTION_LIMITS.links} links. A blank line starts a new paragraph.</span>`,
    body.message,
    `<textarea id="${fieldId('body')}" name="${QUESTION_FIELDS.body}" rows="8" maxlength="${COMMENT_LIMITS.bodyCharacters}" required class="${body.input}"${body.attribute}${body.invalid}>`,
    // A textarea drops one newline right after its start tag: keep the reader's own first line break.
    `\n${escapeHtml(values.body ?? '')}</textarea>`,
    `</div>`,

    `<div class="${author.group}">`,
    `<label for="${fieldId('author')}" class="${LABEL}">Name to show (optional)</label>`,
    `<span id="${hintId('author')}" class="${HINT}">Shown with your words. Leave it empty to appear as “Anonymous”; do not use your full name.</span>`,
    author.message,
    `<input type="text" id="${fieldId('author')}" name="${QUESTION_FIELDS.author}" maxlength="${COMMENT_LIMITS.authorCharacters}" value="${escapeHtml(values.author ?? '')}" autocomplete="off" class="${author.input}"${author.attribute}${author.invalid}>`,
    `</div>`,

    // Visually hidden; a screen reader user hears its label. Robots fill it in, people do not; when it
    // came back filled in, it is shown with its message, so a person whose browser filled it can empty it.
    `<div class="${honeypot.message ? honeypot.group : 'qf-visually-hidden'}">`,
    `<label for="${fieldId('honeypot')}"${honeypot.message ? ` class="${LABEL}"` : ''}>Leave this field empty</label>`,
    honeypot.message,
    `<input type="text" id="${fieldId('honeypot')}" name="${QUESTION_FIELDS.honeypot}" value="${escapeHtml(values.honeypot ?? '')}" tabindex="-1" autocomplete="off"${honeypot.message ? ` class="${honeypot.input}"${honeypot.attribute}${honeypot.invalid}` : ''}>`,
    `</div>`,

    `<div class="${consent.group}">`,
    `<p class="qf-label">Before you send</p>`,
    `<p class="qf-text">What you write will be published under the article for everyone to read, with the name you chose, once a moderator has read it. Health details can identify you or someone else: leave out names, places and anything you would not want a stranger to know. Read the ${link(options.guidelinesPath, 'community guidelines')} and how we handle your words in the ${link(options.privacyPath, 'privacy notice')}.</p>`,
    consent.message,
    `<div class="qf-consent">`,
    `<input type="checkbox" id="${fieldId('consent')}" name="${QUESTION_FIELDS.consent}" value="yes" required class="qf-checkbox"${values.consent ? ' checked' : ''}${consent.attribute}${consent.invalid}>`,
    `<label for="${fieldId('consent')}">I understand that what I write will be published for everyone to read</label>`,
    `</div>`,
    `</div>`,

    options.turnstileSiteKey
      ? [
          `<div class="${turnstile.group}">`,
          `<p id="${hintId('turnstile')}" class="${HINT}">A check by Cloudflare that you are not a robot. It needs JavaScript.</p>`,
          turnstile.message,
          `<div id="${fieldId('turnstile')}" class="cf-turnstile qf-turnstile" data-sitekey="${escapeHtml(options.turnstileSiteKey)}"></div>`,
          `<script src="${TURNSTILE_SCRIPT}" async defer></script>`,
          `</div>`,
        ].join('')
      : '',

    `<button type="submit" class="qf-button">Send</button>`,
    `</form>`,
    `</div>`,
  ].join('');
}

/** A link to one of the site's pages, or its name alone when the site has no such page. */
const link = (path: string | undefined, text: string) =>
  path === undefined ? text : `<a href="${escapeHtml(path)}">${text}</a>`;

/** The GOV.UK error summary: "There is a problem", each problem a link to its field. */
function errorSummary(problems: readonly FormProblem[]): string {
  if (problems.length === 0) return '';
  const items = problems.map((problem) =>
    problem.field
      ? `<li><a href="#${fieldId(problem.field)}">${escapeHtml(problem.message)}</a></li>`
      : `<li>${escapeHtml(problem.message)}</li>`,
  );
  return [
    `<div class="qf-summary" role="alert" aria-labelledby="question-problems-heading" tabindex="-1">`,
    `<h2 id="question-problems-heading">There is a problem</h2>`,
    `<ul>${items.join('')}</ul>`,
    `</div>`,
  ].join('');
}

/** The page's form region after a submission was stored: received, and shown only after review. */
export function renderReceivedNotice(options: { articlePath: string; articleTitle: string; askAgainPath: string }) {
  return [
    `<div id="question-form" class="question-form">`,
    `<div class="qf-received" role="status">`,
    `<h2>Thank you: we received it</h2>`,
    `<p class="qf-text">A moderator will read it before it is published. It will appear under the article after review, and may not appear if it breaks the community guidelines.</p>`,
    `</div>`,
    `<p class="qf-text"><a href="${escapeHtml(options.articlePath)}">Back to “${escapeHtml(options.articleTitle)}”</a></p>`,
    `<p class="qf-text"><a href="${escapeHtml(options.askAgainPath)}">Ask another question</a></p>`,
    `</div>`,
  ].join('');
}
