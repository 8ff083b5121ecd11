/**
 * The search index on the built sites: every article and comment page is in it, read from its main
 * content only, at its address inside the site (the search page puts the base path in front, see
 * tests/browser/search.test.ts); nothing else is, and only the files search needs ship.
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

import { describe, expect, test } from 'vitest';

import { builtSites } from '../helpers/fixture-sites';
import { site } from '@/config/site';
import { CARE_URGENCY_LABELS } from '@/lib/editorial/callouts';

const [SITE_DIST, FIXTURE_DIST, SUB_PATH_DIST] = await builtSites('site', 'fixture', 'sub-path');

/** One indexed page, as Pagefind stores it in a fragment file. */
interface Fragment {
  url: string;
  content: string;
  meta: { title?: string };
  anchors: { element: string; id: string }[];
}

/** Every page in a build's search index. */
function readIndex(dist: string): Fragment[] {
  return globSync('pagefind/fragment/*.pf_fragment', { cwd: dist }).map((file) => {
    const text = gunzipSync(readFileSync(join(dist, file))).toString('utf8');
    return JSON.parse(text.slice(text.indexOf('{'))) as Fragment;
  });
}

/** Addresses inside the site (base path left out) of the article and comment pages a build holds. */
const articleAndCommentPages = (dist: string) =>
  globSync('articles/*/{index.html,comments/*/index.html}', { cwd: dist })
    .map((file) => `/${file.replace(/index\.html$/, '')}`)
    .sort();

test('holds nothing of a draft or a scheduled article, or of its comments', () => {
  const text = readIndex(FIXTURE_DIST)
    .map((page) => `${page.meta.title ?? ''} ${page.content}`)
    .join('\n');
  // From tests/fixtures/site: the draft's body, the scheduled article's body and its comment.
  expect(text).toContain('zanzibarine');
  for (const word of ['This draft must not be published', 'frostwhistle', 'snowgrommet'])
    expect(text).not.toContain(word);
});

describe.each([
  { name: 'the site', dist: SITE_DIST },
  { name: 'the fixture site', dist: FIXTURE_DIST },
  { name: 'the site under /health-blog/', dist: SUB_PATH_DIST },
])('the search index of $name', ({ dist }) => {
  const index = readIndex(dist);

  test('holds every article page and every further comment page, at its address, and no other page', () => {
    const pages = articleAndCommentPages(dist);
    expect(pages.length).toBeGreaterThan(0);
    expect(index.map((page) => page.url).sort()).toEqual(pages);
  });

  test('ships the search library, its worker and WebAssembly, and none of Pagefind’s ready-made interfaces', () => {
    for (const file of ['pagefind.js', 'pagefind-worker.js', 'pagefind-entry.json']) {
      expect(existsSync(join(dist, 'pagefind', file)), file).toBe(true);
    }
    expect(globSync('pagefind/wasm.*.pagefind', { cwd: dist }).length).toBeGreaterThan(0);
    expect(globSync('pagefind/*{-ui,highlight,playground}*', { cwd: dist })).toEqual([]);
  });

  test('reads each page’s main content: not the site header, the footer or navigation', () => {
    for (const page of index) {
      expect(page.content, page.url).not.toContain(site.disclaimer.slice(0, 40));
      expect(page.content, page.url).not.toContain('Skip to main content');
      expect(page.content, page.url).not.toMatch(/Next page|Previous page/);
    }
  });

  test('leaves out the article’s header and foot: byline, dates, reading time, comment count, review notes', () => {
    for (const page of index) {
      expect(page.content, page.url).not.toMatch(
        /Published \d|\d minute read|\d reader comments?\b|medically reviewed|Page last reviewed|Next review due/i,
      );
      expect(page.content, page.url).not.toMatch(/\d thoughts on|One thought on|No thoughts yet/);
    }
  });

  test('leaves out what every comment repeats: its permalink, date line and “not medical advice” label', () => {
    for (const page of index) {
      expect(page.content, page.url).not.toContain('Link to this comment');
      expect(page.content, page.url).not.toContain(site.readerAnswerLabel);
    }
  });
});

describe('the fixture site’s search index', () => {
  const index = readIndex(FIXTURE_DIST);
  const page = (url: string) => index.find((fragment) => fragment.url === url)!;

  test('holds an article’s body and its readers’ comments with the article', () => {
    const article = page('/articles/search-words/');
    expect(article.meta.title).toBe('Fixture: words to search for');
    expect(article.content).toContain('zanzibarine');
    expect(article.content).toContain('wobblethorpe');
    expect(article.content).toContain('quillfeather');
  });

  test('marks where each comment starts, so a match can link to it', () => {
    const ids = page('/articles/search-words/').anchors.filter((anchor) => anchor.element === 'article');
    expect(ids.map((anchor) => anchor.id)).toEqual(['comment-q1', 'comment-q1-a1', 'comment-q2']);
  });

  test('holds the comments of a second comment page with that page', () => {
    const second = page('/articles/huge-thread/comments/2/');
    expect(second.content).toContain('Question number 50?');
    expect(second.anchors.some((anchor) => anchor.id === 'comment-h50')).toBe(true);
  });

  test('leaves out text written only for screen readers, citation numbers and “Back to text” links', () => {
    const article = page('/articles/editorial-features/');
    expect(article.content).toContain('Fixture: a non-urgent care card');
    for (const label of Object.values(CARE_URGENCY_LABELS)) expect(article.content).not.toContain(label);
    expect(article.content).not.toMatch(/\[(reference )?\d\]|Back to text|citing reference/);
  });

  test('keeps the hostile comments as text', () => {
    expect(page('/articles/hostile/').content).toContain('<script>alert(1)</script>');
  });
});
