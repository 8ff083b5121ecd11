/**
 * Imports a WordPress export (WXR) into the content folder:
 *
 *   npm run import:wordpress -- <export.xml> [--out <dir>] [--dry-run] [--include-pages]
 *                                            [--include-pingbacks] [--force] [--no-media]
 *                                            [--media-from <host>]… [--media-max-size <MB>]
 *
 * Exit code 0 when the import finished, 1 on any error (nothing is written then), 130 or 143 when
 * interrupted by Ctrl-C or a kill (nothing is written then either; the temporary folder is removed).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';

import {
  CommitError,
  ExistingFilesError,
  formatReport,
  importWordPress,
  OutputFolderError,
  StagedOutput,
  WxrError,
  type ImportPass,
} from '@/lib/import/wordpress';
import {
  DEFAULT_MAX_MEDIA_BYTES,
  formatMediaSummary,
  MediaImporter,
  type MediaProgress,
} from '@/lib/import/wordpress/media';
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

/** Shows how far a pass has read: a bar on a terminal, a line at each quarter otherwise. */
class Progress {
  private lastDrawn = 0;
  private pass: ImportPass | undefined;
  private lastQuarter = -1;

  constructor(
    private readonly total: number,
    private readonly interactive: boolean,
  ) {}

  update(pass: ImportPass, read: number, done = false) {
    if (pass !== this.pass) {
      this.pass = pass;
      this.lastQuarter = -1;
    }
    const fraction = done || this.total === 0 ? 1 : Math.min(read / this.total, 1);
    const label = pass === 'scan' ? 'Checking' : 'Converting';
    const amount = `${size(read)} of ${size(this.total)}`;
    if (this.interactive) {
      const now = Date.now();
      if (!done && now - this.lastDrawn < 100) return;
      this.lastDrawn = now;
      const width = 30;
      const filled = Math.round(fraction * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const percent = String(Math.round(fraction * 100)).padStart(3);
      process.stderr.write(`\r${label.padEnd(10)} ${bar} ${percent}%  ${amount}\x1b[K${done ? '\n' : ''}`);
    } else {
      const quarter = Math.floor(fraction * 4);
      if (quarter === this.lastQuarter) return;
      this.lastQuarter = quarter;
      process.stderr.write(`${label}: ${quarter * 25}% (${amount})\n`);
    }
  }
}

/** Shows the media downloads: a bar on a terminal, a line every ten files otherwise. */
class MediaProgressDisplay {
  private lastDrawn = 0;
  private lastLine = 0;
  private drawn = false;

  constructor(private readonly interactive: boolean) {}

  update({ queued, finished, failed, bytes }: MediaProgress) {
    const amount = `${finished} of ${queued} files${failed > 0 ? ` (${failed} failed)` : ''}, ${size(bytes)}`;
    if (this.interactive) {
      const now = Date.now();
      if (finished < queued && now - this.lastDrawn < 100) return;
      this.lastDrawn = now;
      const width = 30;
      const filled = queued === 0 ? width : Math.round((finished / queued) * width);
      process.stderr.write(
        `\r${'Media'.padEnd(10)} ${'█'.repeat(filled)}${'░'.repeat(width - filled)}  ${amount}\x1b[K`,
      );
      this.drawn = true;
    } else if (finished > 0 && (finished - this.lastLine >= 10 || finished === queued) && finished !== this.lastLine) {
      this.lastLine = finished;
      process.stderr.write(`Media: ${amount}\n`);
    }
  }

  /** Ends the bar's line once every download has finished. */
  done() {
    if (this.drawn) process.stderr.write('\n');
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

async function main(argv: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
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
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${USAGE}`);
    return 1;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (positionals.length !== 1) {
    console.error(`Give exactly one export file.\n\n${USAGE}`);
    return 1;
  }
  const exportPath = positionals[0]!;
  const maxMegabytes = values['media-max-size'] === undefined ? undefined : Number(values['media-max-size']);
  if (maxMegabytes !== undefined && !(maxMegabytes > 0)) {
    console.error(
      `--media-max-size ${values['media-max-size']} is not a size: give megabytes, such as 50.\n\n${USAGE}`,
    );
    return 1;
  }
  const mediaHosts = values['media-from'].map((host) => host.trim().toLowerCase());
  const badHost = mediaHosts.find(
    (host) => !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(host),
  );
  if (badHost !== undefined) {
    console.error(`--media-from "${badHost}" is not a host name: give one such as images.example.com.\n\n${USAGE}`);
    return 1;
  }
  let total: number;
  try {
    total = (await stat(exportPath)).size;
  } catch (error) {
    console.error(`Cannot read ${exportPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    return 1;
  }

  const started = performance.now();
  const progress = new Progress(total, Boolean(process.stderr.isTTY));
  let output: StagedOutput;
  try {
    output = await StagedOutput.create(values.out, { dryRun: values['dry-run'] });
  } catch (error) {
    console.error(
      error instanceof OutputFolderError ? error.message : `Cannot use --out ${values.out}: ${describe(error)}`,
    );
    return 1;
  }
  // Whatever ends the process (an error, Ctrl-C, a kill), the temporary folder goes with it.
  // Downloaded media files are whole and kept: the next run does not fetch them again.
  const nothingOrWhat = () => {
    const downloaded = media?.summary().downloaded ?? 0;
    const kept = `${countOf(downloaded, 'media file')} downloaded ${plural(downloaded, 'is', 'are')} kept in ${output.outDir}/media/ for the next run.`;
    if (output.written.length > 0) {
      return `${output.written.length} files had already been written to ${output.outDir}.${downloaded > 0 ? ` ${kept}` : ''}`;
    }
    return downloaded > 0 ? `No article, comment or person file was written; the ${kept}` : 'Nothing was written.';
  };
  const onSignal = (signal: NodeJS.Signals) => {
    output.discardSync();
    console.error(`\nInterrupted (${signal}). ${nothingOrWhat()}`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  process.once('exit', () => output.discardSync());
  const mediaProgress = new MediaProgressDisplay(Boolean(process.stderr.isTTY));
  const media = values['no-media']
    ? undefined
    : new MediaImporter({
        outDir: output.outDir,
        extraHosts: mediaHosts,
        ...(maxMegabytes === undefined ? {} : { maxBytes: Math.round(maxMegabytes * 1024 * 1024) }),
        dryRun: values['dry-run'],
        onProgress: (progress) => mediaProgress.update(progress),
      });
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
    console.log(formatReport(report));
    console.log('');
    const mediaLines = media ? formatMediaSummary(media.summary(), values['dry-run']) : '';
    if (mediaLines) console.log(`${mediaLines}\n`);
    console.log(
      `${values['dry-run'] ? 'Dry run: would write' : 'Wrote'} ${created.length + replaced.length} files to ${output.outDir} ` +
        `(${created.length} new, ${replaced.length} replaced, ${unchanged.length} unchanged` +
        `${kept.length > 0 ? `, ${countOf(kept.length, 'person file')} kept as edited` : ''}) in ${seconds} s`,
    );
    if (values['dry-run'] && replaced.length > 0 && !values.force) {
      console.log(`Replacing the ${replaced.length} changed files will need --force.`);
    }
    return 0;
  } catch (error) {
    await output.discard();
    if (error instanceof WxrError) {
      console.error(`${basename(exportPath)}: ${error.message}\n${nothingOrWhat()}`);
    } else if (error instanceof ExistingFilesError || error instanceof CommitError) {
      console.error(error.message);
    } else {
      console.error(`The import stopped: ${describe(error)}\n${nothingOrWhat()}`);
    }
    return 1;
  }
}

/** An error in one line: a file system error by its code and path, anything else by its message. */
function describe(error: unknown): string {
  const { code, path, message } = error as NodeJS.ErrnoException;
  return code && path ? `${code} on ${path}` : (message ?? String(error));
}

process.exitCode = await main(process.argv.slice(2));
