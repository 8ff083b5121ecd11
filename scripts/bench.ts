/**
 * Build benchmark (issue 6): synthetic sites of N articles × M comments, built cold with the real
 * site code and with a bare Astro baseline, then rebuilt with one comment changed.
 *
 *   npm run bench [-- --sizes 100,1000] [--full] [--comments 30,100] [--cpu-prof] [--keep]
 *
 * A benchmark, not a test: it prints a table and whether each target of issue 18 is met (ratios to the bare
 * baseline of the same run, `bench/report.ts`), and writes `reports/bench.json`.
 * Everything it generates lives in one temporary folder, removed at the end unless `--keep`.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { summariseCpuProfile } from './bench/cpu-profile';
import { measureBuild, type BuildMeasurement } from './bench/measured-build';
import { BASELINE_ARTICLES_ENV, clearCaches, snapshotSite, writeBaselineProject } from './bench/projects';
import {
  evaluateTargets,
  formatMachine,
  formatPhases,
  formatProfile,
  formatTable,
  formatTargets,
  machine,
  type BenchReport,
  type SizeResult,
} from './bench/report';
import { editOneArticle, editOneComment, writeSyntheticSite, type SyntheticSite } from './bench/synthetic-content';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const REPORTS = join(REPO, 'reports');

const DEFAULT_SIZES = [100, 1000];
const FULL_SIZE = 5000;
const DEFAULT_COMMENTS = 30;

const USAGE = `Usage: npm run bench -- [options]

Builds synthetic sites with the real site code and with a bare Astro baseline, and measures them.

Options:
  --sizes <list>     article counts to build, comma-separated (default ${DEFAULT_SIZES.join(',')})
  --full             also build ${FULL_SIZE.toLocaleString('en-GB')} articles (takes minutes)
  --comments <list>  comments per article, comma-separated: each size is built with each
                     (default ${DEFAULT_COMMENTS}; --sizes 5000 --comments 30,100 checks the linear-cost target)
  --cpu-prof         also profile a cold build of the largest size (node --cpu-prof), site and baseline
  --keep             keep the temporary folder (content, builds, logs) and print where it is
  -h, --help         show this help`;

interface BenchOptions {
  sizes: number[];
  commentsPerArticle: number[];
  cpuProfile: boolean;
  keep: boolean;
}

function parseOptions(args: string[]): BenchOptions | undefined {
  const { values } = parseArgs({
    args,
    options: {
      sizes: { type: 'string' },
      full: { type: 'boolean', default: false },
      comments: { type: 'string' },
      'cpu-prof': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return undefined;
  const count = (text: string) => {
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1) throw new Error(`not a positive whole number: "${text}"`);
    return value;
  };
  const sizes = values.sizes ? values.sizes.split(',').map(count) : DEFAULT_SIZES;
  return {
    sizes: [...new Set([...sizes, ...(values.full ? [FULL_SIZE] : [])])].sort((a, b) => a - b),
    commentsPerArticle: values.comments
      ? [...new Set(values.comments.split(',').map(count))].sort((a, b) => a - b)
      : [DEFAULT_COMMENTS],
    cpuProfile: values['cpu-prof'],
    keep: values.keep,
  };
}

const progress = (text: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
const took = (build: BuildMeasurement) =>
  `${(build.wallMs / 1000).toFixed(1)} s, ${build.pages} pages, ${(build.peakRssMb / 1024).toFixed(2)} GB peak`;

/** The folders of one benchmark run. */
interface Workspace {
  root: string;
  siteProject: string;
  baselineProject: string;
}

/**
 * Builds one size: the site cold, then again after one comment changed; the baseline cold, then
 * again after one article changed (its articles are all it has). The site's comment edit comes
 * after the baseline's builds, which read only the articles.
 */
async function benchSize(workspace: Workspace, articles: number, commentsPerArticle: number): Promise<SizeResult> {
  const contentDir = join(workspace.root, `content-${articles}-${commentsPerArticle}`);
  progress(`${articles} articles: writing content (${commentsPerArticle} comments each)`);
  const site = writeSyntheticSite(contentDir, { articles, commentsPerArticle });
  const siteRun = (label: string) => ({
    projectDir: workspace.siteProject,
    outDir: join(workspace.siteProject, `dist-${articles}`),
    env: { CONTENT_DIR: contentDir },
    logFile: join(workspace.root, `site-${articles}-${commentsPerArticle}-${label}.log`),
  });

  clearCaches(workspace.siteProject);
  progress(`${articles} articles: site, cold build`);
  const cold = await measureBuild(siteRun('cold'));
  progress(`  ${took(cold)}`);

  editOneComment(site);
  progress(`${articles} articles: site, rebuild after one comment changed`);
  const rebuild = await measureBuild(siteRun('rebuild'));
  progress(`  ${took(rebuild)}`);

  progress(`${articles} articles: bare baseline, cold build`);
  clearCaches(workspace.baselineProject);
  const baseline = await measureBaseline(workspace, site, articles, `${commentsPerArticle}-cold`);
  progress(`  ${took(baseline)}`);

  editOneArticle(site);
  progress(`${articles} articles: bare baseline, rebuild after one article changed`);
  const baselineRebuild = await measureBaseline(workspace, site, articles, `${commentsPerArticle}-rebuild`);
  progress(`  ${took(baselineRebuild)}`);
  return { articles, commentsPerArticle, site: cold, siteRebuild: rebuild, baseline, baselineRebuild };
}

function measureBaseline(
  workspace: Workspace,
  site: SyntheticSite,
  articles: number,
  label: string,
  cpuProfileDir?: string,
) {
  return measureBuild({
    projectDir: workspace.baselineProject,
    outDir: join(workspace.baselineProject, cpuProfileDir ? `dist-${articles}-profiled` : `dist-${articles}`),
    env: { [BASELINE_ARTICLES_ENV]: site.articlesDir },
    logFile: join(workspace.root, `baseline-${articles}-${label}.log`),
    cpuProfileDir,
  });
}

/** Profiles cold builds of `articles` (site and baseline) with `node --cpu-prof`, into `reports/`. */
async function profileSize(workspace: Workspace, articles: number, commentsPerArticle: number) {
  const contentDir = join(workspace.root, `content-${articles}-profiled`);
  const site = writeSyntheticSite(contentDir, { articles, commentsPerArticle });
  const profileDir = (name: string) => {
    const dir = join(REPORTS, 'bench-profiles', `${name}-${articles}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return dir;
  };
  const profileIn = (dir: string) =>
    join(
      dir,
      readdirSync(dir).find((file) => file.endsWith('.cpuprofile'))!,
    );
  progress(`${articles} articles: profiling a cold site build`);
  const siteDir = profileDir('site');
  clearCaches(workspace.siteProject);
  await measureBuild({
    projectDir: workspace.siteProject,
    outDir: join(workspace.siteProject, `dist-${articles}-profiled`),
    env: { CONTENT_DIR: contentDir },
    logFile: join(workspace.root, `site-${articles}-profiled.log`),
    cpuProfileDir: siteDir,
  });
  progress(`${articles} articles: profiling a cold baseline build`);
  const baselineDir = profileDir('baseline');
  clearCaches(workspace.baselineProject);
  await measureBaseline(workspace, site, articles, 'profiled', baselineDir);
  const file = profileIn(siteDir);
  const profile: NonNullable<BenchReport['profile']> = {
    articles,
    file,
    site: summariseCpuProfile(file),
    baseline: summariseCpuProfile(profileIn(baselineDir)),
  };
  return profile;
}

async function main(args: string[]): Promise<number> {
  let options: BenchOptions | undefined;
  try {
    options = parseOptions(args);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : error}\n\n${USAGE}`);
    return 1;
  }
  if (!options) {
    console.log(USAGE);
    return 0;
  }

  const root = mkdtempSync(join(tmpdir(), 'health-site-bench-'));
  const workspace: Workspace = { root, siteProject: join(root, 'site'), baselineProject: join(root, 'baseline') };
  progress(`working in ${root}`);
  const sizes: SizeResult[] = [];
  let profile: BenchReport['profile'];
  let error: string | undefined;
  try {
    snapshotSite(REPO, workspace.siteProject);
    writeBaselineProject(REPO, workspace.baselineProject);
    for (const articles of options.sizes) {
      for (const comments of options.commentsPerArticle) {
        sizes.push(await benchSize(workspace, articles, comments));
        // Each size's output is measured; dropping it keeps the disk use to one size at a time.
        if (!options.keep) {
          for (const project of [workspace.siteProject, workspace.baselineProject])
            rmSync(join(project, `dist-${articles}`), { recursive: true, force: true });
          rmSync(join(root, `content-${articles}-${comments}`), { recursive: true, force: true });
        }
      }
    }
    if (options.cpuProfile)
      profile = await profileSize(workspace, options.sizes.at(-1)!, options.commentsPerArticle[0]!);
  } catch (failure) {
    // A failed build (out of memory, say) is a result too: report what was measured before it.
    error = failure instanceof Error ? failure.message : String(failure);
    console.error(error);
  } finally {
    if (options.keep) progress(`kept ${root}`);
    else rmSync(root, { recursive: true, force: true });
  }

  const report: BenchReport = {
    date: new Date().toISOString(),
    machine: machine(),
    commentsPerArticle: options.commentsPerArticle,
    sizes,
    targets: evaluateTargets(sizes),
    ...(error !== undefined && { error }),
    ...(profile && { profile }),
  };
  mkdirSync(REPORTS, { recursive: true });
  const reportFile = join(REPORTS, 'bench.json');
  writeFileSync(reportFile, `${JSON.stringify(report, null, 2)}\n`);
  printReport(report);
  console.log(`\nReport: ${reportFile}`);
  return error === undefined ? 0 : 1;
}

function printReport(report: BenchReport): void {
  console.log(`\nBuild benchmark on ${formatMachine(report)}\n`);
  if (report.sizes.length) {
    console.log(formatTable(report));
    console.log(`\nWhere the time goes, from each build's log:\n${formatPhases(report)}`);
  }
  console.log(`\nTargets:\n${formatTargets(report.targets)}`);
  const largest = report.sizes.at(-1);
  const warnings = Object.entries(largest?.site.warningKinds ?? {});
  if (largest && warnings.length) {
    console.log(`\nWarnings of the ${largest.articles}-article site build, by kind:`);
    for (const [kind, count] of warnings.slice(0, 8)) console.log(`  ${String(count).padStart(6)} × ${kind}`);
  }
  if (report.profile) console.log(`\n${formatProfile(report.profile)}`);
  if (report.error) console.log(`\nStopped early: a build failed (see above).`);
}

process.exitCode = await main(process.argv.slice(2));
