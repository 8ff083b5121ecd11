/**
 * The static ask page (`/articles/<slug>/ask/`) as the question handler reads it: the form region between
 * two marker comments, which the handler replaces, and a JSON data block saying what the handler needs to
 * know about the article. The build writes both (`ask-page-data.ts`, `pages/articles/[slug]/ask.astro`);
 * nothing here needs Node or Astro.
 */
import { serializeJsonLd } from '@/lib/seo/json-ld';

import type { ReplyChoice } from '@/lib/questions/form';

/** What the handler learns about an article from its ask page. */
export interface QuestionContext {
  /** The article's slug. */
  article: string;
  /** The article's title. */
  title: string;
  /** The article page's address. */
  articlePath: string;
  /** Whether the article takes questions (its `questions` field); the page is built only when it does. */
  takesQuestions: boolean;
  /** The published comments a reader may reply to. */
  replyChoices: ReplyChoice[];
  /** Where the form posts: the question handler. */
  action: string;
  /** The community guidelines and privacy pages, linked from the form; absent when the site has no such page. */
  guidelinesPath?: string | undefined;
  privacyPath?: string | undefined;
}

/** Whether an address is an article's ask page (`askPagePath`), kept out of the sitemap. */
export const isAskPageUrl = (url: string) => /\/articles\/[^/]+\/ask\/$/.test(url);

/** Marks where the form region starts and ends in the ask page. */
export const FORM_REGION_START = '<!-- question-form:start -->';
export const FORM_REGION_END = '<!-- question-form:end -->';

/** The id of the JSON data block holding the `QuestionContext`. */
export const CONTEXT_ELEMENT_ID = 'question-context';

/** The form region, markers included, for the page to write. */
export const formRegion = (html: string) => `${FORM_REGION_START}${html}${FORM_REGION_END}`;

/**
 * The data block for the page: `<script type="application/json">`, which a browser never runs (the page
 * keeps `script-src 'none'`), its JSON escaped so no title or label can end the element.
 */
export const contextElement = (context: QuestionContext) =>
  `<script type="application/json" id="${CONTEXT_ELEMENT_ID}">${serializeJsonLd(context)}</script>`;

/** An ask page the handler cannot use. */
export class AskPageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AskPageError';
  }
}

const CONTEXT_PATTERN = new RegExp(`<script type="application/json" id="${CONTEXT_ELEMENT_ID}">([^<]*)</script>`);

/**
 * The context of a built ask page.
 * @throws AskPageError when the page has no data block or it does not hold a context
 */
export function readQuestionContext(html: string): QuestionContext {
  const json = CONTEXT_PATTERN.exec(html)?.[1];
  if (json === undefined) throw new AskPageError(`the ask page has no <script id="${CONTEXT_ELEMENT_ID}"> block`);
  const data: unknown = JSON.parse(json);
  const context = data as QuestionContext;
  const strings = ['article', 'title', 'articlePath', 'action'] as const;
  const optionalStrings = ['guidelinesPath', 'privacyPath'] as const;
  if (
    typeof data !== 'object' ||
    data === null ||
    strings.some((key) => typeof context[key] !== 'string') ||
    optionalStrings.some((key) => context[key] !== undefined && typeof context[key] !== 'string') ||
    typeof context.takesQuestions !== 'boolean' ||
    !Array.isArray(context.replyChoices) ||
    context.replyChoices.some((choice) => typeof choice?.id !== 'string' || typeof choice.label !== 'string')
  ) {
    throw new AskPageError(`the ask page's <script id="${CONTEXT_ELEMENT_ID}"> block is not a question context`);
  }
  return context;
}

/**
 * The page with its form region replaced by `region`.
 * @throws AskPageError when the page has no form region
 */
export function replaceFormRegion(html: string, region: string): string {
  const start = html.indexOf(FORM_REGION_START);
  const end = html.indexOf(FORM_REGION_END, start);
  if (start === -1 || end === -1) throw new AskPageError('the ask page has no question form markers');
  return `${html.slice(0, start + FORM_REGION_START.length)}${region}${html.slice(end)}`;
}
