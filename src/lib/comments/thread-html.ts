/**
 * An article's comment threads as one HTML string: nested `ol > li > article`, one heading level for every
 * comment, replies foldable with `<details>`. One function call per page instead of Astro components per
 * comment, which cost the build several times as much (issue 18). The markup is the one the site's tests
 * pin (anchors, ARIA, classes); `tests/unit/lib/comments/thread-html.test.ts` holds it to them.
 *
 * Every text and attribute value is escaped here; only `bodyHtml`, sanitized by `render-body.ts` when the
 * comment was read, is written as it is. Tailwind reads the classes of this file (`src/styles/global.css`).
 */
import { site } from '@/config/site';
import { authorName, foldLabel, type Phrase } from '@/lib/comments/labels';
import { conversationAnchor, type DisplayComment } from '@/lib/comments/display';
import { COMMENT_LINK_REL } from '@/lib/comments/render-body';
import { formatDate, machineDate } from '@/lib/dates';
import { personPath } from '@/lib/urls';

/** What the threads show beside the comments themselves; the site's settings unless given. */
export interface ThreadHtmlOptions {
  /** Locale of the dates readers read. */
  dateLocale: string;
  /** The note under a reader's answer (a reply not written by the site's staff). */
  readerAnswerLabel: string;
}

const SITE_OPTIONS: ThreadHtmlOptions = { dateLocale: site.dateLocale, readerAnswerLabel: site.readerAnswerLabel };

const TEXT_SPECIALS = /[&<>'"]/g;
const TEXT_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', "'": '&#39;', '"': '&quot;' };

/** Text content, escaped as Astro escapes an expression's text, so the page is the same byte for byte. */
const text = (value: string) => value.replace(TEXT_SPECIALS, (special) => TEXT_ENTITIES[special]!);

/** A double-quoted attribute value, escaped as Astro escapes one (`&` and `"`). */
const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Readers' words isolated with `dir="auto"` (not `<bdi>`, whose text Pagefind leaves out of a heading's anchor). */
const phraseHtml = (phrase: Phrase) =>
  phrase
    .map((part) => (typeof part === 'string' ? text(part) : `<span dir="auto">${text(part.readerText)}</span>`))
    .join('');

const LIST_CLASS = 'comment-list space-y-3';
const NESTED_LIST_CLASS =
  'comment-list ms-1 space-y-2 border-s-2 border-slate-300 ps-3 sm:ms-2 sm:ps-5 dark:border-slate-600';
/**
 * A conversation (a question and its answers) is one bordered unit, apart from the next. On a phone only
 * its top and bottom are drawn: side borders and padding would take the width deep replies need.
 */
const CONVERSATION_CLASS = 'rounded-sm border-y border-slate-300 sm:border-x sm:px-2 dark:border-slate-700';
const COMMENT_CLASS = 'comment rounded-sm px-2 py-3';
/** Classes the site already has: every new utility adds CSS to every page. */
const STAFF_ANSWER_CLASS = 'staff-answer border-s-4 border-link bg-slate-50 dark:border-link-dark dark:bg-slate-900';
const META_LINK_CLASS = 'inline-block min-h-6';
const FOLD_CLASS =
  'inline-flex min-h-6 cursor-pointer items-center py-1 text-base font-semibold text-link dark:text-link-dark';
const READER_ANSWER_CLASS =
  'mt-2 inline-block rounded-sm bg-slate-100 px-2 text-sm font-medium text-slate-800 dark:bg-slate-800 dark:text-slate-200';
const BODY_CLASS = 'comment-body mt-2 space-y-3 break-words [&_pre]:overflow-x-auto';

function staffLine({ staff }: DisplayComment): string {
  if (!staff) return '';
  return (
    '<p class="mt-1 text-base"><span class="inline-block rounded-sm border border-current px-2 text-sm font-bold">Staff answer</span> Answered by ' +
    `<a class="font-semibold" href="${attribute(personPath(staff.id))}">${text(staff.name)}</a>` +
    (staff.credentials ? text(`, ${staff.credentials}`) : '') +
    (staff.role ? text(` (${staff.role})`) : '') +
    '</p>'
  );
}

function metaLine(comment: DisplayComment, options: ThreadHtmlOptions): string {
  let html = '<p class="comment-meta mt-1 flex flex-wrap items-baseline gap-x-3 gap-y-1 supporting-text">';
  if (!comment.staff) {
    const author = text(authorName(comment.author));
    html += comment.authorUrl
      ? `<a class="comment-author font-semibold" href="${attribute(comment.authorUrl)}" rel="${attribute(COMMENT_LINK_REL.join(' '))}"><span dir="auto">${author}</span></a>`
      : `<span dir="auto" class="comment-author font-semibold">${author}</span>`;
  }
  if (comment.date)
    html += `<time datetime="${attribute(machineDate(comment.date))}">${text(formatDate(comment.date, options.dateLocale))}</time>`;
  html += `<a href="${attribute(comment.permalink)}" class="${META_LINK_CLASS}">Link to this comment</a>`;
  if (comment.replyHref)
    html += `<a href="${attribute(comment.replyHref)}" class="${META_LINK_CLASS}">Reply<span class="sr-only"> to “${phraseHtml(comment.heading)}”</span></a>`;
  return `${html}</p>`;
}

function commentHtml(comment: DisplayComment, options: ThreadHtmlOptions): string {
  const { staff, replyingTo } = comment;
  const anchor = attribute(comment.anchor);
  return (
    `<article id="${anchor}" class="${COMMENT_CLASS}${staff ? ` ${STAFF_ANSWER_CLASS}` : ''}" aria-labelledby="${anchor}-heading">` +
    // Every comment has the same heading level whatever its depth, so the outline stays flat and navigable.
    `<h3 id="${anchor}-heading" class="text-lg font-bold text-balance">${phraseHtml(comment.heading)}</h3>` +
    staffLine(comment) +
    metaLine(comment, options) +
    (replyingTo
      ? `<p class="mt-1 supporting-text">Replying to <a class="inline-block" href="#${attribute(replyingTo.anchor)}"><span dir="auto">${text(authorName(replyingTo.author))}</span></a></p>`
      : '') +
    (comment.depth > 0 && !staff ? `<p class="${READER_ANSWER_CLASS}">${text(options.readerAnswerLabel)}</p>` : '') +
    `<div class="${attribute(BODY_CLASS)}" dir="auto">${comment.bodyHtml}</div>` +
    '</article>'
  );
}

/** One list of comments: the conversations of a page, or the replies to one comment (`nested`). */
function listHtml(comments: readonly DisplayComment[], nested: boolean, options: ThreadHtmlOptions): string {
  let html = `<ol class="${nested ? NESTED_LIST_CLASS : LIST_CLASS}">`;
  for (const comment of comments) {
    html += nested ? '<li>' : `<li id="${attribute(conversationAnchor(comment.id))}" class="${CONVERSATION_CLASS}">`;
    html += commentHtml(comment, options);
    if (comment.replies.length > 0) {
      html +=
        `<details class="replies" open><summary class="${FOLD_CLASS}">` +
        `<span class="fold-hide">${text(foldLabel('Hide', comment.hiddenCount))}</span>` +
        `<span class="fold-show">${text(foldLabel('Show', comment.hiddenCount))}</span></summary>` +
        // Display threads are at most `maxIndent` lists deep (`toDisplayThread`), so this recursion is shallow.
        listHtml(comment.replies, true, options) +
        '</details>';
    }
    html += '</li>';
  }
  return `${html}</ol>`;
}

/**
 * The HTML of a page's comment threads (`toDisplayThread`, then `paginateThreads`): one `<ol>` of
 * conversations, each a top-level comment with its replies nested below it.
 */
export function commentThreadsHtml(
  threads: readonly DisplayComment[],
  options: ThreadHtmlOptions = SITE_OPTIONS,
): string {
  return listHtml(threads, false, options);
}
