/**
 * `npm run import:wordpress`: the command line, free of the process it runs in, so that tests run it
 * in-process with captured output. `scripts/import-wordpress.ts` runs it with the real process.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

import { importWordPress, type ImportPass } from '@/lib/import/wordpress/import';
import { CommitError, ExistingFilesError, OutputFolderError, StagedOutput } from '@/lib/import/wordpress/output';
import {
  DEFAULT_MAX_MEDIA_BYTES,
  formatMediaSummary,
  MediaImporter,
  type MediaProgress,
} from '@/lib/import/wordpress/media';
import { formatReport } from '@/lib/import/wordpress/report';
import { WxrError } from '@/lib/import/wordpress/wxr';
import { countOf, plural } from '@/lib/text/plural';

const USAGE = `Usage: npm run import:wordpress -- <export.xml> [options]

Imports a WordPress export (Tools → Export → All content) as articles and their comments.

Options:
  --out <dir>           content folder to write into (default: content)
  --dry-run             read and convert everything, print the report, write nothing
  --include-pages       import published pages as articles too
  --include-pingbacks   keep pingbacks and trackbacks as comments
  --force               replace existing files whose contents differ
  --no-media            leave images and files on the WordPress site (they break when it goes)
  --media-from <host>   also download files from this host (repeatable); by default only the
                        site's own uploads are fetched
  --media-max-size <MB> largest file downloaded (default: ${DEFAULT_MAX_MEDIA_BYTES / 1024 / 1024})
  -h, --help            show this help`;

/** Where the command's output goes, and what it may do to its process. */
export interface ImportCommandIo {
  /** Prints a line of the report (standard output). */
  out: (line: string) => void;
  /** Writes text as it is: progress and errors (standard error). */
  err: (text: string) => void;
  /** Whether standard error is a terminal: a progress bar then, else a line at each quarter. */
  errIsTerminal: boolean;
  /**
   * Given, Ctrl-C and a kill remove the temporary folder, say so and end the process with this exit code
   * (130, 143); so does the process's exit. Only the real command takes over its process this way.
   */
  exitOnSignal?: (code: number) => void;
}

/** Shows how far a pass has read: a bar on a terminal, a line at each quarter otherwise. */
class Progress {
  private lastDrawn = 0;
  private pass: ImportPass | undefined;
  private lastQuarter = -1;

  constructor(
    private readonly total: number,
    private readonly io: ImportCommandIo,
  ) {}

  update(pass: ImportPass, read: number, done = false) {
    if (pass !== this.pass) {
      this.pass = pass;
      this.lastQuarter = -1;
    }
    const fraction = done || this.total === 0 ? 1 : Math.min(read / this.total, 1);
    const label = pass === 'scan' ? 'Checking' : 'Converting';
    const amount = `${size(read)} of ${size(this.total)}`;
    if (this.io.errIsTerminal) {
      const now = Date.now();
      if (!done && now - this.lastDrawn < 100) return;
      this.lastDrawn = now;
      const width = 30;
      const filled = Math.round(fraction * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const percent = String(Math.round(fraction * 100)).padStart(3);
      this.io.err(`\r${label.padEnd(10)} ${bar} ${percent}%  ${amount}\x1b[K${done ? '\n' : ''}`);
    } else {
      const quarter = Math.floor(fraction * 4);
      if (quarter === this.lastQuarter) return;
      this.lastQuarter = quarter;
      this.io.err(`${label}: ${quarter * 25}% (${amount})\n`);
    }
  }
}

/** Shows the media downloads: a bar on a terminal, a line every ten files otherwise. */
class MediaProgressDisplay {
  private lastDrawn = 0;
  private lastLine = 0;
  private drawn = false;

  constructor(private readonly io: ImportCommandIo) {}

  update({ queued, finished, failed, bytes }: MediaProgress) {
    const amount = `${finished} of ${queued} files${failed > 0 ? ` (${failed} failed)` : ''}, ${size(bytes)}`;
    if (this.io.errIsTerminal) {
      const now = Date.now();
      if (finished < queued && now - this.lastDrawn < 100) return;
      this.lastDrawn = now;
      const width = 30;
      const filled = queued === 0 ? width : Math.round((finished / queued) * width);
      this.io.err(`\r${'Media'.padEnd(10)} ${'█'.repeat(filled)}${'░'.repeat(width - filled)}  ${amount}\x1b[K`);
      this.drawn = true;
    } else if (finished > 0 && (finished - this.lastLine >= 10 || finished === queued) && finished !== this.lastLine) {
      this.lastLine = finished;
      this.io.err(`Media: ${amount}\n`);
    }
  }

  /** Ends the bar's line once every download has finished. */
  done() {
    if (this.drawn) this.io.err('\n');
  }
}

const size = (bytes: number) =>
  bytes < 1024
    ? `${bytes} B`
    : bytes < 1024 ** 2
      ? `${(bytes / 1024).toFixed(0)} KB`
      : `${(bytes / 1024 ** 2).toFixed(1)} MB`;

/** Reads the export, telling the progress display how far it got. */
async function* readWithProgress(path: string, pass: ImportPass, progress: Progress) {
  let read = 0;
  for await (const chunk of createReadStream(path)) {
    read += (chunk as Buffer).length;
    progress.update(pass, read);
    yield chunk as Buffer;
  }
  progress.update(pass, read, true);
}

/**
 * Runs `npm run import:wordpress` with these arguments.
 * @returns the exit code: 0 when the import finished, 1 on any error (nothing is written then)
 */
export async function runImportCommand(argv: readonly string[], io: ImportCommandIo): Promise<number> {
  const error = (text: string) => io.err(`${text}\n`);
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        out: { type: 'string', default: 'content' },
        'dry-run': { type: 'boolean', default: false },
        'include-pages': { type: 'boolean', default: false },
        'include-pingbacks': { type: 'boolean', default: false },
        force: { type: 'boolean', default: false },
        'no-media': { type: 'boolean', default: false },
        'media-from': { type: 'string', multiple: true, default: [] },
        'media-max-size': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (failure) {
    error(`${(failure as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    error(`Give exactly one export file.\n\n${USAGE}`);
    return 1;
  }
  const exportPath = positionals[0]!;
  const maxMegabytes = values['media-max-size'] === undefined ? undefined : Number(values['media-max-size']);
  if (maxMegabytes !== undefined && !(maxMegabytes > 0)) {
    error(`--media-max-size ${values['media-max-size']} is not a size: give megabytes, such as 50.\n\n${USAGE}`);
    return 1;
  }
  const mediaHosts = values['media-from'].map((host) => host.trim().toLowerCase());
  const badHost = mediaHosts.find(
    (host) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host),
  );
  if (badHost !== undefined) {
    error(`--media-from "${badHost}" is not a host name: give one such as images.example.com.\n\n${USAGE}`);
    return 1;
  }
  let total: number;
  try {
    total = (await stat(exportPath)).size;
  } catch (failure) {
    error(`Cannot read ${exportPath}: ${(failure as NodeJS.ErrnoException).code ?? (failure as Error).message}`);
    return 1;
  }

  const started = performance.now();
  const progress = new Progress(total, io);
  let output: StagedOutput;
  try {
    output = await StagedOutput.create(values.out, { dryRun: values['dry-run'] });
  } catch (failure) {
    error(
      failure instanceof OutputFolderError ? failure.message : `Cannot use --out ${values.out}: ${describe(failure)}`,
    );
    return 1;
  }
  const mediaProgress = new MediaProgressDisplay(io);
  const media = values['no-media']
    ? undefined
    : new MediaImporter({
        outDir: output.outDir,
        extraHosts: mediaHosts,
        ...(maxMegabytes === undefined ? {} : { maxBytes: Math.round(maxMegabytes * 1024 * 1024) }),
        dryRun: values['dry-run'],
        onProgress: (progress) => mediaProgress.update(progress),
      });
  // Downloaded media files are whole and kept: the next run does not fetch them again.
  const nothingOrWhat = () => {
    const downloaded = media?.summary().downloaded ?? 0;
    const kept = `${countOf(downloaded, 'media file')} downloaded ${plural(downloaded, 'is', 'are')} kept in ${output.outDir}/media/ for the next run.`;
    if (output.written.length > 0) {
      return `${output.written.length} files had already been written to ${output.outDir}.${downloaded > 0 ? ` ${kept}` : ''}`;
    }
    return downloaded > 0 ? `No article, comment or person file was written; the ${kept}` : 'Nothing was written.';
  };
  // Whatever ends the process (an error, Ctrl-C, a kill), the temporary folder goes with it.
  const onSignal = (signal: NodeJS.Signals) => {
    output.discardSync();
    error(`\nInterrupted (${signal}). ${nothingOrWhat()}`);
    io.exitOnSignal?.(signal === 'SIGINT' ? 130 : 143);
  };
  const onExit = () => output.discardSync();
  if (io.exitOnSignal) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
    process.once('exit', onExit);
  }
  try {
    const report = await importWordPress({
      openExport: (pass) => readWithProgress(exportPath, pass, progress),
      onFile: (file) => output.add(file),
      includePages: values['include-pages'],
      includePingbacks: values['include-pingbacks'],
      ...(media ? { media } : {}),
    });
    mediaProgress.done();
    await output.commit({ force: values.force || values['dry-run'] });
    const { created, unchanged, replaced, kept } = output.plan;
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    io.out(formatReport(report));
    io.out('');
    const mediaLines = media ? formatMediaSummary(media.summary(), values['dry-run']) : '';
    if (mediaLines) io.out(`${mediaLines}\n`);
    io.out(
      `${values['dry-run'] ? 'Dry run: would write' : 'Wrote'} ${created.length + replaced.length} files to ${output.outDir} ` +
        `(${created.length} new, ${replaced.length} replaced, ${unchanged.length} unchanged` +
        `${kept.length > 0 ? `, ${countOf(kept.length, 'person file')} kept as edited` : ''}) in ${seconds} s`,
    );
    if (values['dry-run'] && replaced.length > 0 && !values.force) {
      io.out(`Replacing the ${replaced.length} changed files will need --force.`);
    }
    return 0;
  } catch (failure) {
    await output.discard();
    if (failure instanceof WxrError) {
      error(`${basename(exportPath)}: ${failure.message}\n${nothingOrWhat()}`);
    } else if (failure instanceof ExistingFilesError || failure instanceof CommitError) {
      error(failure.message);
    } else {
      error(`The import stopped: ${describe(failure)}\n${nothingOrWhat()}`);
    }
    return 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    process.off('exit', onExit);
  }
}

/** An error in one line: a file system error by its code and path, anything else by its message. */
function describe(error: unknown): string {
  const { code, path, message } = error as NodeJS.ErrnoException;
  return code && path ? `${code} on ${path}` : (message ?? String(error));
}
