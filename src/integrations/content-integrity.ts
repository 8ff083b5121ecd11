/**
 * Guards every build: before it starts, the content check must pass (one line per problem, no stack
 * trace); after it ends, every published comment must appear on the built pages exactly as often as
 * the content holds it. Otherwise the build fails.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration, AstroIntegrationLogger } from 'astro';

import { buildDay } from '@/config/build-day';
import { checkContent, type ArticleCounts } from '@/lib/content-check/check';
import { devContentProblems, setDevContentProblems } from '@/lib/content-check/dev-problems';
import { formatProblem, type ContentProblem } from '@/lib/content-check/problems';
import { summarize } from '@/lib/content-check/summary';
import { isPublishedOn, scheduleLines, type CalendarDay } from '@/lib/publication';

/** Marks one rendered comment: see `lib/comments/thread-html.ts`. */
const RENDERED_COMMENT = /<article id="comment-[^"]*" class="comment[ "]/g;

/** Stops the build with a message and no stack trace: content problems are for editors, not programmers. */
function stopBuild(logger: AstroIntegrationLogger, lines: string[]): never {
  for (const line of lines) logger.error(line);
  process.exit(1);
}

/**
 * Published comments found on an article's pages (the article page and its comment pages). The
 * pages are listed directly rather than globbed: a glob per article costs as much as reading them.
 */
export function countRenderedComments(dist: string, slug: string): number {
  const article = join(dist, 'articles', slug);
  const commentPages = join(article, 'comments');
  const pages = [
    join(article, 'index.html'),
    ...(existsSync(commentPages)
      ? readdirSync(commentPages).map((page) => join(commentPages, page, 'index.html'))
      : []),
  ];
  return (
    pages
      .filter((page) => existsSync(page))
      // Read byte for byte (latin1): the marker is ASCII, and decoding UTF-8 took most of the time.
      .reduce((total, page) => total + (readFileSync(page, 'latin1').match(RENDERED_COMMENT)?.length ?? 0), 0)
  );
}

/** In `npm run dev`: the problems in the terminal, and kept for the middleware that shows them on pages. */
function reportWhileEditing(problems: ContentProblem[], logger: AstroIntegrationLogger): void {
  for (const problem of problems) logger.warn(formatProblem(problem));
  if (problems.length === 0 && devContentProblems().length > 0) logger.info('Content check: the problems are fixed.');
  setDevContentProblems(problems);
}

/**
 * @param today the build day (`config/build-day.ts`): articles published later are scheduled, left out
 *   with their comments and listed in the build log
 */
export function contentIntegrity(contentDir: string, today: CalendarDay = buildDay): AstroIntegration {
  let published: ArticleCounts[] = [];
  return {
    name: 'health-site:content-integrity',
    hooks: {
      'astro:config:setup': ({ command, logger, addMiddleware }) => {
        if (command !== 'build' && command !== 'dev') return;
        const report = checkContent(contentDir);
        if (command === 'dev') {
          // While editing, say what is wrong in the terminal and on every page, but keep the preview running.
          reportWhileEditing(report.problems, logger);
          addMiddleware({ entrypoint: new URL('./content-problems-middleware.ts', import.meta.url), order: 'pre' });
          return;
        }
        for (const note of report.notes) logger.info(note);
        if (report.problems.length > 0)
          stopBuild(logger, [...report.problems.map(formatProblem), summarize(report, today)]);
        logger.info(summarize(report, today));
        for (const line of scheduleLines(report.articles, today)) logger.info(line);
        published = report.articles.filter((article) => isPublishedOn(article, today));
      },
      'astro:server:setup': ({ server, logger }) => {
        // Checked again after every change to the content: a page then shows the problems (or the
        // page again once they are fixed) without waiting for the content layer, which keeps the last
        // valid version of an entry.
        const folder = resolve(contentDir);
        let timer: ReturnType<typeof setTimeout> | undefined;
        server.watcher.on('all', (_event, path) => {
          if (!resolve(path).startsWith(`${folder}${sep}`)) return;
          clearTimeout(timer);
          timer = setTimeout(() => {
            const before = devContentProblems().map(formatProblem).join('\n');
            const { problems } = checkContent(contentDir);
            if (problems.map(formatProblem).join('\n') === before) return;
            reportWhileEditing(problems, logger);
            server.ws.send({ type: 'full-reload' });
          }, 100);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const lost = published.flatMap(({ slug, approved }) => {
          const rendered = countRenderedComments(dist, slug);
          return rendered === approved
            ? []
            : [`article "${slug}": the content has ${approved} published comments but the pages show ${rendered}.`];
        });
        if (lost.length > 0)
          stopBuild(logger, [...lost, 'Comments were lost or duplicated: this is a bug in the site code.']);
        logger.info(
          `Every published comment is on its page (${published.reduce((sum, article) => sum + article.approved, 0)} in all).`,
        );
      },
    },
  };
}
