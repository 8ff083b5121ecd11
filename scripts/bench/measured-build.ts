/**
 * One `astro build` in a child Node process, measured: wall time from here, and the child's own CPU
 * time and peak memory, which it reports itself from `process.resourceUsage()` as it exits (so the
 * benchmark needs neither GNU time nor any platform tool).
 */
import { spawn } from 'node:child_process';
import { createWriteStream, globSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';

export interface BuildRun {
  /** Folder holding the Astro project (its `astro.config.*`). */
  projectDir: string;
  /** Where the site is written. It must be inside a folder that can resolve the project's packages. */
  outDir: string;
  /** Extra environment variables, such as CONTENT_DIR. */
  env?: Record<string, string>;
  /** The build's own output goes here, not to the terminal. */
  logFile: string;
  /** When set, the build writes a V8 CPU profile (`node --cpu-prof`) into this folder. */
  cpuProfileDir?: string;
}

export interface BuildMeasurement {
  wallMs: number;
  /** CPU time in user mode, all threads of the build process. */
  userCpuMs: number;
  systemCpuMs: number;
  /** Largest resident set size of the build process. */
  peakRssMb: number;
  /** HTML pages written. */
  pages: number;
  /** Wall time divided by pages written. */
  msPerPage: number;
  /**
   * Astro's own time for rendering the pages ("generating static routes … Completed in"), from the build's
   * log; undefined when the log does not say.
   */
  renderMs: number | undefined;
  /** Where the wall time went, phase by phase, from the build's log (`buildPhases`). */
  phases: BuildPhases;
  /** Bytes of every file in the output folder. */
  distBytes: number;
  /** Lines of the build's output that Astro marked as warnings. */
  warningLines: number;
  /** The same warnings by kind (their tags and first words), most frequent first. */
  warningKinds: Record<string, number>;
  /**
   * The machine's one-minute load average as the build ended: above the core count, other work was
   * competing for the CPU and wall time overstates the build's own cost.
   */
  loadAverage: number;
}

/** Loaded into the build process: writes its resource usage to a file as it exits. */
const RESOURCE_USAGE_HOOK = `
import { writeFileSync } from 'node:fs';
process.on('exit', () => writeFileSync(process.env.BENCH_RESOURCE_USAGE_FILE, JSON.stringify(process.resourceUsage())));
`;

const astroBin = () => join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');

/** Builds and measures; throws with the end of the build's output when the build fails. */
export async function measureBuild(run: BuildRun): Promise<BuildMeasurement> {
  const scratch = mkdtempSync(join(tmpdir(), 'health-site-bench-usage-'));
  const usageFile = join(scratch, 'usage.json');
  const log = createWriteStream(run.logFile);
  try {
    const args = [
      '--import',
      `data:text/javascript,${encodeURIComponent(RESOURCE_USAGE_HOOK)}`,
      ...(run.cpuProfileDir ? ['--cpu-prof', '--cpu-prof-dir', run.cpuProfileDir] : []),
      astroBin(),
      'build',
      '--outDir',
      run.outDir,
    ];
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: run.projectDir,
      env: { ...process.env, ...run.env, ASTRO_TELEMETRY_DISABLED: '1', BENCH_RESOURCE_USAGE_FILE: usageFile },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const [code] = (await once(child, 'close')) as [number | null];
    const wallMs = performance.now() - started;
    log.end();
    await once(log, 'close');
    const output = readFileSync(run.logFile, 'utf8');
    if (code !== 0) {
      const tail = output.split('\n').slice(-40).join('\n');
      throw new Error(`astro build in ${run.projectDir} failed (exit ${code}); log ${run.logFile}:\n${tail}`);
    }

    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as NodeJS.ResourceUsage;
    const files = globSync('**/*', { cwd: run.outDir }).filter((file) => statSync(join(run.outDir, file)).isFile());
    const pages = files.filter((file) => file.endsWith('.html')).length;
    return {
      wallMs,
      userCpuMs: usage.userCPUTime / 1000,
      systemCpuMs: usage.systemCPUTime / 1000,
      peakRssMb: usage.maxRSS / 1024,
      pages,
      msPerPage: pages ? wallMs / pages : Number.NaN,
      renderMs: pageRenderingMs(output),
      phases: buildPhases(output, wallMs),
      distBytes: files.reduce((sum, file) => sum + statSync(join(run.outDir, file)).size, 0),
      ...countWarnings(output),
      loadAverage: loadavg()[0]!,
    };
  } finally {
    if (!log.closed) log.end();
    rmSync(scratch, { recursive: true, force: true });
  }
}

// Terminal colour codes, which some of the build's tools print even into a pipe.
// eslint-disable-next-line no-control-regex
const ANSI = /\x1b\[[0-9;]*m/g;

/** Astro's durations: "78ms", "7.99s", "1m 4s". */
export function parseAstroDuration(text: string): number | undefined {
  const match = /^(?:(\d+)m )?(\d+(?:\.\d+)?)(ms|s)$/.exec(text.trim());
  if (!match) return undefined;
  const [, minutes = '0', amount = '0', unit] = match;
  return Number(minutes) * 60_000 + Number(amount) * (unit === 'ms' ? 1 : 1000);
}

/** How long Astro says it took to render the pages: the "Completed in" line after "generating static routes". */
export function pageRenderingMs(output: string): number | undefined {
  const lines = output.replace(ANSI, '').split('\n');
  const start = lines.findIndex((line) => line.includes('generating static routes'));
  if (start < 0) return undefined;
  for (const line of lines.slice(start + 1)) {
    const completed = /✓ Completed in (.+?)\.\s*$/.exec(line);
    if (completed) return parseAstroDuration(completed[1]!);
  }
  return undefined;
}

/** The phases of a build, in order, as its log shows them; a phase the log does not show is left out. */
export const PHASES = [
  'start and content check',
  'content sync',
  'types and build info',
  'bundling',
  'rendering',
  'after the pages',
  'the rest',
] as const;
export type BuildPhases = Partial<Record<(typeof PHASES)[number], number>>;

/**
 * Splits a build's wall time into its phases by the times its log lines start with (whole seconds):
 * starting Node, loading the config and the content check (everything before the content sync, the time
 * before the first line included), the sync, generating types and collecting build info, Vite's bundling
 * ("Building static entrypoints" to the last "built in"), rendering (Astro's own figure, `pageRenderingMs`),
 * the integrations' work after the last page (to "Complete!"), and the rest of `wallMs`.
 */
export function buildPhases(output: string, wallMs: number): BuildPhases {
  let dayOffset = 0;
  let previous = -1;
  const lines = output
    .replace(ANSI, '')
    .split('\n')
    .flatMap((line) => {
      const stamp = /^(\d\d):(\d\d):(\d\d) (.*)$/.exec(line);
      if (!stamp) return [];
      let seconds = Number(stamp[1]) * 3600 + Number(stamp[2]) * 60 + Number(stamp[3]) + dayOffset;
      // A build running past midnight.
      if (seconds < previous) {
        dayOffset += 86_400;
        seconds += 86_400;
      }
      previous = seconds;
      return [{ ms: seconds * 1000, text: stamp[4]! }];
    });
  /** Index of the first line from `from` on that matches, or -1. */
  const find = (pattern: RegExp, from = 0) => lines.findIndex(({ text }, index) => index >= from && pattern.test(text));
  const syncStart = find(/\[content\] Syncing content/);
  const syncEnd = find(/\[content\] Synced content/);
  const bundleStart = find(/Building static entrypoints/);
  const renderEnd = bundleStart < 0 ? -1 : find(/^✓ Completed in /, bundleStart);
  const bundleEnd =
    bundleStart < 0 || renderEnd < 0
      ? -1
      : lines
          .slice(0, renderEnd)
          .findLastIndex(({ text }, index) => index > bundleStart && /\[vite\] ✓ built in/.test(text));
  const end = find(/\[build\] Complete!/);
  const span = (from: number, to: number) =>
    from >= 0 && to >= 0 && lines[to]!.ms >= lines[from]!.ms ? lines[to]!.ms - lines[from]!.ms : undefined;

  const phases: BuildPhases = {};
  const set = (phase: (typeof PHASES)[number], ms: number | undefined) => {
    if (ms !== undefined) phases[phase] = ms;
  };
  // The log's first line comes after Node started and the config and content check ran: the wall time the
  // log does not cover came before it.
  const logged = span(0, end);
  const beforeSync = span(0, syncStart);
  set(
    'start and content check',
    logged === undefined || beforeSync === undefined ? undefined : Math.max(0, wallMs - logged) + beforeSync,
  );
  set('content sync', span(syncStart, syncEnd));
  set('types and build info', span(syncEnd, bundleStart));
  set('bundling', span(bundleStart, bundleEnd));
  set('rendering', pageRenderingMs(output));
  set('after the pages', span(renderEnd, end));
  const named = Object.values(phases).reduce((sum, ms) => sum + ms, 0);
  phases['the rest'] = Math.max(0, wallMs - named);
  return phases;
}

/** Counts `[WARN]` lines, grouped by their tags and first three words (numbers and slugs blanked). */
function countWarnings(output: string): Pick<BuildMeasurement, 'warningLines' | 'warningKinds'> {
  const kinds = new Map<string, number>();
  let warningLines = 0;
  for (const line of output.replace(ANSI, '').split('\n')) {
    const warning = /\[WARN\]\s*(.*)$/.exec(line);
    if (!warning) continue;
    warningLines += 1;
    const [, tags = '', message = ''] = /^((?:\[[^\]]*\]\s*)*)(.*)$/.exec(warning[1]!)!;
    const words = message
      .split(/\s+/)
      .slice(0, 3)
      .join(' ')
      .replace(/[\w-]*\d[\w-]*/g, '…');
    const kind = `${tags.trim()} ${words}`.trim();
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  return { warningLines, warningKinds: Object.fromEntries([...kinds].sort((a, b) => b[1] - a[1])) };
}
