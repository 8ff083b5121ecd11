import * as cheerio from 'cheerio';
import { describe, expect, test } from 'vitest';

import { renderQuestionForm, renderReceivedNotice, type QuestionFormOptions } from '@/lib/questions/form';
import { COMMENT_LIMITS } from '@/schemas/comments';

const base: QuestionFormOptions = {
  action: '/api/questions',
  article: 'leg-cramps',
  replyChoices: [
    { id: 'q1', label: 'Sam, 3 March 2024: Cramps at night?' },
    { id: 'q1-a1', label: 'Anonymous: Stretching helped me.' },
  ],
  token: 'v1.1.sig',
  guidelinesPath: '/community-guidelines/',
  privacyPath: '/privacy/',
};
const form = (options: Partial<QuestionFormOptions> = {}) => cheerio.load(renderQuestionForm({ ...base, ...options }));

describe('renderQuestionForm', () => {
  test('posts to the handler with the article and the token as hidden fields', () => {
    const $ = form();
    expect($('form').attr('method')).toBe('post');
    expect($('form').attr('action')).toBe('/api/questions');
    expect($('input[type="hidden"][name="article"]').val()).toBe('leg-cramps');
    expect($('input[type="hidden"][name="token"]').val()).toBe('v1.1.sig');
  });

  test('offers a new question or a reply to each published comment, a new question chosen by default', () => {
    const $ = form();
    const options = $('select[name="reply"] option')
      .map((_, option) => [[$(option).val(), $(option).text()]])
      .get();
    expect(options).toEqual([
      ['', 'A new question'],
      ['q1', 'Reply to Sam, 3 March 2024: Cramps at night?'],
      ['q1-a1', 'Reply to Anonymous: Stretching helped me.'],
    ]);
    expect($('option[selected]').val()).toBe('');
  });

  test('preselects the comment being replied to', () => {
    expect(form({ values: { reply: 'q1-a1' } })('option[selected]').val()).toBe('q1-a1');
  });

  test('labels every field and limits the text to the comment limits', () => {
    const $ = form();
    for (const name of ['reply', 'title', 'body', 'author', 'consent', 'website']) {
      const id = $(`[name="${name}"]`).attr('id');
      expect($(`label[for="${id}"]`).text(), name).not.toBe('');
    }
    expect($('textarea[name="body"]').attr('maxlength')).toBe(String(COMMENT_LIMITS.bodyCharacters));
    expect($('input[name="title"]').attr('maxlength')).toBe(String(COMMENT_LIMITS.titleCharacters));
    expect($('input[name="author"]').attr('maxlength')).toBe(String(COMMENT_LIMITS.authorCharacters));
  });

  test('asks for no e-mail address or anything else that identifies the reader', () => {
    const $ = form();
    expect($('input[type="email"], input[name*="mail"], input[name*="phone"]')).toHaveLength(0);
  });

  test('hides the honeypot from sight and from the keyboard, labelled to leave it empty', () => {
    const $ = form();
    const honeypot = $('input[name="website"]');
    expect(honeypot.attr('tabindex')).toBe('-1');
    expect(honeypot.attr('autocomplete')).toBe('off');
    expect(honeypot.parent().attr('class')).toBe('qf-visually-hidden');
    expect($(`label[for="${honeypot.attr('id')}"]`).text()).toBe('Leave this field empty');
  });

  test('says the text is published for everyone, warns about health details and links the guidelines and privacy pages', () => {
    const $ = form();
    const notice = $('input[name="consent"]').closest('div').parent().text();
    expect(notice).toContain('published under the article for everyone to read');
    expect(notice).toContain('Health details can identify you');
    expect($('a[href="/community-guidelines/"]').text()).toBe('community guidelines');
    expect($('a[href="/privacy/"]').text()).toBe('privacy notice');
    expect($('input[name="consent"]').attr('required')).toBeDefined();
  });

  test('names the guidelines and privacy notice without a link when the site has no such page', () => {
    const $ = form({ guidelinesPath: undefined, privacyPath: undefined });
    expect($('.qf-text').text()).toContain(
      'Read the community guidelines and how we handle your words in the privacy notice.',
    );
    expect($('.qf-text a')).toHaveLength(0);
  });

  test('shows no error summary when nothing is wrong', () => {
    expect(form()('[role="alert"]')).toHaveLength(0);
  });

  test('lists the problems under "There is a problem", each linking to its field, and marks the fields', () => {
    const $ = form({
      problems: [
        { field: 'body', message: 'Write your question or reply.' },
        { message: 'The form was open for more than a day.' },
      ],
    });
    expect($('[role="alert"] h2').text()).toBe('There is a problem');
    expect($('[role="alert"] li a').attr('href')).toBe('#question-body');
    expect($('[role="alert"] li').eq(1).text()).toBe('The form was open for more than a day.');
    const body = $('#question-body');
    expect(body.attr('aria-invalid')).toBe('true');
    expect(body.attr('aria-describedby')?.split(' ')).toContain('question-body-error');
    expect($('#question-body-error').text()).toBe('Error: Write your question or reply.');
  });

  test('shows back what the reader typed, escaped, with the first line break of the text kept', () => {
    const values = {
      title: '"><script>x</script>',
      body: '\n</textarea><script>y</script>',
      author: "O'Brien & <b>",
      consent: true,
    };
    const $ = form({ values });
    expect($('script')).toHaveLength(0);
    expect($('#question-title').val()).toBe(values.title);
    expect($('#question-body').text()).toBe(values.body);
    expect($('#question-author').val()).toBe(values.author);
    expect($('#question-consent').attr('checked')).toBeDefined();
  });

  test('escapes reply labels and ids written by readers', () => {
    const $ = form({ replyChoices: [{ id: 'a"b', label: '<img src=x onerror=alert(1)>' }] });
    expect($('img')).toHaveLength(0);
    expect($('option').eq(1).text()).toBe('Reply to <img src=x onerror=alert(1)>');
  });

  test('carries Turnstile’s widget and script only when a site key is given', () => {
    expect(form()('script, .cf-turnstile')).toHaveLength(0);
    const $ = form({ turnstileSiteKey: 'key' });
    expect($('.cf-turnstile').attr('data-sitekey')).toBe('key');
    expect($('script').attr('src')).toBe('https://challenges.cloudflare.com/turnstile/v0/api.js');
    expect($('.cf-turnstile').parent().text()).toContain('needs JavaScript');
  });
});

describe('renderReceivedNotice', () => {
  test('says it was received and appears after review, linking back to the article', () => {
    const $ = cheerio.load(
      renderReceivedNotice({
        articlePath: '/articles/a/',
        articleTitle: 'A & B',
        askAgainPath: '/api/questions?article=a',
      }),
    );
    expect($('[role="status"]').text()).toContain('It will appear under the article after review');
    expect($('a[href="/articles/a/"]').text()).toBe('Back to “A & B”');
  });
});
