import { fileURLToPath } from 'node:url';

import { describe, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { summarize } from '@/lib/content-check/summary';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const broken = checkContent(`${fixtures}broken-content`, fixtures);
const lines = broken.problems.map(formatProblem);

/** The one line reported for `file`, or for `file` and `entry`. */
const lineFor = (file: string, entry = '') =>
  lines.filter((line) => line.startsWith(`broken-content/${file}: ${entry}`));

describe('checkContent', () => {
  test('passes the real content', () => {
    const report = checkContent('content');
    expect(report.problems).toEqual([]);
    expect(report.articles).toEqual([
      { slug: 'leg-cramps-sign-of-pregnancy', draft: false, approved: 13, pending: 0, spam: 0 },
    ]);
  });

  test('reports every problem of a run at once, one line each', () => {
    expect(lines).toHaveLength(17);
    expect(lines.every((line) => !line.includes('\n') && / Fix: /.test(line))).toBe(true);
  });

  test('reports invalid JSON with its line and column', () => {
    expect(lineFor('comments/invalid-json.json')).toEqual([
      `broken-content/comments/invalid-json.json: is not valid JSON at line 4, column 5 (Expected ',' or ']' after array element). Fix: look for a missing comma, quote or bracket just before that point.`,
    ]);
  });

  test('reports broken YAML frontmatter with its line and column', () => {
    expect(lineFor('articles/bad-yaml.mdx')).toEqual([
      `broken-content/articles/bad-yaml.mdx: article "bad-yaml": the frontmatter is not valid YAML at line 4, column 1 (deficient indentation). Fix: check quotes, colons and indentation on that line.`,
    ]);
  });

  test('reports a missing frontmatter field and a misspelt one', () => {
    expect(lineFor('articles/missing-title.mdx')).toEqual([
      `broken-content/articles/missing-title.mdx: article "missing-title", field "title": is missing. Fix: add it; the README lists every field and what it holds.`,
      `broken-content/articles/missing-title.mdx: article "missing-title": unknown field "tagz". Fix: check the spelling against the field list in the README, or remove it.`,
    ]);
  });

  test('reports an impossible date and a mistyped value', () => {
    expect(lineFor('articles/impossible-date.mdx')).toEqual([
      `broken-content/articles/impossible-date.mdx: article "impossible-date", field "published": must be a real date written as YYYY-MM-DD. Fix: write the date as YYYY-MM-DD, for example 2024-05-01, and check that the day exists.`,
      `broken-content/articles/impossible-date.mdx: article "impossible-date", field "draft": should be a boolean, not string. Fix: write true or false.`,
    ]);
  });

  test('reports an article without frontmatter', () => {
    expect(lineFor('articles/no-frontmatter.mdx')).toEqual([
      `broken-content/articles/no-frontmatter.mdx: article "no-frontmatter": has no frontmatter. Fix: start the file with a block between two "---" lines holding at least title, description and published.`,
    ]);
  });

  test('reports a file name that cannot be a page address', () => {
    expect(lineFor('articles/Bad_Name.mdx')).toEqual([
      `broken-content/articles/Bad_Name.mdx: article "Bad_Name": the file name is not a valid page address. Fix: rename the file using only lowercase letters, digits and hyphens, such as leg-cramps.mdx.`,
    ]);
  });

  test('reports an empty comment body, a comment without id, a bad date and an unknown field', () => {
    expect(lineFor('comments/missing-title.json')).toEqual([
      `broken-content/comments/missing-title.json: comment "empty", field "body": must not be empty. Fix: write the comment’s text, or remove the comment.`,
      `broken-content/comments/missing-title.json: comment number 2, field "id": is missing. Fix: add it; the README lists every field and what it holds.`,
      `broken-content/comments/missing-title.json: comment "extra", field "date": must be a date (YYYY-MM-DD) or an ISO date-time. Fix: write the date as YYYY-MM-DD, for example 2024-05-01, and check that the day exists.`,
      `broken-content/comments/missing-title.json: comment "extra": unknown field "email". Fix: check the spelling against the field list in the README, or remove it.`,
    ]);
  });

  test('reports a duplicate id, a self-reply, a missing parent and a reply cycle', () => {
    expect(lineFor('comments/good.json')).toEqual([
      `broken-content/comments/good.json: comment "dup", field "id": is used by more than one comment. Fix: give each comment an id of its own (and keep the one links already point to).`,
      `broken-content/comments/good.json: comment "self", field "parent": the comment replies to itself. Fix: point "parent" at the comment it answers, or remove it to make this a top-level comment.`,
      `broken-content/comments/good.json: comment "orphan", field "parent": replies to "ghost", which is not in this file. Fix: point "parent" at an existing comment id, or remove it to make this a top-level comment.`,
      `broken-content/comments/good.json: comment "c1", field "parent": replies go round in a circle: "c1" → "c2" → "c1". Fix: point one of these "parent" fields at a comment outside the circle, or remove it.`,
    ]);
  });

  test('reports comments for an article that does not exist', () => {
    expect(lineFor('comments/no-such-article.json')).toEqual([
      `broken-content/comments/no-such-article.json: there is no article "no-such-article" for these comments. Fix: name the file after its article (content/articles/<slug>.mdx → content/comments/<slug>.json), or add the article.`,
    ]);
  });

  test('keeps a draft article’s comments without publishing them, and says so', () => {
    expect(broken.notes).toEqual([
      'broken-content/comments/draft-article.json: 2 comments kept but not published, because article "draft-article" is a draft.',
    ]);
    expect(broken.articles.find((article) => article.slug === 'draft-article')).toEqual({
      slug: 'draft-article',
      draft: true,
      approved: 2,
      pending: 0,
      spam: 0,
    });
  });

  test('counts pending and spam comments apart from published ones', () => {
    const report = checkContent(`${fixtures}site`, fixtures);
    expect(report.articles.find((article) => article.slug === 'deep-thread')).toMatchObject({
      approved: 14,
      pending: 1,
      spam: 1,
    });
    expect(summarize(report)).toBe(
      'Content check: 3 articles to publish (1 draft), 14 comments to publish, 1 pending and 1 spam kept unpublished.',
    );
  });

  test('sums up a failed check with the number of problems', () => {
    expect(summarize(broken)).toBe('Content check: 17 problems to fix before the site can be built.');
  });
});
