import { describe, expect, test } from 'vitest';

import { site } from '@/config/site';
import { buildThread, paginateThreads, renderCommentBody, toDisplayThread } from '@/lib/comments';
import { serializeJsonLd } from '@/lib/seo/json-ld';
import {
  articleJsonLd,
  commentPageJsonLd,
  commentsJsonLd,
  personJsonLd,
  type CommentLd,
} from '@/lib/seo/structured-data';
import { absoluteUrl, articlePath, commentPagePath } from '@/lib/urls';
import { articleSchema } from '@/schemas/article';
import { commentsFileSchema, type CommentInput } from '@/schemas/comments';
import { personSchema } from '@/schemas/person';

/** Frontmatter through the real schema, as the content collection would give it. */
const article = (frontmatter: Record<string, unknown>) =>
  articleSchema().parse({
    title: 'Night cramps',
    description: 'Why they happen.',
    published: '2026-01-10',
    ...frontmatter,
  });

const person = (id: string, data: Record<string, unknown>) => ({ id, ...personSchema().parse(data) });

/** Comments through the real schema, threaded, shaped and paginated by the real comment core, as pages get them. */
function commentPages(slug: string, comments: CommentInput[], threadsPerPage = 50) {
  const thread = buildThread(commentsFileSchema().parse({ comments }).comments, 'test.json');
  const display = toDisplayThread(thread, { maxIndent: site.maxCommentIndent, renderBody: renderCommentBody });
  return paginateThreads(display, threadsPerPage, (page) => commentPagePath(slug, page));
}

const url = (slug: string, fragment = '') => absoluteUrl(articlePath(slug)) + fragment;

describe('articleJsonLd', () => {
  const minimal = () =>
    articleJsonLd({
      slug: 'cramps',
      article: article({}),
      author: undefined,
      reviewer: undefined,
      commentCount: 0,
      threads: [],
    });

  test('is a MedicalWebPage about the article at its full address', () => {
    expect(minimal()).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'MedicalWebPage',
      url: url('cramps'),
      headline: 'Night cramps',
      description: 'Why they happen.',
      inLanguage: site.lang,
    });
  });

  test('names the site owner as publisher', () => {
    expect(minimal().publisher).toEqual({ '@type': 'Organization', name: site.owner.name });
  });

  test('dates a page never updated as modified when published, and says nothing of a review it never had', () => {
    const data = minimal();
    expect(data).toMatchObject({ datePublished: '2026-01-10', dateModified: '2026-01-10' });
    expect(data).not.toHaveProperty('lastReviewed');
    expect(data).not.toHaveProperty('reviewedBy');
  });

  test('leaves out author, reviewer, citations and comments the content does not have', () => {
    const data = minimal();
    for (const property of ['author', 'reviewedBy', 'citation', 'comment']) expect(data).not.toHaveProperty(property);
    expect(data.commentCount).toBe(0);
  });

  test('gives the last update as dateModified and the later of the two reviews as lastReviewed', () => {
    const data = articleJsonLd({
      slug: 'cramps',
      article: article({
        updated: '2026-02-01',
        medicalReview: { reviewer: 'jo', date: '2026-02-03' },
        lastReviewed: '2026-03-04',
      }),
      author: undefined,
      reviewer: person('jo', { name: 'Dr Jo Bloggs' }),
      commentCount: 0,
      threads: [],
    });
    expect(data).toMatchObject({ dateModified: '2026-02-01', lastReviewed: '2026-03-04' });
  });

  test('names the writer and the medical reviewer with their credentials and their pages on the site', () => {
    const data = articleJsonLd({
      slug: 'cramps',
      article: article({ author: 'sam', medicalReview: { reviewer: 'jo', date: '2026-02-03' } }),
      author: person('sam', { name: 'Sam Writer' }),
      reviewer: person('jo', {
        name: 'Dr Jo Bloggs',
        credentials: 'MBBS, MRCGP',
        profileUrl: 'https://register.example.org/jo',
      }),
      commentCount: 0,
      threads: [],
    });
    expect(data.author).toEqual({ '@type': 'Person', name: 'Sam Writer', url: absoluteUrl('/people/sam/') });
    expect(data.reviewedBy).toEqual({
      '@type': 'Person',
      name: 'Dr Jo Bloggs',
      honorificSuffix: 'MBBS, MRCGP',
      url: absoluteUrl('/people/jo/'),
      sameAs: 'https://register.example.org/jo',
    });
    expect(data.lastReviewed).toBe('2026-02-03');
  });

  test('cites each reference in order, with its publisher and date where it has them', () => {
    const data = articleJsonLd({
      slug: 'cramps',
      article: article({
        references: [
          {
            title: 'Leg cramps',
            publisher: 'NHS',
            url: 'https://www.nhs.uk/conditions/leg-cramps/',
            date: '2023-01-05',
          },
          { title: 'A review', url: 'https://example.org/review' },
        ],
      }),
      author: undefined,
      reviewer: undefined,
      commentCount: 0,
      threads: [],
    });
    expect(data.citation).toEqual([
      {
        '@type': 'CreativeWork',
        name: 'Leg cramps',
        url: 'https://www.nhs.uk/conditions/leg-cramps/',
        publisher: { '@type': 'Organization', name: 'NHS' },
        datePublished: '2023-01-05',
      },
      { '@type': 'CreativeWork', name: 'A review', url: 'https://example.org/review' },
    ]);
  });

  test('counts every comment but lists only the conversations on the article page', () => {
    const comments = Array.from({ length: 3 }, (_, i) => ({ id: `q${i}`, body: 'Question' }));
    const pages = commentPages('cramps', comments, 2);
    const data = articleJsonLd({
      slug: 'cramps',
      article: article({}),
      author: undefined,
      reviewer: undefined,
      commentCount: 3,
      threads: pages[0]!.items,
    });
    expect(data.commentCount).toBe(3);
    expect(data.comment?.map((comment) => comment.url)).toEqual([
      url('cramps', '#comment-q0'),
      url('cramps', '#comment-q1'),
    ]);
  });
});

describe('commentsJsonLd', () => {
  test('nests each reply under the comment it answers, oldest first, with permalink, author and date', () => {
    const [page] = commentPages('cramps', [
      { id: 'q1', author: 'Asker', date: '2026-01-02', title: 'Is it normal?', body: 'Question' },
      { id: 'a2', parent: 'q1', date: '2026-01-04T10:00:00Z', body: 'Later answer' },
      { id: 'a1', parent: 'q1', author: 'Sam', authorUrl: 'https://sam.example.org/', date: '2026-01-03', body: 'A' },
    ]);
    expect(commentsJsonLd(page!.items)).toEqual([
      {
        '@type': 'Comment',
        url: url('cramps', '#comment-q1'),
        author: { '@type': 'Person', name: 'Asker' },
        dateCreated: '2026-01-02',
        comment: [
          {
            '@type': 'Comment',
            url: url('cramps', '#comment-a1'),
            author: { '@type': 'Person', name: 'Sam', url: 'https://sam.example.org/' },
            dateCreated: '2026-01-03',
          },
          { '@type': 'Comment', url: url('cramps', '#comment-a2'), dateCreated: '2026-01-04T10:00:00.000Z' },
        ],
      },
    ]);
  });

  test('leaves out comment text: the permalink leads to it', () => {
    const [page] = commentPages('cramps', [{ id: 'q1', title: 'A question line', body: 'A body of text' }]);
    const json = JSON.stringify(commentsJsonLd(page!.items));
    expect(json).not.toContain('A question line');
    expect(json).not.toContain('A body of text');
  });

  test('links each comment to the numbered page that holds it', () => {
    const comments = Array.from({ length: 3 }, (_, i) => ({ id: `q${i}`, body: 'Question' }));
    const pages = commentPages('cramps', comments, 2);
    expect(commentsJsonLd(pages[1]!.items).map((comment) => comment.url)).toEqual([
      absoluteUrl(commentPagePath('cramps', 2)) + '#comment-q2',
    ]);
  });

  /** A reply chain: c0, answered by c1, answered by c2, … */
  const chain = (length: number) =>
    Array.from({ length }, (_, i) => ({ id: `c${i}`, ...(i > 0 && { parent: `c${i - 1}` }), body: 'Reply' }));
  const commentUrl = (id: string) => url('cramps', `#comment-${id}`);

  test('below the deepest indentation, lists replies at that depth, each naming the comment it answers', () => {
    const cap = site.maxCommentIndent;
    const [page] = commentPages('cramps', chain(cap + 3));
    let deepest = commentsJsonLd(page!.items)[0]!;
    for (let level = 1; level < cap; level++) deepest = deepest.comment![0]!;
    expect(deepest.url).toBe(commentUrl(`c${cap - 1}`));
    expect(deepest.comment!.map((reply) => [reply.url, reply.parentItem?.url])).toEqual([
      [commentUrl(`c${cap}`), undefined],
      [commentUrl(`c${cap + 1}`), commentUrl(`c${cap}`)],
      [commentUrl(`c${cap + 2}`), commentUrl(`c${cap + 1}`)],
    ]);
  });

  test('lists every comment once, its parent given by nesting or by parentItem', () => {
    const comments = [
      ...chain(12),
      { id: 'b1', parent: 'c2', body: 'A branch' },
      { id: 'b2', parent: 'c7', body: 'A deep branch' },
      { id: 'q2', body: 'Another question' },
    ];
    const [page] = commentPages('cramps', comments);
    const parentOf = new Map<string, string | undefined>();
    const stack = commentsJsonLd(page!.items).map((node) => ({ node, shownUnder: undefined as string | undefined }));
    while (stack.length > 0) {
      const { node, shownUnder } = stack.pop()!;
      expect(parentOf.has(node.url), node.url).toBe(false);
      parentOf.set(node.url, node.parentItem?.url ?? shownUnder);
      for (const reply of node.comment ?? []) stack.push({ node: reply, shownUnder: node.url });
    }
    expect(parentOf).toEqual(
      new Map(comments.map((comment) => [commentUrl(comment.id), comment.parent && commentUrl(comment.parent)])),
    );
  });

  test('a reply chain 500 deep stays a few levels of JSON deep', () => {
    const [page] = commentPages('cramps', chain(500));
    let depth = 0;
    for (let node: CommentLd | undefined = commentsJsonLd(page!.items)[0]; node; node = node.comment?.[0]) depth++;
    expect(depth).toBe(site.maxCommentIndent + 1);
  });

  test('keeps a hostile author name as data, and escaped when serialized', () => {
    const author = '</script><script>alert(1)</script>\u2028line two';
    const [page] = commentPages('cramps', [{ id: 'q1', author, body: 'x' }]);
    const [comment] = commentsJsonLd(page!.items);
    expect(comment!.author?.name).toBe(author);
    const json = serializeJsonLd(comment);
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json).author.name).toBe(author);
  });
});

describe('a staff answer in commentsJsonLd', () => {
  const people = { 'jo-gp': person('jo-gp', { name: 'Dr Jo', credentials: 'MBBS', role: 'GP' }) };
  const threads = () => {
    const thread = buildThread(
      commentsFileSchema().parse({
        comments: [
          { id: 'q1', title: 'Normal?', body: 'q' },
          { id: 's1', parent: 'q1', person: 'jo-gp', author: 'Jo', body: 'Yes.' },
        ],
      }).comments,
      'test.json',
    );
    return toDisplayThread(thread, {
      maxIndent: site.maxCommentIndent,
      renderBody: renderCommentBody,
      findPerson: (id) => people[id as 'jo-gp'],
    });
  };

  test('names the site’s person as author, with their page, credentials and role', () => {
    const [question] = commentsJsonLd(threads());
    expect(question!.comment![0]!.author).toEqual({
      '@type': 'Person',
      name: 'Dr Jo',
      honorificSuffix: 'MBBS',
      url: absoluteUrl('/people/jo-gp/'),
      jobTitle: 'GP',
    });
  });
});

describe('commentPageJsonLd', () => {
  test('describes a numbered comment page as part of its article, with its own conversations', () => {
    const comments = Array.from({ length: 3 }, (_, i) => ({ id: `q${i}`, body: 'Question' }));
    const pages = commentPages('cramps', comments, 2);
    expect(commentPageJsonLd({ slug: 'cramps', title: 'Night cramps', page: 2, threads: pages[1]!.items })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'WebPage',
      url: absoluteUrl(commentPagePath('cramps', 2)),
      name: 'Comments, page 2: Night cramps',
      inLanguage: site.lang,
      isPartOf: { '@type': 'MedicalWebPage', url: url('cramps') },
      comment: [{ '@type': 'Comment', url: absoluteUrl(commentPagePath('cramps', 2)) + '#comment-q2' }],
    });
  });
});

describe('personJsonLd', () => {
  test('writes only the fields the person file has', () => {
    expect(personJsonLd(person('sam', { name: 'Sam Writer' }))).toEqual({
      '@type': 'Person',
      name: 'Sam Writer',
      url: absoluteUrl('/people/sam/'),
    });
  });
});
