/**
 * What an article's static ask page (`pages/articles/[slug]/ask.astro`) shows: the empty question form,
 * and the context the question handler reads back from it (`ask-page.ts`). Pure: the page hands in the
 * article and its published comments as `lib/content.ts` gives them.
 */
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';

import { authorName, type DisplayComment } from '@/lib/comments';
import { formatDate } from '@/lib/dates';
import type { ListPage } from '@/lib/pagination';

import { contextElement, formRegion, type QuestionContext } from '@/lib/questions/ask-page';
import { renderQuestionForm, type ReplyChoice } from '@/lib/questions/form';

/** Characters of a comment's first words in its reply label, before "…". */
const EXCERPT_CHARACTERS = 60;

/** The first words of a text, cut at a word end and marked "…" when cut. */
export function excerpt(text: string, characters = EXCERPT_CHARACTERS): string {
  const words = text.replace(/\s+/g, ' ').trim();
  if (words.length <= characters) return words;
  const cut = words.slice(0, characters + 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > characters / 2 ? cut.slice(0, lastSpace) : cut.slice(0, characters)).trimEnd()}…`;
}

/** Every comment of the pages, in reading order (question, then its replies, then the next question). */
function inReadingOrder(pages: readonly ListPage<DisplayComment>[]): DisplayComment[] {
  const comments: DisplayComment[] = [];
  const stack = pages.flatMap((page) => page.items).reverse();
  while (stack.length > 0) {
    const comment = stack.pop()!;
    comments.push(comment);
    for (let index = comment.replies.length - 1; index >= 0; index--) stack.push(comment.replies[index]!);
  }
  return comments;
}

/**
 * The published comments a reader may reply to, each labelled "Sam, 3 March 2024: My legs cramp…": who,
 * when, and the question line or the first words. Labels are plain text (the form escapes them), and
 * unique: two that would read the same end with the comment's id.
 */
export function replyChoices(pages: readonly ListPage<DisplayComment>[], locale: string): ReplyChoice[] {
  const choices = inReadingOrder(pages).map((comment) => {
    const words = comment.title ?? toText(fromHtml(comment.bodyHtml, { fragment: true }));
    const when = comment.date ? `, ${formatDate(comment.date, locale)}` : '';
    // A staff answer goes by the person it names (`staff`, set by the thread display once staff answers exist).
    const staff = (comment as { staff?: { name: string } | undefined }).staff;
    return { id: comment.id, label: `${staff?.name ?? authorName(comment.author)}${when}: ${excerpt(words)}` };
  });
  const uses = new Map<string, number>();
  for (const { label } of choices) uses.set(label, (uses.get(label) ?? 0) + 1);
  return choices.map((choice) =>
    uses.get(choice.label)! > 1 ? { ...choice, label: `${choice.label} (comment ${choice.id})` } : choice,
  );
}

/** Characters of a page title that search results and browser tabs show (html-validate's `long-title`). */
const TITLE_CHARACTERS = 70;

/** The ask page's title: "Ask a question: <article>", shortened to fit, or the article's title alone. */
export function askPageTitle(articleTitle: string): string {
  const candidates = [`Ask a question: ${articleTitle}`, `Ask: ${articleTitle}`];
  return candidates.find((title) => title.length <= TITLE_CHARACTERS) ?? articleTitle;
}

export interface AskPageInput {
  article: { slug: string; title: string; takesQuestions: boolean };
  /** The article's comment pages (`getArticleComments`). */
  commentPages: readonly ListPage<DisplayComment>[];
  paths: Pick<QuestionContext, 'articlePath' | 'action' | 'guidelinesPath' | 'privacyPath'>;
  locale: string;
}

/** A type, not an interface: Astro's page props must be assignable to a record. */
export type AskPageData = {
  context: QuestionContext;
  /** The form region, markers included, for `set:html`. */
  formRegionHtml: string;
  /** The `<script type="application/json">` data block, for `set:html`. */
  contextHtml: string;
};

/** The ask page's form and data block. */
export function askPageData({ article, commentPages, paths, locale }: AskPageInput): AskPageData {
  const context: QuestionContext = {
    article: article.slug,
    title: article.title,
    takesQuestions: article.takesQuestions,
    replyChoices: replyChoices(commentPages, locale),
    articlePath: paths.articlePath,
    action: paths.action,
    // Left out, not undefined, when the site has no such page: the context is JSON.
    ...(paths.guidelinesPath !== undefined && { guidelinesPath: paths.guidelinesPath }),
    ...(paths.privacyPath !== undefined && { privacyPath: paths.privacyPath }),
  };
  const form = renderQuestionForm({
    action: context.action,
    article: context.article,
    replyChoices: context.replyChoices,
    // The handler serves the form with a token; sent from here, the form comes back asking to send again.
    token: '',
    guidelinesPath: context.guidelinesPath,
    privacyPath: context.privacyPath,
  });
  return { context, formRegionHtml: formRegion(form), contextHtml: contextElement(context) };
}
