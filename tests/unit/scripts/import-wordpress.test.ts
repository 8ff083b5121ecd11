/**
 * The `npm run import:wordpress` command, run as a user runs it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, test } from 'vitest';

import { runImportCommand } from '@/lib/import/wordpress/command';

import {
  fixturePath,
  removeTemporaryFolders,
  SEED_EXPORT,
  temporaryFolder,
  wxr,
} from '../lib/import/wordpress/helpers';

afterAll(removeTemporaryFolders);

const SCRIPT = fileURLToPath(new URL('../../../scripts/import-wordpress.ts', import.meta.url));
const TSX = createRequire(import.meta.url).resolve('tsx/cli');
const SLUG = 'leg-cramps-sign-of-pregnancy';

const TSCONFIG = fileURLToPath(new URL('../../../tsconfig.json', import.meta.url));

/**
 * Runs `scripts/import-wordpress.ts` as `npm run import:wordpress` does, in its own Node and tsx, from the
 * project folder unless `cwd` is given: seconds on a busy machine, so only the tests of what the script
 * itself does (the real output streams, exit code, current folder and signals) run it this way.
 */
function runImportScript(cwd: string | undefined, ...args: string[]) {
  const result = spawnSync(process.execPath, [TSX, '--tsconfig', TSCONFIG, SCRIPT, ...args], {
    encoding: 'utf8',
    stdio: 'pipe',
    cwd,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Runs the command's entry in this process, its output captured as the script prints it to a pipe. */
async function runImport(...args: string[]) {
  let stdout = '';
  let stderr = '';
  const status = await runImportCommand(args, {
    out: (line) => (stdout += `${line}\n`),
    err: (text) => (stderr += text),
    errIsTerminal: false,
  });
  return { status, stdout, stderr };
}

/** A line of a JavaScript stack trace, which no message to the owner should show. */
const STACK_TRACE = /^\s+at /m;

/** A new folder to import into: `<temporary>/content`, not created yet. */
async function newContentFolder() {
  const parent = await temporaryFolder('wordpress-cli-');
  return { parent, out: join(parent, 'content') };
}

/** Every file under a folder, by relative path. */
async function filesUnder(folder: string): Promise<Record<string, string>> {
  if (!existsSync(folder)) return {};
  const entries = await readdir(folder, { recursive: true, withFileTypes: true });
  const files: Record<string, string> = {};
  for (const entry of entries.filter((candidate) => candidate.isFile())) {
    const path = join(entry.parentPath, entry.name);
    files[path.slice(folder.length + 1)] = await readFile(path, 'utf8');
  }
  return files;
}

/** The summary report: stdout without the closing line about files and time. */
const reportOf = (stdout: string) => stdout.split('\n\n').slice(0, -1).join('\n\n');

// Each run starts Node and tsx afresh: a few seconds on a busy machine.
describe('npm run import:wordpress', { timeout: 60_000 }, () => {
  test('imports an export into the --out folder, prints the report and exits with 0', async () => {
    const { out } = await newContentFolder();
    const run = runImportScript(undefined, SEED_EXPORT, '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Imported from "Health Questions" (https://health.example, WXR 1.2)');
    expect(run.stdout).toMatch(/posts +1\n/);
    expect(run.stdout).toMatch(/comments +13 +\(on 1 article\)/);
    expect(run.stdout).toMatch(/pingback +1 +\(add --include-pingbacks to import them\)/);
    expect(run.stdout).toMatch(/Wrote 4 files to .+ \(4 new, 0 replaced, 0 unchanged\) in [\d.]+ s/);
    expect(Object.keys(await filesUnder(out)).sort()).toEqual([
      `articles/${SLUG}.mdx`,
      `comments/${SLUG}.json`,
      'people/health-questions-editor.yaml',
      'redirects.yaml',
    ]);
  });

  test('shows progress as plain lines when its output is not a terminal', async () => {
    const { out } = await newContentFolder();
    const { stderr } = await runImport(SEED_EXPORT, '--out', out);
    expect(stderr).toMatch(/^Checking: 100% \(.+\)$/m);
    expect(stderr).toMatch(/^Converting: 100% \(.+\)$/m);
    expect(stderr).not.toContain('\r');
  });

  test('fails on malformed XML with the line and column, exits with 1 and writes nothing', async () => {
    const { parent, out } = await newContentFolder();
    const run = await runImport(fixturePath('malformed.wordpress.xml'), '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('malformed.wordpress.xml: line 11, column 28: unexpected close tag.');
    expect(run.stderr).toContain('Nothing was written.');
    expect(await readdir(parent)).toEqual([]);
  });

  test('fails on a file that is not a WordPress export, saying where', async () => {
    const { parent, out } = await newContentFolder();
    const run = await runImport(fixturePath('plain-rss.xml'), '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('plain-rss.xml: line 6, column 2: not a WordPress export');
    expect(await readdir(parent)).toEqual([]);
  });

  test('writes nothing on a dry run and prints the same report', async () => {
    const { parent, out } = await newContentFolder();
    const dryRun = await runImport(SEED_EXPORT, '--out', out, '--dry-run');
    expect(dryRun.status).toBe(0);
    expect(dryRun.stdout).toMatch(/Dry run: would write 4 files/);
    expect(await readdir(parent)).toEqual([]);
    expect(reportOf(dryRun.stdout)).toBe(reportOf((await runImport(SEED_EXPORT, '--out', out)).stdout));
  });

  test('leaves every file unchanged when run a second time', async () => {
    const { out } = await newContentFolder();
    await runImport(SEED_EXPORT, '--out', out);
    const first = await filesUnder(out);
    const second = await runImport(SEED_EXPORT, '--out', out);
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/\(0 new, 0 replaced, 4 unchanged\)/);
    expect(await filesUnder(out)).toEqual(first);
  });

  test('refuses to overwrite a changed file without --force, and then writes nothing at all', async () => {
    const { parent, out } = await newContentFolder();
    await runImport(SEED_EXPORT, '--out', out);
    const article = join(out, `articles/${SLUG}.mdx`);
    await writeFile(article, 'edited by hand\n');
    await rm(join(out, `comments/${SLUG}.json`));
    const person = await readFile(join(out, 'people/health-questions-editor.yaml'), 'utf8');
    const redirects = await readFile(join(out, 'redirects.yaml'), 'utf8');
    const run = await runImport(SEED_EXPORT, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('1 file would be overwritten; nothing was written. Run again with --force');
    expect(run.stderr).toContain(article);
    expect(await filesUnder(out)).toEqual({
      [`articles/${SLUG}.mdx`]: 'edited by hand\n',
      'people/health-questions-editor.yaml': person,
      'redirects.yaml': redirects,
    });
    expect(await readdir(parent)).toEqual(['content']);
  });

  test('replaces changed files with --force', async () => {
    const { out } = await newContentFolder();
    await runImport(SEED_EXPORT, '--out', out);
    const imported = await filesUnder(out);
    await writeFile(join(out, `articles/${SLUG}.mdx`), 'edited by hand\n');
    const run = await runImport(SEED_EXPORT, '--out', out, '--force');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\(0 new, 1 replaced, 3 unchanged\)/);
    expect(await filesUnder(out)).toEqual(imported);
  });

  test('keeps a person file the owner has completed, even with --force', async () => {
    const { out } = await newContentFolder();
    await runImport(SEED_EXPORT, '--out', out);
    const person = join(out, 'people/health-questions-editor.yaml');
    const completed = 'name: Health Questions Editor\ncredentials: BSc\n';
    await writeFile(person, completed);
    const run = await runImport(SEED_EXPORT, '--out', out, '--force');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/\(0 new, 0 replaced, 3 unchanged, 1 person file kept as edited\)/);
    expect(await readFile(person, 'utf8')).toBe(completed);
  });

  test('explains its usage and exits with 1 when the export is missing or an option is unknown', async () => {
    for (const args of [[], ['--frobnicate', SEED_EXPORT], ['missing.xml']]) {
      const run = await runImport(...args);
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr, args.join(' ')).toMatch(/Usage: npm run import:wordpress|Cannot read missing\.xml/);
    }
  });

  test('refuses an empty --out, writing nothing into the current folder', async () => {
    const cwd = await temporaryFolder('wordpress-cli-cwd-');
    const run = runImportScript(cwd, SEED_EXPORT, '--out', '');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('--out is empty: give the content folder to import into');
    expect(run.stderr).not.toMatch(STACK_TRACE);
    expect(await readdir(cwd)).toEqual([]);
  });

  test('refuses an --out that is a file, in one line without a stack trace', async () => {
    const { parent } = await newContentFolder();
    const file = join(parent, 'notes.txt');
    await writeFile(file, 'mine\n');
    for (const out of [file, join(file, 'content')]) {
      const run = await runImport(SEED_EXPORT, '--out', out);
      expect(run.status, out).toBe(1);
      expect(run.stderr, out).toMatch(/is a file/);
      expect(run.stderr, out).not.toMatch(STACK_TRACE);
    }
    expect(await readdir(parent)).toEqual(['notes.txt']);
  });

  test('a failed import creates no folder, not even the parent of --out', async () => {
    const { parent } = await newContentFolder();
    const run = await runImport(fixturePath('malformed.wordpress.xml'), '--out', join(parent, 'site', 'content'));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Nothing was written.');
    expect(await readdir(parent)).toEqual([]);
  });

  test('imports into a content folder on another file system, copying where it cannot rename', async (context) => {
    const { parent, out } = await newContentFolder();
    if (!existsSync('/dev/shm') || statSync('/dev/shm').dev === statSync(parent).dev) {
      context.skip(); // needs a second file system: /dev/shm (tmpfs) on Linux
    }
    const elsewhere = await mkdtemp('/dev/shm/wordpress-cli-');
    try {
      await symlink(elsewhere, out);
      const run = await runImport(SEED_EXPORT, '--out', out);
      expect(run.stderr).not.toMatch(STACK_TRACE);
      expect(run.status).toBe(0);
      expect(Object.keys(await filesUnder(elsewhere)).sort()).toEqual([
        `articles/${SLUG}.mdx`,
        `comments/${SLUG}.json`,
        'people/health-questions-editor.yaml',
        'redirects.yaml',
      ]);
      expect(await readdir(parent)).toEqual(['content']);
    } finally {
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  // The kill is timed against a running import: on a machine busy enough to starve this test past the end of
  // the import, the import finishes first and the run is not an interruption. Such a run is tried again.
  test.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)(
    '%s (Ctrl-C, a kill) removes the temporary folder and says nothing was written',
    { retry: 2 },
    async (signal, code) => {
      const { parent, out } = await newContentFolder();
      const big = join(parent, 'big.wordpress.xml');
      const paragraph = `<p>${'Leg cramps at night are common. '.repeat(60)}</p>`;
      await writeFile(big, wxr(...Array.from({ length: 4000 }, (_, index) => ({ id: index + 1, content: paragraph }))));
      // The script in one process, with tsx as its loader: tsx's command line runs it in a child process and
      // relays the signal, and on a busy machine may end itself first, taking the script's message with it.
      const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, big, '--out', out], {
        stdio: 'pipe',
        env: { ...process.env, TSX_TSCONFIG_PATH: TSCONFIG },
      });
      let stderr = '';
      child.stderr.on('data', (data: Buffer) => (stderr += data.toString()));
      // 'close', not 'exit': the message may still be on its way through the pipe when the process exits.
      const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      // Wait until articles are being staged, then interrupt.
      for (let waited = 0; waited < 50_000; waited += 50) {
        const staging = (await readdir(parent)).find((name) => name.startsWith('.wordpress-import-'));
        if (staging && existsSync(join(parent, staging, 'articles'))) break;
        await new Promise((wait) => setTimeout(wait, 50));
      }
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(stderr).toContain(`Interrupted (${signal}). Nothing was written.`);
      expect(await readdir(parent)).toEqual(['big.wordpress.xml']);
    },
  );
});

describe('npm run import:wordpress with media', { timeout: 60_000 }, () => {
  test('downloads the images posts use, shows its progress as plain lines, and reports them', async () => {
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from('a small JPEG body')]);
    const requested: string[] = [];
    const server = createServer((request, response) => {
      requested.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': jpeg.length });
      response.end(jpeg);
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const { parent, out } = await newContentFolder();
      const exportFile = join(parent, 'site.wordpress.xml');
      const content = `<img src="${origin}/wp-content/uploads/2020/01/cramp.jpg" alt="A calf">`;
      await writeFile(exportFile, wxr({ id: 1, slug: 'cramps', content }).replaceAll('https://blog.example', origin));

      const withoutMedia = await runImport(exportFile, '--out', out, '--no-media');
      expect(withoutMedia.status).toBe(0);
      expect(requested).toEqual([]);
      expect(await readFile(join(out, 'articles/cramps.mdx'), 'utf8')).toContain(`](${origin}/wp-content/uploads/`);

      const run = await runImport(exportFile, '--out', out, '--force');
      expect(run.status).toBe(0);
      expect(requested).toEqual(['/wp-content/uploads/2020/01/cramp.jpg']);
      expect(run.stderr).toMatch(/^Media: 1 of 1 files, 21 B$/m);
      expect(run.stdout).toMatch(/^ {2}downloaded +1 {2}\(0\.0 MB\)$/m);
      expect(await readFile(join(out, 'articles/cramps.mdx'), 'utf8')).toContain(
        '![A calf](../media/2020/01/cramp.jpg)',
      );
      expect(await readFile(join(out, 'media/2020/01/cramp.jpg'))).toEqual(jpeg);
    } finally {
      await new Promise((closed) => server.close(closed));
    }
  });

  test.each([
    [['--media-max-size', 'big'], '--media-max-size big is not a size: give megabytes, such as 50.'],
    [['--media-from', 'https://images.example/'], '--media-from "https://images.example/" is not a host name'],
  ])('refuses %j in one line', async (args, message) => {
    const run = await runImport(SEED_EXPORT, '--dry-run', ...args);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n')[0]).toContain(message);
  });
});
