import { globSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import { describe, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { summarize } from '@/lib/content-check/summary';

import { TEST_BUILD_DATE } from '../../../helpers/build-day';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const broken = checkContent(`${fixtures}broken-content`, fixtures);
const lines = broken.problems.map(formatProblem);

/** The lines reported for `file`, or for `file` and `entry`, with or without a line and column. */
const lineFor = (file: string, entry = '') =>
  lines.filter((line) => line.replace(/^([^: ]+):\d+:\d+: /, '$1: ').startsWith(`broken-content/${file}: ${entry}`));

describe('checkContent', () => {
  test('passes the real content and the fixture site', () => {
    const report = checkContent('content');
    expect(report.problems).toEqual([]);
    expect(checkContent(`${fixtures}site`, fixtures).problems).toEqual([]);
    expect(report.articles).toEqual([
      {
        slug: 'leg-cramps-sign-of-pregnancy',
        draft: false,
        published: new Date('2026-11-27T00:00:00Z'),
        approved: 13,
        pending: 0,
        spam: 0,
      },
    ]);
  });

  test('reports every problem of a run at once, one line each', () => {
    expect(lines).toHaveLength(34);
    expect(lines.every((line) => !line.includes('\n') && / Fix: /.test(line))).toBe(true);
  });

  test('reports invalid JSON with its line and column', () => {
    expect(lineFor('comments/invalid-json.json')).toEqual([
      `broken-content/comments/invalid-json.json: is not valid JSON at line 4, column 5 (Expected ',' or ']' after array element). Fix: look for a missing comma, quote or bracket just before that point.`,
    ]);
  });

  test('reports broken YAML frontmatter with its line and column', () => {
    expect(lineFor('articles/bad-yaml.mdx')).toEqual([
      `broken-content/articles/bad-yaml.mdx: article "bad-yaml": the frontmatter is not valid YAML at line 3, column 1 (deficient indentation). Fix: check quotes, colons and indentation on that line.`,
    ]);
  });

  test('reports a missing frontmatter field and a misspelt one', () => {
    expect(lineFor('articles/missing-title.mdx')).toEqual([
      `broken-content/articles/missing-title.mdx: article "missing-title", field "title": is missing. Fix: add it; the README lists every field and what it holds.`,
      `broken-content/articles/missing-title.mdx:4:1: article "missing-title": unknown field "tagz". Fix: check the spelling against the field list in the README, or remove it.`,
    ]);
  });

  test('reports an impossible date and a mistyped value', () => {
    expect(lineFor('articles/impossible-date.mdx')).toEqual([
      `broken-content/articles/impossible-date.mdx:4:1: article "impossible-date", field "published": must be a real date written as YYYY-MM-DD. Fix: write the date as YYYY-MM-DD, for example 2024-05-01, and check that the day exists.`,
      `broken-content/articles/impossible-date.mdx:5:1: article "impossible-date", field "draft": should be a boolean, not string. Fix: write true or false.`,
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
      `broken-content/comments/missing-title.json:3:22: comment "empty", field "body": must not be empty. Fix: write the comment’s text, or remove the comment.`,
      `broken-content/comments/missing-title.json:4:5: comment number 2, field "id": is missing. Fix: add it; the README lists every field and what it holds.`,
      `broken-content/comments/missing-title.json:5:79: comment "extra", field "date": must be a date (YYYY-MM-DD) or an ISO date-time. Fix: write the date as YYYY-MM-DD, for example 2024-05-01, and check that the day exists.`,
      `broken-content/comments/missing-title.json:5:47: comment "extra": unknown field "email". Fix: check the spelling against the field list in the README, or remove it.`,
    ]);
  });

  test('reports a duplicate id, a self-reply, a missing parent and a reply cycle', () => {
    expect(lineFor('comments/good.json')).toEqual([
      `broken-content/comments/good.json: comment "dup", field "id": is used by more than one comment. Fix: give each comment an id of its own (and keep the one links already point to).`,
      `broken-content/comments/good.json: comment "self", field "parent": the comment replies to itself. Fix: point "parent" at the comment it answers, or remove it to make this a top-level comment.`,
      `broken-content/comments/good.json: comment "orphan", field "parent": replies to "ghost", which is not a comment on this article. Fix: point "parent" at an existing comment id, or remove it to make this a top-level comment.`,
      `broken-content/comments/good.json: comment "c1", field "parent": replies go round in a circle: "c1" → "c2" → "c1". Fix: point one of these "parent" fields at a comment outside the circle, or remove it.`,
    ]);
  });

  test('reads an article’s comments file and its folder of one-comment files as one thread', () => {
    expect(lineFor('comments/good/r-orphan.json')).toEqual([
      `broken-content/comments/good/r-orphan.json: comment "r-orphan", field "parent": replies to "nobody", which is not a comment on this article. Fix: point "parent" at an existing comment id, or remove it to make this a top-level comment.`,
    ]);
  });

  test('reports an id used in both the comments file and a one-comment file, naming both files', () => {
    expect(lineFor('comments/good/r-dup.json')).toEqual([
      `broken-content/comments/good/r-dup.json: comment "orphan", field "id": is used by more than one comment (also in broken-content/comments/good.json). Fix: give each comment an id of its own (and keep the one links already point to).`,
    ]);
  });

  test('reports a staff answer whose person has no file', () => {
    expect(lineFor('comments/good/staff-ghost.json')).toEqual([
      `broken-content/comments/good/staff-ghost.json:1:39: comment "staff-ghost", field "person": names "no-such-person", who is not in content/people. Fix: add content/people/no-such-person.yaml with at least their name, or correct the id to the file name of a person there.`,
    ]);
  });

  test('reports a folder of comments without an article once, like a file', () => {
    expect(lineFor('comments/no-such-folder/')).toEqual([
      `broken-content/comments/no-such-folder/: there is no article "no-such-folder" for the comments in this folder. Fix: name the folder after its article (content/articles/<slug>.mdx → content/comments/<slug>/), or add the article.`,
    ]);
  });

  test('reports a comments file deeper than one folder', () => {
    expect(lineFor('comments/good/deeper/deep.json')).toEqual([
      `broken-content/comments/good/deeper/deep.json: is not where comments go. Fix: move it to comments/<article-slug>.json, or to comments/<article-slug>/<comment-id>.json for one comment.`,
    ]);
  });

  test('reports comments for an article that does not exist', () => {
    expect(lineFor('comments/no-such-article.json')).toEqual([
      `broken-content/comments/no-such-article.json: there is no article "no-such-article" for these comments. Fix: name the file after its article (content/articles/<slug>.mdx → content/comments/<slug>.json), or add the article.`,
    ]);
  });

  test('keeps a draft article’s comments without publishing them, and says so', () => {
    expect(broken.notes.filter((note) => note.includes('/comments/'))).toEqual([
      'broken-content/comments/draft-article.json: 2 comments kept but not published, because article "draft-article" is a draft.',
    ]);
    expect(broken.articles.find((article) => article.slug === 'draft-article')).toEqual({
      slug: 'draft-article',
      draft: true,
      published: expect.any(Date),
      approved: 2,
      pending: 0,
      spam: 0,
    });
  });

  test('reports a people file that is not valid YAML with its line and column', () => {
    expect(lineFor('people/bad-yaml.yaml')).toEqual([
      `broken-content/people/bad-yaml.yaml: person "bad-yaml": is not valid YAML at line 3, column 1 (deficient indentation). Fix: check quotes, colons and indentation on that line.`,
    ]);
  });

  test('reports a person without a name and with an address that is not a web page', () => {
    expect(lineFor('people/missing-name.yaml')).toEqual([
      `broken-content/people/missing-name.yaml: person "missing-name", field "name": is missing. Fix: add it; the README lists every field and what it holds.`,
      `broken-content/people/missing-name.yaml:2:1: person "missing-name", field "profileUrl": must be a full http:// or https:// address. Fix: write a full address starting with https:// (or http://), or remove the field.`,
    ]);
  });

  test('reports a people file name that cannot be an id, and one the site would ignore', () => {
    expect(lineFor('people/Bad_Id.yaml')).toEqual([
      `broken-content/people/Bad_Id.yaml: person "Bad_Id": the file name is not a valid id for a page address. Fix: rename the file using only lowercase letters, digits and hyphens, such as jane-smith.yaml, and use that id in articles.`,
    ]);
    expect(lineFor('people/misnamed.yml')).toEqual([
      `broken-content/people/misnamed.yml: is ignored: people files end in .yaml. Fix: rename it to misnamed.yaml, or move it out of the content folder.`,
    ]);
  });

  test('passes a valid person', () => {
    expect(lineFor('people/good-person.yaml')).toEqual([]);
  });

  test('reports an author and a medical reviewer who are not in the people folder', () => {
    expect(lineFor('articles/unknown-people.mdx', 'article "unknown-people", field "author"')).toEqual([
      `broken-content/articles/unknown-people.mdx:5:1: article "unknown-people", field "author": names "nobody-here", who is not in content/people. Fix: add content/people/nobody-here.yaml with at least their name, or correct the id to the file name of a person there.`,
    ]);
    expect(lineFor('articles/unknown-people.mdx', 'article "unknown-people", field "medicalReview.reviewer"')).toEqual([
      `broken-content/articles/unknown-people.mdx:7:3: article "unknown-people", field "medicalReview.reviewer": names "ghost-reviewer", who is not in content/people. Fix: add content/people/ghost-reviewer.yaml with at least their name, or correct the id to the file name of a person there.`,
    ]);
  });

  test('reports an author written as a name instead of a person id, and accepts a reviewer who has a file', () => {
    expect(lineFor('articles/old-style-author.mdx')).toEqual([
      `broken-content/articles/old-style-author.mdx:5:1: article "old-style-author", field "author": must be the id of a person in content/people (lowercase letters, digits, hyphens). Fix: write the id of a person in content/people: their file name without .yaml, such as jane-smith.`,
    ]);
  });

  test('reports an inline citation of a reference the article does not list', () => {
    expect(lines.filter((line) => line.startsWith('broken-content/articles/unknown-people.mdx:14:'))).toEqual([
      `broken-content/articles/unknown-people.mdx:14:45: article "unknown-people": <Cite n={2} /> cites reference 2, but the article lists 1 reference. Fix: add the source to "references" in the frontmatter (they are numbered from 1 in order), or correct the number.`,
    ]);
  });

  test('reports a site page with a missing title and a footer position that is not a number', () => {
    expect(lineFor('pages/no-title.mdx')).toEqual([
      `broken-content/pages/no-title.mdx: page "no-title", field "title": is missing. Fix: add it; the README lists every field and what it holds.`,
      `broken-content/pages/no-title.mdx:3:1: page "no-title", field "footer": should be a number, not string. Fix: write a whole number such as 1 (lowest first in the footer), or remove the field.`,
    ]);
  });

  test('reports a site page whose address the site itself uses', () => {
    expect(lineFor('pages/search.mdx')).toEqual([
      `broken-content/pages/search.mdx: page "search": the address /search/ is used by the site itself. Fix: rename the file to something else, such as about-search.mdx.`,
    ]);
  });

  test('notes how many placeholders a site page still has for the owner to fill in', () => {
    expect(lineFor('pages/about.mdx')).toEqual([]);
    expect(broken.notes).toContain(
      'broken-content/pages/about.mdx: 2 placeholders (<OwnerToFill>) for the site owner to replace with facts before going live.',
    );
  });

  test('counts pending and spam comments apart from published ones', () => {
    const report = checkContent(`${fixtures}site`, fixtures);
    expect(report.articles.find((article) => article.slug === 'deep-thread')).toMatchObject({
      approved: 14,
      pending: 1,
      spam: 1,
    });
    // Features add fixture articles: count what the folder holds rather than restating it.
    const site = `${fixtures}site`;
    const frontmatter = (file: string) => readFileSync(`${site}/${file}`, 'utf8');
    const articleFiles = globSync('articles/*.mdx', { cwd: site });
    const drafts = articleFiles.filter((file) => /^draft: true$/m.test(frontmatter(file))).length;
    /** Articles dated after the build day, and their comments: neither is published yet. */
    const scheduled = articleFiles
      .filter((file) => (/^published: (\S+)$/m.exec(frontmatter(file))?.[1] ?? '') > TEST_BUILD_DATE)
      .map((file) => file.slice('articles/'.length, -'.mdx'.length));
    expect(scheduled).toEqual(['scheduled-winter']);
    const articles = articleFiles.length - drafts - scheduled.length;
    const comments = globSync('comments/**/*.json', { cwd: site })
      .filter((file) => !scheduled.some((slug) => file.startsWith(`comments/${slug}`)))
      .reduce(
        (sum, file) =>
          sum + (JSON.parse(readFileSync(`${site}/${file}`, 'utf8')) as { comments: unknown[] }).comments.length,
        0,
      );
    expect(summarize(report, TEST_BUILD_DATE)).toBe(
      `Content check: ${articles} articles to publish (${drafts} ${drafts === 1 ? 'draft' : 'drafts'}, 1 scheduled), ${comments - 2} comments to publish, 1 pending and 1 spam kept unpublished.`,
    );
  });

  test('sums up a failed check with the number of problems', () => {
    expect(summarize(broken, TEST_BUILD_DATE)).toBe('Content check: 34 problems to fix before the site can be built.');
  });
});
