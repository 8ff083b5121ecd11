import { describe, expect, test } from 'vitest';

import {
  DESCRIPTION_LIMIT,
  formatReadability,
  formatWarning,
  GRADE_LIMIT,
  headingWarnings,
  imageWarnings,
  lintArticle,
  summarizeLint,
  type LintInput,
} from '@/lib/editorial/lint';
import { textStatistics } from '@/workers/readability';
import { readArticleBody, type RenderedArticle } from '@/workers/rendered-article';

const options = { today: new Date('2026-11-27T00:00:00Z'), reviewCycleYears: 3, dateLocale: 'en-GB' };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** An article with nothing to warn about; each test spoils one thing. */
/** An article body as the build's worker reads it, with the statistics it counts. */
const body = (text: string, headings: RenderedArticle['headings'] = []): RenderedArticle => ({
  headings,
  images: [],
  text,
  statistics: textStatistics(text),
});

const article = (changes: Partial<LintInput['frontmatter']> = {}, rendered?: LintInput['rendered']): LintInput => ({
  file: 'content/articles/x.mdx',
  frontmatter: {
    published: day('2025-01-01'),
    description: 'What helps with leg cramps at night.',
    references: [{ title: 'Leg cramps', url: 'https://www.nhs.uk/conditions/leg-cramps/' }],
    ...changes,
  },
  rendered: rendered ?? body('Stretch your legs. Walk.', [{ level: 2, text: 'What helps' }]),
});

const problems = (input: LintInput) => lintArticle(input, options).warnings.map((warning) => warning.problem);

test('an article with a description, references, recent review, sound headings, described images and plain words has no warnings', () => {
  expect(problems(article())).toEqual([]);
});

describe('review dates, against an injectable today', () => {
  test('warn when the next review is overdue', () => {
    expect(problems(article({ published: day('2023-11-20') }))).toEqual([
      'review overdue: it was due on 20 November 2026 (never reviewed, published 20 November 2023)',
    ]);
  });

  test('warn when the next review is due within 30 days', () => {
    expect(problems(article({ published: day('2022-01-01'), lastReviewed: day('2023-12-27') }))).toEqual([
      'review due on 27 December 2026, in 30 days (last reviewed 27 December 2023)',
    ]);
  });

  test('say nothing when the next review is more than 30 days away', () => {
    expect(problems(article({ published: day('2022-01-01'), lastReviewed: day('2023-12-28') }))).toEqual([]);
  });

  test('count from the later of the medical and the editorial review', () => {
    const reviewed = article({
      published: day('2020-01-01'),
      medicalReview: { date: day('2021-01-01') },
      lastReviewed: day('2025-06-01'),
    });
    expect(problems(reviewed)).toEqual([]);
  });

  test('judge against the day given', () => {
    const input = article({ published: day('2025-01-01') });
    expect(lintArticle(input, { ...options, today: day('2028-01-02') }).warnings.map((w) => w.problem)).toEqual([
      'review overdue: it was due on 1 January 2028 (never reviewed, published 1 January 2025)',
    ]);
  });
});

describe('frontmatter', () => {
  test('warns when there are no references', () => {
    expect(problems(article({ references: [] }))).toEqual(['no references']);
  });

  test('warns when there is no description, or only spaces', () => {
    expect(problems(article({ description: undefined }))).toEqual(['no description']);
    expect(problems(article({ description: '  ' }))).toEqual(['no description']);
  });

  test(`warns when the description is longer than the ${DESCRIPTION_LIMIT} characters search results show`, () => {
    expect(problems(article({ description: 'x'.repeat(DESCRIPTION_LIMIT) }))).toEqual([]);
    expect(problems(article({ description: 'x'.repeat(DESCRIPTION_LIMIT + 1) }))).toEqual([
      `the description is ${DESCRIPTION_LIMIT + 1} characters; search results show about ${DESCRIPTION_LIMIT}, so its end is cut off`,
    ]);
  });
});

describe('headingWarnings', () => {
  const levels = (...list: number[]) => list.map((level, i) => ({ level, text: `Heading ${i + 1}` }));

  test('accept headings that go down one level at a time and back up any number', () => {
    expect(headingWarnings(levels(2, 3, 4, 2, 3, 2))).toEqual([]);
  });

  test('want the first heading under the page title to be level 2', () => {
    expect(headingWarnings(levels(3, 4))).toEqual([
      {
        problem:
          'heading "Heading 1" is level 3 (###) as the first heading, under the page title (level 1): it skips level 2',
        fix: 'make it level 2 (##).',
      },
    ]);
  });

  test('warn about each heading that skips a level', () => {
    expect(headingWarnings(levels(2, 4, 2, 5)).map((warning) => warning.problem)).toEqual([
      'heading "Heading 2" is level 4 (####) after level 2 "Heading 1": it skips level 3',
      'heading "Heading 4" is level 5 (#####) after level 2 "Heading 3": it skips level 3',
    ]);
  });

  test('accept an article without headings', () => {
    expect(headingWarnings([])).toEqual([]);
  });
});

describe('imageWarnings', () => {
  test('warn about an image without alternative text, or with empty alternative text', () => {
    expect(
      imageWarnings([
        { src: 'a.png', alt: undefined },
        { src: 'b.png', alt: ' ' },
        { src: 'c.png', alt: 'A calf stretch' },
      ]),
    ).toEqual([
      {
        problem: 'image "a.png" has no alternative text',
        fix: 'say what the image shows for readers who cannot see it: ![what it shows](a.png).',
      },
      {
        problem: 'image "b.png" has no alternative text',
        fix: 'say what the image shows for readers who cannot see it: ![what it shows](b.png).',
      },
    ]);
  });
});

describe('readability', () => {
  const hard =
    'Physiological mechanisms underlying nocturnal musculoskeletal contractions remain incompletely characterised, notwithstanding considerable investigative attention.';

  test(`warns when the Flesch–Kincaid grade is above ${GRADE_LIMIT}`, () => {
    const [warning] = problems(article({}, body(hard)));
    expect(warning).toMatch(/^hard to read: Flesch–Kincaid grade \d+\.\d, above grade 8, /);
  });

  test('gives every read article a readability line', () => {
    const result = lintArticle(article({}, body('The cat sat on the mat.')), options);
    expect(formatReadability(result)).toBe('content/articles/x.mdx: readability: Flesch–Kincaid grade -1.4 (6 words).');
  });

  test('checks headings, images and readability only when the built body was read', () => {
    const unread = lintArticle({ ...article(), rendered: undefined }, options);
    expect(unread.grade).toBeUndefined();
    expect(formatReadability(unread)).toBeUndefined();
  });
});

test('a warning is one line: file, what is wrong, what to do', () => {
  expect(formatWarning({ file: 'content/articles/x.mdx', problem: 'no references', fix: 'add some.' })).toBe(
    'content/articles/x.mdx: no references. Fix: add some.',
  );
});

test('the summary counts warnings and articles and gives the range of grades', () => {
  const results = [
    lintArticle(article({ references: [] }), options),
    lintArticle(article({}, body('The cat sat on the mat.')), options),
  ];
  // "Stretch your legs. Walk." is grade −3.0; "The cat sat on the mat." −1.4.
  expect(summarizeLint(results, 1)).toBe(
    'Editorial lint: 2 warnings, 1 of 2 published articles with warnings. Flesch–Kincaid grades -3.0 to -1.4.',
  );
});

describe('readArticleBody', () => {
  const page = (body: string) =>
    `<!doctype html><html><body><main><article><header><h1>Title</h1><p>By someone. Published today.</p></header>
    <div class="prose text-lg" data-article-body>${body}</div></article>
    <section id="comments"><h2>Comments</h2><article class="comment"><h5>Reader</h5><img src="c.png"><p>A comment.</p></article></section></main></body></html>`;

  test('reads the headings and images of the article body, not of the page header or the comments', () => {
    const body = readArticleBody(
      page('<h2 id="a">Causes</h2><p>Text.</p><h4>Deep</h4><p><img src="x.png" alt="An x-ray"><img src="y.png"></p>'),
    )!;
    expect(body.headings).toEqual([
      { level: 2, text: 'Causes' },
      { level: 4, text: 'Deep' },
    ]);
    expect(body.images).toEqual([
      { src: 'x.png', alt: 'An x-ray' },
      { src: 'y.png', alt: undefined },
    ]);
  });

  test('reads the prose one block a line, without headings, code, tables, struck text or footnotes', () => {
    const body = readArticleBody(
      page(
        '<h2>Heading</h2><p>First paragraph.</p><ul><li>One item</li><li>Another</li></ul><pre><code>code()</code></pre>' +
          '<table><tr><td>Cell</td></tr></table><p>This is <del>wrong</del> right.<sup><a href="#fn1">1</a></sup></p>' +
          '<section data-footnotes class="footnotes"><h2>Footnotes</h2><ol><li>A note.</li></ol></section>',
      ),
    )!;
    expect(body.text).toBe('First paragraph.\nOne item\nAnother\nThis is right.');
  });

  test('reads the body of an article with a table of contents, not the contents list before it', () => {
    // The page as `pages/articles/[slug].astro` builds it: the contents list is a `prose` block too.
    const body = readArticleBody(
      `<!doctype html><html><body><main><article><header><h1>Title</h1></header>
      <nav aria-label="Contents" class="prose text-lg"><h2>Contents</h2><ol><li><a href="#a">Causes</a></li></ol></nav>
      <div class="prose text-lg" data-article-body><p>Cramps are common.</p><h2 id="a">Causes</h2><h4>Deep</h4>
      <p><img src="x.png"></p></div></article></main></body></html>`,
    )!;
    expect(body.headings).toEqual([
      { level: 2, text: 'Causes' },
      { level: 4, text: 'Deep' },
    ]);
    expect(body.images).toEqual([{ src: 'x.png', alt: undefined }]);
    expect(body.text).toBe('Cramps are common.');
  });

  test('finds no body on a page without an article', () => {
    expect(readArticleBody('<html><body><main><p>Not an article.</p></main></body></html>')).toBeUndefined();
  });
});
