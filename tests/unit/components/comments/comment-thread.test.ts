import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';

import CommentSection from '@/components/comments/CommentSection.astro';
import { site } from '@/config/site';
import {
  buildThread,
  paginateThreads,
  renderCommentBody,
  toDisplayThread,
  type ArticleQuestions,
  type DisplayableComment,
  type StaffMember,
} from '@/lib/comments';
import { personPath, questionFormPath } from '@/lib/urls';

/** A comment as a comments file gives it, with its Markdown body. */
type Input = DisplayableComment & { body: string };

/** People of the site, as `content/people/` would give them. */
const PEOPLE: Record<string, StaffMember> = {
  'jo-gp': { id: 'jo-gp', name: 'Dr Jo Reviewer', credentials: 'MBBS, MRCGP', role: 'GP' },
};

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

const pageHref = (page: number) => (page === 1 ? '/articles/a/' : `/articles/a/comments/${page}/`);

async function renderSection(
  comments: Input[],
  articleTitle = 'Leg cramps',
  maxIndent = 4,
  threadsPerPage = 50,
  pageNumber = 1,
  questions: ArticleQuestions = 'off',
) {
  const thread = buildThread(comments, 'test.json');
  const pages = paginateThreads(
    toDisplayThread(thread, {
      maxIndent,
      renderBody: renderCommentBody,
      findPerson: (id) => PEOPLE[id]!,
      ...(questions === 'open' && { replyHref: (id: string) => questionFormPath('a', id) }),
    }),
    threadsPerPage,
    pageHref,
  );
  const html = await container.renderToString(CommentSection, {
    props: {
      articleTitle,
      count: thread.count,
      page: pages[pageNumber - 1],
      questions,
      askHref: questions === 'open' ? questionFormPath('a') : undefined,
    },
  });
  return cheerio.load(html);
}

/** What a screen reader announces for an element named by `aria-labelledby`, or by its own text. */
const accessibleName = ($: cheerio.CheerioAPI, element: cheerio.Cheerio<never>) => {
  const labelledBy = element.attr('aria-labelledby');
  const text = labelledBy
    ? labelledBy
        .split(' ')
        .map((id) => $(`#${id}`).text())
        .join(' ')
    : element.text();
  return text.replace(/\s+/g, ' ').trim();
};

const questionWithAnswer: Input[] = [
  { id: 'q1', title: 'Are cramps normal?', body: 'Asking for me.' },
  { id: 'a1', parent: 'q1', author: 'Jo', date: new Date('2024-03-05T00:00:00Z'), body: 'Yes.\nMostly.' },
];

describe('CommentSection', () => {
  test('heads the section with the count in its plural form', async () => {
    const $ = await renderSection(questionWithAnswer);
    expect($('h2').text()).toBe('2 thoughts on “Leg cramps”');
  });

  test('heads a single comment with "One thought"', async () => {
    const $ = await renderSection([{ id: 'q1', body: 'Hello' }]);
    expect($('h2').text()).toBe('One thought on “Leg cramps”');
  });

  test('says there are no comments yet and renders no list', async () => {
    const $ = await renderSection([]);
    expect($('h2').text()).toBe('No thoughts yet on “Leg cramps”');
    expect($('ol')).toHaveLength(0);
  });

  test('nests each answer in an ordered list inside its question’s list item', async () => {
    const $ = await renderSection(questionWithAnswer);
    const question = $('section > div > ol > li');
    expect(question).toHaveLength(1);
    expect(question.children('article').attr('id')).toBe('comment-q1');
    expect(question.find('> details > ol > li > article').attr('id')).toBe('comment-a1');
  });

  test('gives every comment an anchor and a visible permalink to it', async () => {
    const $ = await renderSection(questionWithAnswer);
    for (const id of ['q1', 'a1']) {
      const link = $(`#comment-${id} a[href="/articles/a/#comment-${id}"]`);
      expect(link.text()).toBe('Link to this comment');
    }
  });

  test('puts every comment’s heading at the same level, however deep', async () => {
    const chain: Input[] = Array.from({ length: 7 }, (_, i) => ({
      id: `c${i}`,
      ...(i > 0 ? { parent: `c${i - 1}` } : {}),
      body: `reply ${i}`,
    }));
    const $ = await renderSection(chain);
    expect($('article.comment')).toHaveLength(7);
    expect($('article.comment > h3')).toHaveLength(7);
    expect($('article.comment h2, article.comment h4, article.comment h5, article.comment h6')).toHaveLength(0);
  });

  test('shows the question line as the question’s heading', async () => {
    const $ = await renderSection(questionWithAnswer);
    expect($('#comment-q1 h3').text()).toBe('Are cramps normal?');
  });

  test('names an unknown writer "Anonymous" and shows no date', async () => {
    const $ = await renderSection(questionWithAnswer);
    expect($('#comment-q1').text()).toContain('Anonymous');
    expect($('#comment-q1 time')).toHaveLength(0);
  });

  test('shows a known writer and a machine-readable date', async () => {
    const $ = await renderSection(questionWithAnswer);
    expect($('#comment-a1 h3').text()).toBe('Reply to “Are cramps normal?”');
    expect($('#comment-a1 time').attr('datetime')).toBe('2024-03-05');
    expect($('#comment-a1 time').text()).toBe('5 March 2024');
  });

  test('labels answers, not questions, as a reader’s experience', async () => {
    const $ = await renderSection(questionWithAnswer);
    expect($('#comment-a1').text()).toContain('not medical advice');
    expect($('#comment-q1').text()).not.toContain('not medical advice');
  });

  test('folds replies with a native details element, open at first, labelled with the count', async () => {
    const $ = await renderSection(questionWithAnswer);
    const details = $('#comment-q1').siblings('details');
    expect(details.attr('open')).toBeDefined();
    expect(details.children('summary').text()).toBe('Hide 1 replyShow 1 reply');
    expect(details.children('summary').find('h1, h2, h3, h4, h5, h6')).toHaveLength(0);
  });

  test('renders the body’s line breaks and paragraphs', async () => {
    const $ = await renderSection(questionWithAnswer);
    expect($('#comment-a1 .comment-body').html()).toBe('<p>Yes.<br>\nMostly.</p>');
  });

  test('shows replies below the indentation cap with a link to the comment they answer', async () => {
    const $ = await renderSection(
      [
        { id: 'q', body: 'q' },
        { id: 'a', parent: 'q', author: 'Ann', body: 'a' },
        { id: 'b', parent: 'a', body: 'b' },
      ],
      'T',
      1,
    );
    expect($('#comment-q').siblings('details').find('> ol > li > article')).toHaveLength(2);
    expect($('#comment-b a[href="#comment-a"]').text()).toBe('Ann');
    expect($('#comment-a').text()).not.toContain('Replying to');
  });

  test('links a writer’s name to their page as user content', async () => {
    const $ = await renderSection([{ id: 'x', author: 'Jo', authorUrl: 'https://jo.example/', body: 'b' }]);
    const link = $('#comment-x .comment-author');
    expect([link.prop('tagName'), link.attr('href'), link.attr('rel')]).toEqual([
      'A',
      'https://jo.example/',
      'nofollow ugc noopener',
    ]);
  });

  test('shows no page navigation when every thread fits on one page', async () => {
    const $ = await renderSection(questionWithAnswer);
    expect($('nav')).toHaveLength(0);
  });

  test('shows a page of threads with navigation to the others, the current page marked', async () => {
    const questions: Input[] = Array.from({ length: 5 }, (_, i) => ({ id: `q${i + 1}`, body: `question ${i + 1}` }));
    const $ = await renderSection(questions, 'T', 4, 2, 2);
    expect(
      $('article.comment')
        .map((_, a) => $(a).attr('id'))
        .get(),
    ).toEqual(['comment-q3', 'comment-q4']);
    expect($('h2').text()).toBe('5 thoughts on “T”');
    expect($('section > p').eq(1).text()).toBe('Page 2 of 3: conversations 3 to 4 of 5.');
    const nav = $('nav[aria-label="Comment pages"]');
    expect(
      nav
        .find('a')
        .map((_, a) => `${$(a).text().replace(/\s+/g, ' ').trim()} ${$(a).attr('href')}`)
        .get(),
    ).toEqual([
      'Previous page /articles/a/',
      'Page 1 /articles/a/',
      'Page 2 /articles/a/comments/2/',
      'Page 3 /articles/a/comments/3/',
      'Next page /articles/a/comments/3/',
    ]);
    expect(nav.find('[aria-current="page"]').attr('href')).toBe('/articles/a/comments/2/');
  });

  test('leaves out runs of distant pages as “…”, as the article lists do', async () => {
    const questions: Input[] = Array.from({ length: 10 }, (_, i) => ({ id: `q${i + 1}`, body: `question ${i + 1}` }));
    const $ = await renderSection(questions, 'T', 4, 1, 5);
    const nav = $('nav[aria-label="Comment pages"]');
    expect(
      nav
        .find('li')
        .map((_, li) => $(li).text().replace(/\s+/g, ' ').trim())
        .get(),
    ).toEqual(['Previous page', 'Page 1', '…', 'Page 4', 'Page 5', 'Page 6', '…', 'Page 10', 'Next page']);
    expect(nav.find('li[aria-hidden="true"]')).toHaveLength(2);
  });

  test('links each comment to the page that holds it', async () => {
    const questions: Input[] = Array.from({ length: 3 }, (_, i) => ({ id: `q${i + 1}`, body: `question ${i + 1}` }));
    const $ = await renderSection(questions, 'T', 4, 2, 2);
    expect(
      $('#comment-q3 a')
        .filter((_, a) => $(a).text() === 'Link to this comment')
        .attr('href'),
    ).toBe('/articles/a/comments/2/#comment-q3');
  });

  test('escapes a writer’s name and title', async () => {
    const $ = await renderSection([{ id: 'x', author: '<img src=x onerror=alert(1)>', title: '<b>hi</b>', body: 'b' }]);
    expect($('img')).toHaveLength(0);
    expect($('#comment-x h3').text()).toBe('<b>hi</b>');
  });
  test('names each comment and each Reply link uniquely, where every writer is anonymous and undated', async () => {
    const $ = await renderSection(
      [
        { id: 'q1', title: 'Cramps?', body: 'q' },
        { id: 'a1', parent: 'q1', body: 'a' },
        { id: 'a2', parent: 'q1', body: 'b' },
        { id: 'c1', body: 'c' },
        { id: 'c2', body: 'd' },
        { id: 'r1', parent: 'c1', body: 'e' },
      ],
      'T',
      4,
      50,
      1,
      'open',
    );
    const names = $('article.comment')
      .map((_, article) => accessibleName($, $(article) as cheerio.Cheerio<never>))
      .get();
    expect(names).toEqual([
      'Cramps?',
      'Reply 1 to “Cramps?”',
      'Reply 2 to “Cramps?”',
      'Comment 1',
      'Reply to Anonymous',
      'Comment 2',
    ]);
    const replyLinks = $('a')
      .filter((_, a) => $(a).text().startsWith('Reply'))
      .map((_, a) => $(a).text().replace(/\s+/g, ' ').trim())
      .get();
    expect(replyLinks).toHaveLength(6);
    expect(new Set(replyLinks).size).toBe(6);
    expect(replyLinks[1]).toBe('Reply to “Reply 1 to “Cramps?””');
  });

  test('does not repeat the writer’s name in the heading above it', async () => {
    const $ = await renderSection([
      { id: 'q1', author: 'Sam', body: 'q' },
      { id: 'a1', parent: 'q1', author: 'Jo', body: 'a' },
    ]);
    expect($('#comment-q1 h3').text()).toBe('Comment');
    expect($('#comment-a1 h3').text()).toBe('Reply to Sam');
    expect($('#comment-a1 .comment-author').text()).toBe('Jo');
  });

  test('isolates readers’ names, titles and bodies from the text around them', async () => {
    const evil = '\u202Eevil';
    const $ = await renderSection(
      [
        { id: 'q', author: evil, title: `${evil} title`, body: 'q' },
        { id: 'a', parent: 'q', author: evil, body: 'a' },
        { id: 'b', parent: 'a', author: evil, body: 'b' },
        { id: 'c', author: 'Al', body: 'c' },
        { id: 'd', parent: 'c', author: 'Bo', body: 'd' },
        { id: 'e', parent: 'd', body: 'e' },
      ],
      'T',
      1,
      50,
      1,
      'open',
    );
    // Every piece of reader text in a heading, a writer's name, a "Replying to" line or a Reply link sits in
    // its own dir="auto" span.
    for (const isolated of $('.comment span[dir="auto"]').toArray()) expect($(isolated).children()).toHaveLength(0);
    expect($('#comment-q h3 span[dir="auto"]').text()).toBe(`${evil} title`);
    expect($('#comment-a .comment-author').attr('dir')).toBe('auto');
    expect($('#comment-b a[href="#comment-a"] span[dir="auto"]').text()).toBe(evil);
    expect($('#comment-e h3 span[dir="auto"]').text()).toBe('Bo');
    expect($('#comment-q a[href*="reply="] span[dir="auto"]').text()).toBe(`${evil} title`);
    expect(
      $('.comment-body')
        .toArray()
        .every((body) => $(body).attr('dir') === 'auto'),
    ).toBe(true);
  });

  test('gives each conversation a container of its own', async () => {
    const $ = await renderSection([...questionWithAnswer, { id: 'q2', title: 'Another?', body: 'b' }]);
    const threads = $('section > div > ol > li');
    expect(threads).toHaveLength(2);
    expect(threads.toArray().every((thread) => ($(thread).attr('class') ?? '').includes('border'))).toBe(true);
  });

  describe('when the article takes questions', () => {
    test('invites a question under the threads, leading to the question form', async () => {
      const $ = await renderSection(questionWithAnswer, 'T', 4, 50, 1, 'open');
      const ask = $('a').filter((_, a) => $(a).text().trim() === 'Ask a question');
      expect(ask.attr('href')).toBe(questionFormPath('a'));
      expect(ask.closest('p').prevAll('div').find('ol')).toHaveLength(2);
    });

    test('invites a question when there are no comments yet', async () => {
      const $ = await renderSection([], 'T', 4, 50, 1, 'open');
      expect($('a').filter((_, a) => $(a).text().trim() === 'Ask a question')).toHaveLength(1);
    });

    test('puts a Reply link on every comment, leading to the form answering it', async () => {
      const $ = await renderSection(questionWithAnswer, 'T', 4, 50, 1, 'open');
      for (const id of ['q1', 'a1']) {
        expect($(`#comment-${id} a[href="${questionFormPath('a', id)}"]`).text()).toMatch(/^Reply to “/);
      }
    });
  });

  test('shows no Ask or Reply link, and says so, when the article takes no questions', async () => {
    const $ = await renderSection(questionWithAnswer, 'T', 4, 50, 1, 'closed');
    expect($('a[href*="api/questions"]')).toHaveLength(0);
    expect($('section').text()).toContain('This article is not taking new questions.');
  });

  test('shows no Ask or Reply link and no sentence about them when the site takes no questions', async () => {
    const $ = await renderSection(questionWithAnswer);
    expect($('a[href*="api/questions"]')).toHaveLength(0);
    expect($('section').text()).not.toContain('questions.');
  });

  describe('a staff answer', () => {
    const withStaff: Input[] = [
      { id: 'q1', title: 'Are cramps normal?', body: 'Asking.' },
      { id: 's1', parent: 'q1', person: 'jo-gp', author: 'Dr Jo', body: 'Usually, yes.' },
      { id: 'a1', parent: 'q1', author: 'Dr Fake, GP', body: 'Trust me.' },
    ];

    test('says who answered, with their credentials and role, linking to their page', async () => {
      const $ = await renderSection(withStaff);
      const credit = $('#comment-s1 p').filter((_, p) => $(p).text().includes('Answered by'));
      expect(credit.text().replace(/\s+/g, ' ').trim()).toBe(
        'Staff answer Answered by Dr Jo Reviewer, MBBS, MRCGP (GP)',
      );
      expect(credit.find('a').attr('href')).toBe(personPath('jo-gp'));
    });

    test('is not labelled as a reader’s experience, and looks different from readers’ answers', async () => {
      const $ = await renderSection(withStaff);
      expect($('#comment-s1').text()).not.toContain(site.readerAnswerLabel);
      expect($('#comment-a1').text()).toContain(site.readerAnswerLabel);
      expect($('#comment-s1').attr('class')).toContain('staff-answer');
      expect($('#comment-a1').attr('class')).not.toContain('staff-answer');
    });

    test('is explained under the section heading, only on a page that shows one', async () => {
      const explanation = 'Answers marked “Staff answer” are written by the person named';
      expect((await renderSection(withStaff))('section > p').first().text()).toContain(explanation);
      expect((await renderSection(questionWithAnswer))('section').text()).not.toContain(explanation);
    });

    test('cannot be claimed by a reader’s free-text name', async () => {
      const $ = await renderSection(withStaff);
      expect($('#comment-a1').text()).not.toContain('Answered by');
      expect($('#comment-a1').text()).not.toContain('Staff answer');
      expect($('.staff-answer')).toHaveLength(1);
    });
  });
});
