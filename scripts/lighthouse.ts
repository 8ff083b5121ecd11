/**
 * Lighthouse mobile (simulated throttling) on the seed article of the built site, fully offline:
 *
 *   npm run lighthouse [-- --path articles/<slug>/] [--uncompressed]
 *
 * Serves `dist/` on 127.0.0.1 with the site's static server, gzip-compressed as a static host serves
 * it (`--uncompressed` serves the files as they are, to see what compression is worth), runs the
 * `lighthouse` CLI with the system Chromium, writes `reports/lighthouse.report.{json,html}` and prints
 * the four category scores, the metrics the performance budget names and the page's requests.
 * Exit code 0 when Lighthouse ran (whether or not the targets were met), 1 when it could not run.
 * `tests/browser/lighthouse.test.ts` asserts the targets with the same runner.
 */
import { execFile } from 'node:child_process';
import { cpSync, globSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { gzipSync } from 'node:zlib';

import type { Result } from 'lighthouse';

import { CHROMIUM_ARGS, findChromium, NO_CHROMIUM } from '../tests/helpers/browser';
import { startStaticServer, type StaticServer } from './static-server';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** The page the budget is about: the seed article with all its comments. */
export const SEED_ARTICLE_PATH = 'articles/leg-cramps-sign-of-pregnancy/';
/** The only page that runs a script, with a query as a link to results would give it. */
export const SEARCH_WITH_QUERY_PATH = 'search/?q=cramps';

export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
export type Category = (typeof CATEGORIES)[number];

/** The targets of issue 6. */
export const TARGETS = {
  /** Every category, out of 100. */
  score: 100,
  largestContentfulPaintMs: 800,
  cumulativeLayoutShift: 0,
  totalBlockingTimeMs: 0,
} as const;

export interface LighthouseOptions {
  /** Chromium executable Lighthouse drives. */
  chromePath: string;
  /** The built site. Defaults to `dist/`. */
  dist?: string;
  /** Page below the site root. Defaults to the seed article. */
  path?: string;
  /** Folder for the reports. Defaults to `reports/`. */
  reportsDir?: string;
  /** Name the reports start with: `<name>.report.json` and `.html`. Defaults to `lighthouse`. */
  reportName?: string;
  /** Serve the files as they are instead of gzip-compressed. Defaults to false. */
  uncompressed?: boolean;
}

export interface LighthouseRequest {
  url: string;
  resourceType: string;
  /** Bytes on the wire, headers included, as Lighthouse records them. */
  transferSize: number;
  /** Decoded body bytes. */
  resourceSize: number;
}

export interface LighthouseSummary {
  url: string;
  /** Category scores out of 100. */
  scores: Record<Category, number>;
  metrics: {
    firstContentfulPaintMs: number;
    largestContentfulPaintMs: number;
    cumulativeLayoutShift: number;
    totalBlockingTimeMs: number;
    speedIndexMs: number;
  };
  requests: LighthouseRequest[];
  /** Audits scored below 1 in the four categories, as "id (score): title" lines. */
  imperfectAudits: string[];
  /** Lighthouse's own warnings about the run (a slow machine, an interstitial…). */
  runWarnings: string[];
  /** Lighthouse's estimate of this machine's speed; its docs call under 1,000 slow. */
  benchmarkIndex: number;
  reports: { json: string; html: string };
}

/** Where the Lighthouse CLI lives, found the way Node finds the package. */
const lighthouseCli = () =>
  join(dirname(createRequire(import.meta.url).resolve('lighthouse/package.json')), 'cli/index.js');

/** Files a host compresses: text. Images and fonts are compressed already. */
const COMPRESSIBLE = /\.(html|css|js|mjs|json|svg|xml|txt|webmanifest)$/;

/**
 * Serves `dist` as a static host that compresses text does: a copy of the site with each text file
 * gzipped ahead of time, sent with `Content-Encoding: gzip`. The site's own static server sends files
 * as they are, so the compression happens in the copy, not in the server.
 */
async function serveGzipped(dist: string): Promise<StaticServer> {
  const root = mkdtempSync(join(tmpdir(), 'health-site-lighthouse-'));
  cpSync(dist, root, { recursive: true });
  const gzipped = new Set<string>();
  for (const file of globSync('**/*', { cwd: root })) {
    const path = join(root, file);
    if (!COMPRESSIBLE.test(file) || !statSync(path).isFile()) continue;
    writeFileSync(path, gzipSync(readFileSync(path), { level: 9 }));
    gzipped.add(`/${file.split('\\').join('/')}`);
  }
  const server = await startStaticServer({
    root,
    headersFor: (path) =>
      gzipped.has(path.endsWith('/') ? `${path}index.html` : path)
        ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' }
        : {},
  });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Runs Lighthouse once on one page of the built site and summarises the result. */
export async function runLighthouse(options: LighthouseOptions): Promise<LighthouseSummary> {
  const dist = options.dist ?? join(REPO, 'dist');
  const reportsDir = options.reportsDir ?? join(REPO, 'reports');
  const reportBase = join(reportsDir, options.reportName ?? 'lighthouse');
  mkdirSync(reportsDir, { recursive: true });

  const server = options.uncompressed ? await startStaticServer({ root: dist }) : await serveGzipped(dist);
  const url = `${server.url}${options.path ?? SEED_ARTICLE_PATH}`;
  try {
    await promisify(execFile)(
      process.execPath,
      [
        lighthouseCli(),
        url,
        `--only-categories=${CATEGORIES.join(',')}`,
        '--form-factor=mobile',
        '--throttling-method=simulate',
        `--chrome-flags=${CHROMIUM_ARGS.join(' ')}`,
        '--output=json',
        '--output=html',
        `--output-path=${reportBase}`,
        '--quiet',
      ],
      { env: { ...process.env, CHROME_PATH: options.chromePath }, maxBuffer: 64 * 1024 * 1024 },
    );
  } finally {
    await server.close();
  }

  const reports = { json: `${reportBase}.report.json`, html: `${reportBase}.report.html` };
  const result = JSON.parse(readFileSync(reports.json, 'utf8')) as Result;
  if (result.runtimeError) throw new Error(`Lighthouse could not test ${url}: ${result.runtimeError.message}`);
  return summarise(result, url, reports);
}

function summarise(result: Result, url: string, reports: LighthouseSummary['reports']): LighthouseSummary {
  const audit = (id: string) => {
    const found = result.audits[id];
    if (!found) throw new Error(`Lighthouse report has no "${id}" audit`);
    return found;
  };
  const metric = (id: string) => audit(id).numericValue ?? Number.NaN;
  const scores = Object.fromEntries(
    CATEGORIES.map((category) => [category, Math.round((result.categories[category]?.score ?? 0) * 100)]),
  ) as Record<Category, number>;

  const auditIds = new Set(
    CATEGORIES.flatMap((category) => result.categories[category]?.auditRefs.map((ref) => ref.id) ?? []),
  );
  const imperfectAudits = [...auditIds]
    .map((id) => audit(id))
    .filter((found) => typeof found.score === 'number' && found.score < 1)
    .map((found) => `${found.id} (${found.score}): ${found.title}`);

  const details = audit('network-requests').details;
  const items = details?.type === 'table' ? details.items : [];
  const requests = items.map((item) => ({
    url: String(item.url),
    resourceType: String(item.resourceType),
    transferSize: Number(item.transferSize),
    resourceSize: Number(item.resourceSize),
  }));

  return {
    url,
    scores,
    metrics: {
      firstContentfulPaintMs: metric('first-contentful-paint'),
      largestContentfulPaintMs: metric('largest-contentful-paint'),
      cumulativeLayoutShift: metric('cumulative-layout-shift'),
      totalBlockingTimeMs: metric('total-blocking-time'),
      speedIndexMs: metric('speed-index'),
    },
    requests,
    imperfectAudits,
    runWarnings: result.runWarnings.map(String),
    benchmarkIndex: result.environment.benchmarkIndex,
    reports,
  };
}

/** Which targets the run met, as printable lines starting with ✓ or ✗. */
export function targetLines({ scores, metrics }: LighthouseSummary): string[] {
  const line = (met: boolean, text: string) => `${met ? '✓' : '✗'} ${text}`;
  return [
    ...CATEGORIES.map((category) =>
      line(scores[category] >= TARGETS.score, `${category}: ${scores[category]} (target ${TARGETS.score})`),
    ),
    line(
      metrics.largestContentfulPaintMs <= TARGETS.largestContentfulPaintMs,
      `LCP ${Math.round(metrics.largestContentfulPaintMs)} ms (target ≤ ${TARGETS.largestContentfulPaintMs} ms)`,
    ),
    line(
      metrics.cumulativeLayoutShift <= TARGETS.cumulativeLayoutShift,
      `CLS ${metrics.cumulativeLayoutShift.toFixed(3)} (target ${TARGETS.cumulativeLayoutShift})`,
    ),
    line(
      metrics.totalBlockingTimeMs <= TARGETS.totalBlockingTimeMs,
      `TBT ${Math.round(metrics.totalBlockingTimeMs)} ms (target ${TARGETS.totalBlockingTimeMs} ms)`,
    ),
  ];
}

function formatSummary(summary: LighthouseSummary): string {
  const { metrics } = summary;
  return [
    `Lighthouse mobile, simulated throttling: ${summary.url}`,
    ...targetLines(summary).map((line) => `  ${line}`),
    `  FCP ${Math.round(metrics.firstContentfulPaintMs)} ms, Speed Index ${Math.round(metrics.speedIndexMs)} ms`,
    'Requests:',
    ...summary.requests.map(
      (request) =>
        `  ${request.resourceType.padEnd(10)} ${String(request.transferSize).padStart(7)} B transferred ${String(request.resourceSize).padStart(7)} B decoded  ${request.url}`,
    ),
    ...(summary.imperfectAudits.length
      ? ['Audits below full marks:', ...summary.imperfectAudits.map((a) => `  ${a}`)]
      : []),
    ...summary.runWarnings.map((warning) => `Lighthouse warning: ${warning}`),
    `Machine benchmark index: ${Math.round(summary.benchmarkIndex)}`,
    `Reports: ${summary.reports.json}`,
    `         ${summary.reports.html}`,
  ].join('\n');
}

async function main(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { path: { type: 'string' }, uncompressed: { type: 'boolean', default: false } },
  });
  const chromePath = findChromium();
  if (!chromePath) {
    console.error(NO_CHROMIUM);
    return 1;
  }
  const dist = join(REPO, 'dist');
  try {
    const summary = await runLighthouse({ chromePath, dist, path: values.path, uncompressed: values.uncompressed });
    console.log(formatSummary(summary));
    return 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    console.error(`Is the site built? Run \`npm run build\` first (expected it in ${dist}).`);
    return 1;
  }
}

// Run only as `npm run lighthouse`; the Lighthouse test imports the runner without starting it.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await main(process.argv.slice(2));
}
