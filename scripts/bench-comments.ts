/**
 * How long the comment renderer takes on hostile bodies of the longest legal length. Each shape runs
 * in its own process (a crash or a stack overflow is reported, not fatal) with a time limit, on both
 * renderers: satteri's fast path (when it takes the body) and the unified pipeline, then
 * `renderCommentBody` as the build calls it.
 *
 *   npm run bench:comments                 # every shape
 *   npm run bench:comments -- --only "é*"  # the shapes whose name contains the text
 *   npm run bench:comments -- --timeout 60 # seconds per shape and path (default 30)
 *   npm run bench:comments -- --renderer reports/render-body-old.ts  # another version of the renderer,
 *     such as `git show <commit>:src/lib/comments/render-body.ts`, saved inside the project
 *
 * Times are wall-clock milliseconds, then the process's CPU milliseconds in brackets: on a shared
 * machine the first varies with the load, the second much less.
 */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

import { ADVERSARIAL_BODIES } from '@/lib/comments/adversarial-bodies';

const PATHS = ['satteri', 'unified', 'renderCommentBody'] as const;
type Path = (typeof PATHS)[number];

/** One measurement: milliseconds, "not taken" (satteri left the body to unified), or what went wrong. */
type Outcome = { ms: number; cpuMs: number } | { skipped: true } | { failed: string };

type Renderer = typeof import('@/lib/comments/render-body');

/** Runs in the child: renders one body one way and prints the outcome as JSON. */
async function measureInChild(shape: string, path: Path, rendererFile: string | undefined): Promise<void> {
  const renderer = (await (rendererFile
    ? import(pathToFileURL(resolve(rendererFile)).href)
    : import('@/lib/comments/render-body'))) as Renderer;
  const body = ADVERSARIAL_BODIES[shape]!;
  const render = {
    satteri: renderer.renderCommentBodyWithSatteri,
    unified: renderer.renderCommentBodyWithUnified,
    renderCommentBody: renderer.renderCommentBody,
  }[path];
  let outcome: Outcome;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  try {
    const html = render(body);
    const cpu = process.cpuUsage(cpuStart);
    outcome =
      html === undefined ? { skipped: true } : { ms: performance.now() - start, cpuMs: (cpu.user + cpu.system) / 1000 };
  } catch (error) {
    outcome = { failed: error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 60) : String(error) };
  }
  process.stdout.write(JSON.stringify(outcome));
}

function measure(shape: string, path: Path, timeoutSeconds: number, rendererFile: string | undefined): Outcome {
  const rendererArgs = rendererFile ? ['--renderer', rendererFile] : [];
  const child = spawnSync(
    process.execPath,
    [
      ...process.execArgv,
      fileURLToPath(import.meta.url),
      '--child-shape',
      shape,
      '--child-path',
      path,
      ...rendererArgs,
    ],
    { encoding: 'utf8', timeout: timeoutSeconds * 1000, maxBuffer: 1 << 20 },
  );
  if (child.error && 'code' in child.error && child.error.code === 'ETIMEDOUT')
    return { failed: `over ${timeoutSeconds} s (stopped)` };
  try {
    return JSON.parse(child.stdout) as Outcome;
  } catch {
    const why = child.signal ?? `exit ${child.status}: ${child.stderr.trim().split('\n').at(-1) ?? ''}`;
    return { failed: `crashed (${why})`.slice(0, 60) };
  }
}

const show = (outcome: Outcome) =>
  'ms' in outcome
    ? `${outcome.ms.toFixed(0)} (${outcome.cpuMs.toFixed(0)})`
    : 'skipped' in outcome
      ? 'not taken'
      : outcome.failed;

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    timeout: { type: 'string', default: '30' },
    renderer: { type: 'string' },
    'child-shape': { type: 'string' },
    'child-path': { type: 'string' },
  },
});

if (values['child-shape'] !== undefined) {
  await measureInChild(values['child-shape'], values['child-path'] as Path, values.renderer);
} else {
  const shapes = Object.keys(ADVERSARIAL_BODIES).filter((name) => !values.only || name.includes(values.only));
  const timeout = Number(values.timeout);
  const rows: string[][] = [];
  let worst = { shape: '', path: '', ms: 0, failed: '' };
  const header = ['shape', 'chars', ...PATHS.map((path) => `${path} ms (CPU ms)`)];
  console.log(header.join('\t'));
  for (const shape of shapes) {
    const outcomes = PATHS.map((path) => measure(shape, path, timeout, values.renderer));
    const row = [shape, String(ADVERSARIAL_BODIES[shape]!.length), ...outcomes.map(show)];
    rows.push(row);
    console.log(row.join('\t'));
    outcomes.forEach((outcome, index) => {
      const ms = 'ms' in outcome ? outcome.ms : 'failed' in outcome ? Infinity : 0;
      if (ms > worst.ms || (ms === Infinity && !worst.failed))
        worst = { shape, path: PATHS[index]!, ms, failed: 'failed' in outcome ? outcome.failed : '' };
    });
  }
  console.log(
    `\nWorst case: ${worst.shape} on ${worst.path}: ${worst.failed || `${worst.ms.toFixed(1)} ms`}` +
      ` (${shapes.length} shapes of up to ${Math.max(...shapes.map((s) => ADVERSARIAL_BODIES[s]!.length))} characters)`,
  );
}
