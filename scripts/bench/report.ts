/** The benchmark's results: the table it prints, the targets of issue 18, and `reports/bench.json`. */
import { cpus, totalmem } from 'node:os';

import type { ProfileSummary } from './cpu-profile';
import { PHASES, type BuildMeasurement } from './measured-build';

/** Everything measured for one site size. */
export interface SizeResult {
  articles: number;
  commentsPerArticle: number;
  /** The real site code, cold: empty content cache, new output folder. */
  site: BuildMeasurement;
  /** The same site built again after one comment was edited. */
  siteRebuild: BuildMeasurement;
  /** The bare baseline, cold. */
  baseline: BuildMeasurement;
  /**
   * The bare baseline built again with one article changed: the least any rebuild costs when Astro
   * renders every page on every build, as it does for static output.
   */
  baselineRebuild: BuildMeasurement;
}

export interface TargetResult {
  target: string;
  /** Undefined when the run did not include what the target needs (5,000 articles without --full, say). */
  met: boolean | undefined;
  detail: string;
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  /** Comments per article of each size built (`--comments`). */
  commentsPerArticle: number[];
  sizes: SizeResult[];
  targets: TargetResult[];
  /** Set when a build failed; `sizes` then holds the sizes finished before it. */
  error?: string;
  /** Where a profiled build of the largest size spent its time, when run with --cpu-prof. */
  profile?: { articles: number; file: string; site: ProfileSummary; baseline?: ProfileSummary };
}

export const machine = (): BenchReport['machine'] => ({
  cpus: cpus().length,
  cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
  memoryGb: Math.round(totalmem() / 1024 ** 3),
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
});

/**
 * The targets of issue 18, each a ratio to the bare Astro baseline of the same run: the machine's speed
 * and its other work change both builds alike.
 */
export const TARGETS = {
  /** Article counts the cold-build, memory, render and rebuild targets are set at, with `COMMENTS` each. */
  sizes: [1000, 5000],
  comments: 30,
  /** Cold build wall time ≤ this × the bare baseline's. */
  coldOverBare: 2,
  /** Peak RSS ≤ the bare baseline's + this. */
  extraPeakRssMb: 512,
  /** Page rendering, ms per page, ≤ this × the bare page's. */
  renderOverBare: 2,
  /** Rebuild after one comment changed ≤ this share of the site's own cold build (and ≤ the bare cold build). */
  rebuildShareOfCold: 0.35,
  /** The linear-cost target: `manyComments` per article at `linearSize` articles ≤ this × `comments` per article. */
  linearSize: 5000,
  manyComments: 100,
  manyCommentsOverComments: 1.5,
} as const;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const gigabytes = (mb: number) => `${(mb / 1024).toFixed(2)} GB`;
const times = (a: number, b: number) => `${(a / b).toFixed(2)} ×`;
const share = (a: number, b: number) => `${((100 * a) / b).toFixed(0)} %`;
const count = (n: number) => n.toLocaleString('en-GB');
/** Wall time and, because other work on a shared machine inflates wall time, user CPU time too. */
const compare = (a: BuildMeasurement, b: BuildMeasurement) =>
  `${seconds(a.wallMs)} vs ${seconds(b.wallMs)} = ${times(a.wallMs, b.wallMs)} (user CPU ${times(a.userCpuMs, b.userCpuMs)})`;

/** Ms per page of the rendering phase when the build's log says how long it took, else of the whole build. */
function renderPerPage(build: BuildMeasurement): { ms: number; what: string } {
  return build.renderMs === undefined
    ? { ms: build.msPerPage, what: 'whole build' }
    : { ms: build.renderMs / build.pages, what: 'rendering' };
}

/** Whether `value ≤ limit`; undefined when either is not a number (a build without pages, say). */
const atMost = (value: number, limit: number) =>
  Number.isFinite(value) && Number.isFinite(limit) ? value <= limit : undefined;

/** Each target of issue 18 that the run measured, met or not, with its numbers; the others say what they need. */
export function evaluateTargets(sizes: readonly SizeResult[]): TargetResult[] {
  const find = (articles: number, comments: number) =>
    sizes.find((size) => size.articles === articles && size.commentsPerArticle === comments);
  const results: TargetResult[] = [];

  for (const articles of TARGETS.sizes) {
    const label = `${count(articles)} × ${TARGETS.comments}`;
    const size = find(articles, TARGETS.comments);
    const targets = [
      `cold build ≤ ${TARGETS.coldOverBare} × bare`,
      `peak RSS ≤ bare + ${gigabytes(TARGETS.extraPeakRssMb)}`,
      `page render ≤ ${TARGETS.renderOverBare} × bare page`,
      'rebuild after one comment ≤ bare cold build',
      `rebuild after one comment ≤ ${TARGETS.rebuildShareOfCold * 100} % of site cold build`,
    ];
    if (!size) {
      const detail = `not measured: run with --sizes ${articles} (${TARGETS.comments} comments is the default)`;
      results.push(...targets.map((target) => ({ target: `${label}: ${target}`, met: undefined, detail })));
      continue;
    }
    const { site, siteRebuild, baseline } = size;
    const siteRender = renderPerPage(site);
    const bareRender = renderPerPage(baseline);
    const renderWhat =
      siteRender.what === bareRender.what ? siteRender.what : `${siteRender.what} vs ${bareRender.what}`;
    results.push(
      {
        target: `${label}: ${targets[0]}`,
        met: atMost(site.wallMs, TARGETS.coldOverBare * baseline.wallMs),
        detail: compare(site, baseline),
      },
      {
        target: `${label}: ${targets[1]}`,
        met: atMost(site.peakRssMb, baseline.peakRssMb + TARGETS.extraPeakRssMb),
        detail: `${gigabytes(site.peakRssMb)} vs ${gigabytes(baseline.peakRssMb)} = +${gigabytes(site.peakRssMb - baseline.peakRssMb)}`,
      },
      {
        target: `${label}: ${targets[2]}`,
        met: atMost(siteRender.ms, TARGETS.renderOverBare * bareRender.ms),
        detail: `${siteRender.ms.toFixed(1)} vs ${bareRender.ms.toFixed(1)} ms a page (${renderWhat}; ${count(site.pages)} vs ${count(baseline.pages)} pages) = ${times(siteRender.ms, bareRender.ms)}; whole build ${site.msPerPage.toFixed(1)} vs ${baseline.msPerPage.toFixed(1)} ms a page`,
      },
      {
        target: `${label}: ${targets[3]}`,
        met: atMost(siteRebuild.wallMs, baseline.wallMs),
        detail: compare(siteRebuild, baseline),
      },
      {
        target: `${label}: ${targets[4]}`,
        met: atMost(siteRebuild.wallMs, TARGETS.rebuildShareOfCold * site.wallMs),
        detail: `${seconds(siteRebuild.wallMs)} vs ${seconds(site.wallMs)} = ${share(siteRebuild.wallMs, site.wallMs)} (user CPU ${share(siteRebuild.userCpuMs, site.userCpuMs)})`,
      },
    );
  }

  const { linearSize, manyComments, comments } = TARGETS;
  const few = find(linearSize, comments);
  const many = find(linearSize, manyComments);
  results.push({
    target: `${count(linearSize)} × ${manyComments} cold build ≤ ${TARGETS.manyCommentsOverComments} × ${count(linearSize)} × ${comments}`,
    ...(few && many
      ? {
          met: atMost(many.site.wallMs, TARGETS.manyCommentsOverComments * few.site.wallMs),
          detail: compare(many.site, few.site),
        }
      : {
          met: undefined,
          detail: `not measured: run with --sizes ${linearSize} --comments ${comments},${manyComments}`,
        }),
  });
  return results;
}

const ROW_HEADINGS = [
  'articles × comments',
  'build',
  'wall s',
  'user CPU s',
  'peak RSS MB',
  'ms/page',
  'render ms/page',
  'dist MB',
  'warnings',
  'load',
];

/**
 * The results as a Markdown table, ready for the README. "ms/page" is the whole build's wall time a page,
 * "render ms/page" Astro's page rendering alone; "load" is the one-minute load average as the build ended.
 */
export function formatTable(report: BenchReport): string {
  const rows = report.sizes.flatMap((size) => {
    const row = (label: string, build: BuildMeasurement) => [
      `${count(size.articles)} × ${size.commentsPerArticle}`,
      label,
      (build.wallMs / 1000).toFixed(1),
      (build.userCpuMs / 1000).toFixed(1),
      build.peakRssMb.toFixed(0),
      build.msPerPage.toFixed(1),
      build.renderMs === undefined ? '–' : (build.renderMs / build.pages).toFixed(1),
      (build.distBytes / 1024 ** 2).toFixed(1),
      String(build.warningLines),
      build.loadAverage.toFixed(1),
    ];
    return [
      row('site, cold', size.site),
      row(`site, 1 comment changed (${share(size.siteRebuild.wallMs, size.site.wallMs)} of cold)`, size.siteRebuild),
      row('bare baseline, cold', size.baseline),
      row(
        `bare baseline, 1 article changed (${share(size.baselineRebuild.wallMs, size.baseline.wallMs)} of cold)`,
        size.baselineRebuild,
      ),
    ];
  });
  return markdownTable(ROW_HEADINGS, rows);
}

/** Where each build's wall time went, in seconds, phase by phase (`buildPhases`); "–" where the log did not say. */
export function formatPhases(report: BenchReport): string {
  const headings = ['articles × comments', 'build', ...PHASES.map((phase) => `${phase} s`)];
  const rows = report.sizes.flatMap((size) =>
    (
      [
        ['site, cold', size.site],
        ['site, 1 comment changed', size.siteRebuild],
        ['bare baseline, cold', size.baseline],
        ['bare baseline, 1 article changed', size.baselineRebuild],
      ] as const
    ).map(([label, build]) => [
      `${count(size.articles)} × ${size.commentsPerArticle}`,
      label,
      ...PHASES.map((phase) => {
        const ms = build.phases[phase];
        return ms === undefined ? '–' : (ms / 1000).toFixed(1);
      }),
    ]),
  );
  return markdownTable(headings, rows);
}

/** A Markdown table: the second column (the build) left-aligned, the others right-aligned. */
function markdownTable(headings: string[], rows: string[][]): string {
  const widths = headings.map((heading, column) => Math.max(heading.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 1 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(headings), rule, ...rows.map(line)].join('\n');
}

export function formatTargets(targets: TargetResult[]): string {
  return targets
    .map(({ target, met, detail }) => `${met === undefined ? '–' : met ? '✓' : '✗'} ${target}: ${detail}`)
    .join('\n');
}

export function formatMachine({ machine: m, commentsPerArticle }: BenchReport): string {
  return `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; ${commentsPerArticle.join(' and ')} comments per article`;
}

export function formatProfile(profile: NonNullable<BenchReport['profile']>): string {
  const lines = (summary: ProfileSummary, key: 'byPackage' | 'byFunction', count: number) =>
    summary[key]
      .slice(0, count)
      .map(
        (cost) => `  ${cost.selfMs.toFixed(0).padStart(7)} ms ${cost.percent.toFixed(1).padStart(5)} %  ${cost.name}`,
      );
  return [
    `CPU profile of the site build, ${profile.articles} articles (${(profile.site.totalMs / 1000).toFixed(1)} s profiled): ${profile.file}`,
    'Self time by package:',
    ...lines(profile.site, 'byPackage', 12),
    'Self time by function:',
    ...lines(profile.site, 'byFunction', 15),
    ...(profile.baseline
      ? [
          `Bare baseline, same size (${(profile.baseline.totalMs / 1000).toFixed(1)} s profiled), by package:`,
          ...lines(profile.baseline, 'byPackage', 8),
        ]
      : []),
  ].join('\n');
}
