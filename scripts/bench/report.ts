/** The benchmark's results: the table it prints, the targets of issue 6, and `reports/bench.json`. */
import { cpus, totalmem } from 'node:os';

import type { ProfileSummary } from './cpu-profile';
import type { BuildMeasurement } from './measured-build';

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
  /** Undefined when the run did not include what the target needs (5,000 articles without --full). */
  met: boolean | undefined;
  detail: string;
}

export interface BenchReport {
  date: string;
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; platform: string };
  commentsPerArticle: number;
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

/** The targets of issue 6 ("5,000 × 30" and "1,000" are the sizes they name). */
const LARGE = 5000;
const MEDIUM = 1000;
const MAX_WALL_OVER_BASELINE = 1.1;
const MAX_PEAK_RSS_MB = 3 * 1024;
const MAX_PER_PAGE_GROWTH = 1.1;
const MAX_REBUILD_SHARE = 0.25;

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const times = (a: number, b: number) => `${(a / b).toFixed(2)} ×`;
/** Wall time and, because other work on a shared machine inflates wall time, user CPU time too. */
const compare = (a: BuildMeasurement, b: BuildMeasurement) =>
  `${seconds(a.wallMs)} vs ${seconds(b.wallMs)} = ${times(a.wallMs, b.wallMs)} (user CPU ${times(a.userCpuMs, b.userCpuMs)})`;

export function evaluateTargets(sizes: SizeResult[]): TargetResult[] {
  const at = (articles: number) => sizes.find((size) => size.articles === articles);
  const large = at(LARGE);
  const medium = at(MEDIUM);
  const missing = (what: string) => ({ met: undefined, detail: `not measured: ${what}` });
  const largest = sizes.at(-1);

  return [
    {
      target: `${LARGE} articles: wall time ≤ ${MAX_WALL_OVER_BASELINE} × bare baseline`,
      ...(large
        ? {
            met: large.site.wallMs <= MAX_WALL_OVER_BASELINE * large.baseline.wallMs,
            detail: compare(large.site, large.baseline),
          }
        : missing(`run with --full`)),
    },
    {
      target: `${LARGE} articles: peak RSS ≤ 3 GB`,
      ...(large
        ? {
            met: large.site.peakRssMb <= MAX_PEAK_RSS_MB,
            detail: `${(large.site.peakRssMb / 1024).toFixed(2)} GB (baseline ${(large.baseline.peakRssMb / 1024).toFixed(2)} GB)`,
          }
        : missing(`run with --full`)),
    },
    {
      target: `ms per page at ${LARGE} ≤ ${MAX_PER_PAGE_GROWTH} × ms per page at ${MEDIUM}`,
      ...(large && medium
        ? {
            met: large.site.msPerPage <= MAX_PER_PAGE_GROWTH * medium.site.msPerPage,
            detail: `${large.site.msPerPage.toFixed(1)} vs ${medium.site.msPerPage.toFixed(1)} ms = ${times(large.site.msPerPage, medium.site.msPerPage)} (user CPU per page ${times(large.site.userCpuMs / large.site.pages, medium.site.userCpuMs / medium.site.pages)})`,
          }
        : missing(`needs ${MEDIUM} and ${LARGE} (--full)`)),
    },
    {
      target: `rebuild after one comment changed ≤ ${MAX_REBUILD_SHARE * 100} % of a cold build (largest size run)`,
      ...(largest
        ? {
            met: largest.siteRebuild.wallMs <= MAX_REBUILD_SHARE * largest.site.wallMs,
            detail: `${largest.articles} articles: ${seconds(largest.siteRebuild.wallMs)} vs ${seconds(largest.site.wallMs)} = ${percent(largest.siteRebuild, largest.site)} (user CPU ${percent(largest.siteRebuild, largest.site, 'userCpuMs')}); the bare baseline rebuilds in ${percent(largest.baselineRebuild, largest.baseline)} of its cold build`,
          }
        : missing('no size was run')),
    },
  ];
}

const percent = (a: BuildMeasurement, b: BuildMeasurement, key: 'wallMs' | 'userCpuMs' = 'wallMs') =>
  `${((100 * a[key]) / b[key]).toFixed(0)} %`;

const ROW_HEADINGS = [
  'articles',
  'build',
  'wall s',
  'user CPU s',
  'peak RSS MB',
  'ms/page',
  'dist MB',
  'warnings',
  'load',
];

/** The results as a Markdown table, ready for the README. "load" is the one-minute load average. */
export function formatTable(report: BenchReport): string {
  const rows = report.sizes.flatMap((size) => {
    const row = (label: string, build: BuildMeasurement) => [
      size.articles.toLocaleString('en-GB'),
      label,
      (build.wallMs / 1000).toFixed(1),
      (build.userCpuMs / 1000).toFixed(1),
      build.peakRssMb.toFixed(0),
      build.msPerPage.toFixed(1),
      (build.distBytes / 1024 ** 2).toFixed(1),
      String(build.warningLines),
      build.loadAverage.toFixed(1),
    ];
    return [
      row('site, cold', size.site),
      row(`site, 1 comment changed (${percent(size.siteRebuild, size.site)} of cold)`, size.siteRebuild),
      row('bare baseline, cold', size.baseline),
      row(
        `bare baseline, 1 article changed (${percent(size.baselineRebuild, size.baseline)} of cold)`,
        size.baselineRebuild,
      ),
    ];
  });
  const widths = ROW_HEADINGS.map((heading, column) =>
    Math.max(heading.length, ...rows.map((row) => row[column]!.length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => (column === 1 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join(' | ')} |`;
  const rule = `| ${widths.map((width, column) => (column === 1 ? '-'.repeat(width) : `${'-'.repeat(width - 1)}:`)).join(' | ')} |`;
  return [line(ROW_HEADINGS), rule, ...rows.map(line)].join('\n');
}

export function formatTargets(targets: TargetResult[]): string {
  return targets
    .map(({ target, met, detail }) => `${met === undefined ? '–' : met ? '✓' : '✗'} ${target}: ${detail}`)
    .join('\n');
}

export function formatMachine({ machine: m, commentsPerArticle }: BenchReport): string {
  return `${m.cpus} × ${m.cpuModel}, ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; ${commentsPerArticle} comments per article`;
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
