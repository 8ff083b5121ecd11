import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';

import { buildThread, paginateThreads, renderCommentBody, toDisplayThread } from '@/lib/comments';
import { AskPageError, isAskPageUrl, readQuestionContext, replaceFormRegion } from '@/lib/questions/ask-page';
import { askPageData, askPageTitle, excerpt, replyChoices } from '@/lib/questions/ask-page-data';

interface Input {
  id: string;
  parent?: string;
  author?: string;
  date?: Date;
  title?: string;
  body: string;
  status?: 'approved' | 'pending' | 'spam';
}

const pagesOf = (comments: Input[], threadsPerPage = 50) =>
  paginateThreads(
    toDisplayThread(
      buildThread(comments, 'test.json', (comment) => (comment.status ?? 'approved') === 'approved'),
      { maxIndent: 4, renderBody: renderCommentBody },
    ),
    threadsPerPage,
    (page) => `/articles/a/comments/${page}/`,
  );

const paths = {
  articlePath: '/articles/a/',
  action: '/api/questions',
  guidelinesPath: '/community-guidelines/',
  privacyPath: '/privacy/',
};

describe('excerpt', () => {
  test('keeps a short text whole, with its spaces collapsed', () => {
    expect(excerpt('  My legs\n\ncramp. ')).toBe('My legs cramp.');
  });

  test('cuts a long text at a word end and marks the cut', () => {
    const cut = excerpt('word '.repeat(30));
    expect(cut).toMatch(/^(word ){11}word…$/);
    expect(cut.length).toBeLessThanOrEqual(61);
  });
});

describe('replyChoices', () => {
  test('labels each published comment with who, when and how it starts, in reading order', () => {
    const choices = replyChoices(
      pagesOf([
        { id: 'q1', author: 'Sam', date: new Date('2024-03-03'), title: 'Cramps at night?', body: 'Body.' },
        { id: 'q2', body: '**Bold** start of a _long_ comment about cramps that goes on and on and on and on.' },
        { id: 'q1-a1', parent: 'q1', body: 'Stretching helped me.' },
      ]),
      'en-GB',
    );
    expect(choices).toEqual([
      { id: 'q1', label: 'Sam, 3 March 2024: Cramps at night?' },
      { id: 'q1-a1', label: 'Anonymous: Stretching helped me.' },
      { id: 'q2', label: 'Anonymous: Bold start of a long comment about cramps that goes on and…' },
    ]);
  });

  test('leaves out comments that are not published', () => {
    const choices = replyChoices(
      pagesOf([
        { id: 'q1', body: 'Shown.' },
        { id: 'q2', body: 'Waiting.', status: 'pending' },
        { id: 'q3', body: 'Spam.', status: 'spam' },
      ]),
      'en-GB',
    );
    expect(choices.map((choice) => choice.id)).toEqual(['q1']);
  });

  test('includes the comments of every comment page', () => {
    const comments = Array.from({ length: 5 }, (_, index) => ({ id: `q${index}`, body: `Question ${index}` }));
    expect(replyChoices(pagesOf(comments, 2), 'en-GB')).toHaveLength(5);
  });

  test('makes labels that would read the same unique with the comment’s id', () => {
    const choices = replyChoices(
      pagesOf([
        { id: 'q1', body: 'Thanks!' },
        { id: 'q2', body: 'Thanks!' },
      ]),
      'en-GB',
    );
    expect(choices.map((choice) => choice.label)).toEqual([
      'Anonymous: Thanks! (comment q1)',
      'Anonymous: Thanks! (comment q2)',
    ]);
  });
});

describe('askPageData', () => {
  const data = askPageData({
    article: { slug: 'a', title: 'Title with </script> & "quotes"', takesQuestions: true },
    commentPages: pagesOf([{ id: 'q1', author: '</script><script>alert(1)</script>', body: 'Hi' }]),
    paths,
    locale: 'en-GB',
  });
  const page = `<html><head><title>Ask</title></head><body>${data.formRegionHtml}${data.contextHtml}</body></html>`;

  test('writes a context the handler reads back exactly, whatever the titles and names hold', () => {
    expect(readQuestionContext(page)).toEqual(data.context);
    expect(data.context).toMatchObject({ article: 'a', takesQuestions: true, ...paths });
  });

  test('writes a data block that a browser never runs and no text can end', () => {
    const $ = cheerio.load(page);
    expect($('script')).toHaveLength(1);
    expect($('script').attr('type')).toBe('application/json');
  });

  test('writes the empty form, without a token, in a region the handler can replace', () => {
    const $ = cheerio.load(page);
    expect($('input[name="token"]').val()).toBe('');
    const replaced = replaceFormRegion(page, '<p id="new">New</p>');
    expect(cheerio.load(replaced)('form')).toHaveLength(0);
    expect(cheerio.load(replaced)('#new').text()).toBe('New');
    expect(readQuestionContext(replaced)).toEqual(data.context);
  });
});

test('askPageData leaves out the links to site pages the site does not have', () => {
  const { context, contextHtml } = askPageData({
    article: { slug: 'a', title: 'A', takesQuestions: true },
    commentPages: pagesOf([]),
    paths: { articlePath: '/articles/a/', action: '/api/questions' },
    locale: 'en-GB',
  });
  expect(context).not.toHaveProperty('guidelinesPath');
  expect(readQuestionContext(contextHtml)).toEqual(context);
});

describe('readQuestionContext', () => {
  test('says what is wrong with a page that is not an ask page', () => {
    expect(() => readQuestionContext('<html></html>')).toThrow(AskPageError);
    expect(() =>
      readQuestionContext('<script type="application/json" id="question-context">{"article":1}</script>'),
    ).toThrow(/not a question context/);
    expect(() => replaceFormRegion('<html></html>', 'x')).toThrow(/no question form markers/);
  });
});

test('isAskPageUrl knows an ask page from the other article pages', () => {
  expect(isAskPageUrl('https://example.org/health/articles/leg-cramps/ask/')).toBe(true);
  expect(isAskPageUrl('https://example.org/articles/leg-cramps/')).toBe(false);
  expect(isAskPageUrl('https://example.org/articles/ask/')).toBe(false);
});

test('askPageTitle says what the page is for in at most 70 characters, when the article’s title allows', () => {
  expect(askPageTitle('Leg cramps')).toBe('Ask a question: Leg cramps');
  const long = 'A'.repeat(60);
  expect(askPageTitle(long)).toBe(`Ask: ${long}`);
  expect(askPageTitle('B'.repeat(68))).toBe('B'.repeat(68));
});
