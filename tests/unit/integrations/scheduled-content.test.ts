/**
 * A scheduled article (its `published` day after the build day) as the build's guards see it: its
 * content is checked like any other, its comments are its own (not orphans), and the comments that the
 * build leaves out with it are not counted as lost.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

import type { AstroIntegration } from 'astro';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { buildNotices } from '@/integrations/build-notices';
import { contentIntegrity } from '@/integrations/content-integrity';
import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';
import { summarize } from '@/lib/content-check/summary';

const temporary: string[] = [];
afterEach(() => {
  for (const folder of temporary.splice(0)) rmSync(folder, { recursive: true, force: true });
  vi.restoreAllMocks();
});

const article = (title: string, published: string) =>
  `---\ntitle: ${title}\ndescription: A test article.\npublished: ${published}\n---\n\nText.\n`;
const comments = (...list: object[]) => JSON.stringify({ comments: list });

/** A content folder holding `files` (path → text), and an empty dist folder beside it. */
function project(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), 'scheduled-'));
  temporary.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, 'content', path)), { recursive: true });
    writeFileSync(join(root, 'content', path), text);
  }
  mkdirSync(join(root, 'dist'));
  return { root, content: join(root, 'content'), dist: join(root, 'dist') };
}

const winter = {
  'articles/published.mdx': article('Published', '2026-12-01'),
  'articles/winter.mdx': article('Winter', '2026-12-24'),
  'comments/winter.json': comments({ id: 'q1', body: 'A question waiting with its article.' }),
};

describe('the content check, on a scheduled article', () => {
  test('treats its comments as its own, not as comments without an article', () => {
    const { root, content } = project(winter);
    const report = checkContent(content, root);
    expect(report.problems).toEqual([]);
    expect(report.articles.find((entry) => entry.slug === 'winter')).toMatchObject({ approved: 1 });
  });

  test('still checks its comments', () => {
    const { root, content } = project({
      ...winter,
      'comments/winter.json': comments({ id: 'q1', parent: 'q0', body: 'x' }),
    });
    expect(checkContent(content, root).problems.map(formatProblem)).toEqual([
      expect.stringMatching(/^content\/comments\/winter\.json: comment "q1", field "parent": /),
    ]);
  });

  test('counts it as scheduled, with its comments, until its day', () => {
    const { root, content } = project(winter);
    const report = checkContent(content, root);
    expect(summarize(report, '2026-12-23')).toBe(
      'Content check: 1 article to publish (0 drafts, 1 scheduled), 0 comments to publish, 0 pending and 0 spam kept unpublished.',
    );
    expect(summarize(report, '2026-12-24')).toBe(
      'Content check: 2 articles to publish (0 drafts, 0 scheduled), 1 comment to publish, 0 pending and 0 spam kept unpublished.',
    );
  });
});

type Hooks = Required<AstroIntegration['hooks']>;

/** Runs an integration's hooks as `astro build` does; returns what it logged, and whether it stopped the build. */
async function runBuild(integration: AstroIntegration, dist: string) {
  const logged: string[] = [];
  const logger = {
    info: (line: string) => logged.push(line),
    warn: (line: string) => logged.push(`warn: ${line}`),
    error: (line: string) => logged.push(`error: ${line}`),
  };
  const exit = vi.spyOn(process, 'exit').mockImplementation(() => undefined as never);
  const hooks = integration.hooks as Hooks;
  const call = (hook: keyof Hooks, options: object) =>
    (hooks[hook] as ((options: object) => Promise<void> | void) | undefined)?.(options);
  await call('astro:config:setup', { command: 'build', logger });
  await call('astro:build:done', { dir: pathToFileURL(`${dist}/`), logger });
  return { logged, stopped: exit.mock.calls.length > 0 };
}

describe('the content guard of a build', () => {
  test('lists what is scheduled and when, and does not count its comments as lost', async () => {
    const { content, dist } = project(winter);
    // The build leaves the scheduled article out: only the published one has a page.
    mkdirSync(join(dist, 'articles/published'), { recursive: true });
    writeFileSync(join(dist, 'articles/published/index.html'), '<p>Published</p>');
    const { logged, stopped } = await runBuild(contentIntegrity(content, '2026-12-23'), dist);
    expect(stopped).toBe(false);
    expect(logged).toEqual([
      'Content check: 1 article to publish (0 drafts, 1 scheduled), 0 comments to publish, 0 pending and 0 spam kept unpublished.',
      'Scheduled: 1 article, left out of this build (2026-12-23) with its comments until a build on or after its day:',
      '  2026-12-24  article "winter"',
      'Every published comment is on its page (0 in all).',
    ]);
  });

  test('on the article’s day, expects its comments on its page', async () => {
    const { content, dist } = project(winter);
    const { logged, stopped } = await runBuild(contentIntegrity(content, '2026-12-24'), dist);
    expect(stopped).toBe(true);
    expect(logged).toContain('error: article "winter": the content has 1 published comments but the pages show 0.');
  });
});

describe('the build notices', () => {
  test('end the build with the SITE_URL line when it is not set', async () => {
    const { siteUrlNotice } = await import('@/config/site-settings');
    const notice = siteUrlNotice({});
    const { logged } = await runBuild(buildNotices([notice]), mkdtempSync(join(tmpdir(), 'notices-')));
    expect(logged).toEqual([
      'warn: SITE_URL is not set: canonical links, the sitemap and the feed point at http://localhost:4321. Set SITE_URL=https://<your domain> to build the site you deploy.',
    ]);
  });

  test('say nothing about SITE_URL when it is set', async () => {
    const { siteUrlNotice } = await import('@/config/site-settings');
    const { logged } = await runBuild(
      buildNotices([siteUrlNotice({ SITE_URL: 'https://example.org' })]),
      mkdtempSync(join(tmpdir(), 'notices-')),
    );
    expect(logged).toEqual([]);
  });
});
