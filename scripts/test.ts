/**
 * `npm test`: the type check, the lint and every Vitest suite, all three at once, so that the two cores
 * stay busy while Vitest waits for Chromium and builds. Vitest's output streams as it comes; the check's
 * and the lint's are printed whole, each under its own heading, as soon as each one ends. Exits with 1
 * when any of the three fails, naming which.
 *
 * The type check is `npm run check` (`astro check`). The test sites are built in project folders of their
 * own (tests/helpers/astro-build.ts), so it can write this project's `.astro/` while they build.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

interface Outcome {
  name: string;
  code: number;
  seconds: number;
}

const started = performance.now();
const elapsed = () => (performance.now() - started) / 1000;
const ASTRO = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const VITEST = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');

/** Writes whole lines only, so that a group printed between them never splits one of Vitest's lines. */
class LineWriter {
  private partial = '';
  write(chunk: string) {
    const text = this.partial + chunk;
    const end = text.lastIndexOf('\n') + 1;
    this.partial = text.slice(end);
    if (end > 0) process.stdout.write(text.slice(0, end));
  }
  flush() {
    if (this.partial) process.stdout.write(`${this.partial}\n`);
    this.partial = '';
  }
}
const vitestOutput = new LineWriter();

/** Runs a command; its output is captured, or streamed to `live` (standard output and error together). */
function run(command: string, args: string[], live?: LineWriter): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
    let output = '';
    const take = (data: Buffer) => (live ? live.write(data.toString()) : (output += data.toString()));
    child.stdout.on('data', take);
    child.stderr.on('data', take);
    child.on('error', (error) => resolve({ code: 1, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Prints a captured command's output under a heading, between two of Vitest's lines. */
function printGroup(name: string, code: number, output: string) {
  const status = code === 0 ? 'passed' : `FAILED (exit code ${code})`;
  process.stdout.write(
    `\n──── npm run ${name}: ${status} in ${elapsed().toFixed(0)} s ────\n${output.trimEnd()}\n────\n\n`,
  );
}

async function typeCheck(): Promise<Outcome> {
  const { code, output } = await run(process.execPath, [ASTRO, 'check']);
  printGroup('check', code, output);
  return { name: 'npm run check', code, seconds: elapsed() };
}

async function lint(): Promise<Outcome> {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const { code, output } = await run(npm, ['run', '--silent', 'lint']);
  printGroup('lint', code, output);
  return { name: 'npm run lint', code, seconds: elapsed() };
}

async function vitest(): Promise<Outcome> {
  const { code } = await run(process.execPath, [VITEST, 'run', ...process.argv.slice(2)], vitestOutput);
  vitestOutput.flush();
  return { name: 'vitest run', code, seconds: elapsed() };
}

const outcomes = await Promise.all([typeCheck(), lint(), vitest()]);
process.stdout.write('\n');
for (const { name, code, seconds } of outcomes) {
  process.stdout.write(`${code === 0 ? 'passed' : 'FAILED'}  ${name} (ended at ${seconds.toFixed(0)} s)\n`);
}
const failed = outcomes.filter((outcome) => outcome.code !== 0);
if (failed.length > 0) {
  process.stderr.write(`npm test failed: ${failed.map((outcome) => outcome.name).join(', ')}.\n`);
  process.exitCode = 1;
}
