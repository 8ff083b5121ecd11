/**
 * The import's media step: downloads the images and files an article uses from the WordPress site's
 * own uploads into `<content>/media/`, and points the article at them, so the built site serves them
 * itself (images through Astro's image pipeline, other files copied as they are).
 *
 * Downloads run a few at a time, each file once however many articles use it. Each is checked (its
 * type sniffed from its bytes, its size capped) and written under a temporary name, then renamed, so a
 * file in the media folder is always complete: an interrupted import leaves only whole files, and the
 * next run fetches only what is missing. A file that cannot be fetched is reported with the articles
 * that use it, which keep its old address; it never stops the import.
 */
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import writeFileAtomic from 'write-file-atomic';

import {
  fileTypeProblem,
  isOptimisableImage,
  MEDIA_FOLDER,
  mediaPathFor,
  mediaReferences,
  mediaSources,
  originalUpload,
  pageKey,
  rewriteMediaReferences,
  type MediaSources,
  type MediaUse,
} from '@/lib/import/wordpress/media-files';
import { escapeMdxText, safeUrl } from '@/lib/import/wordpress/html-to-mdx-rules';
import type { MediaFile, MediaLibrary } from '@/lib/import/wordpress/shortcodes';
import type { ConversionWarning } from '@/lib/import/wordpress/warnings';
import type { WxrSite } from '@/lib/import/wordpress/wxr';

/** What the import hands the media step for each article. */
export interface MediaContext {
  /** The article's slug, for the report. */
  article: string;
  site: WxrSite;
  library: MediaLibrary;
  /** The post's featured image, shown at the top of the article when the body does not show it already. */
  featuredImage?: MediaFile | undefined;
}

/** The media step as `importWordPress` uses it: an article file in, the same file pointing at local copies out. */
export interface MediaStep {
  localize(contents: string, context: MediaContext): Promise<{ contents: string; warnings: ConversionWarning[] }>;
}

export interface MediaOptions {
  /** The content folder; files go into its `media/` folder. */
  outDir: string;
  /** Hosts whose files are downloaded too, besides the site's own uploads (`--media-from`). */
  extraHosts?: readonly string[];
  /** Largest file downloaded, in bytes. Default 25 MB. */
  maxBytes?: number;
  /** Downloads at once. Default 4. */
  concurrency?: number;
  /** Longest wait for one file, in milliseconds. Default 60 s. */
  timeoutMs?: number;
  /** Fetch nothing: count what would be downloaded, and point articles only at files already there. */
  dryRun?: boolean;
  /** Told whenever a download is queued or finishes. */
  onProgress?: (progress: MediaProgress) => void;
}

export interface MediaProgress {
  /** Files to fetch so far (the import queues more as it reads on). */
  queued: number;
  /** Of those, fetched or failed. */
  finished: number;
  failed: number;
  /** Bytes downloaded. */
  bytes: number;
}

/** A file that could not be downloaded, with the articles that use it (they keep its old address). */
export interface MediaFailure {
  address: string;
  reason: string;
  articles: string[];
}

/** What the media step did, for the end of the report. */
export interface MediaSummary {
  /** Files downloaded in this run. */
  downloaded: number;
  /** Files found in the media folder from an earlier run, not fetched again. */
  alreadyThere: number;
  /** Files a dry run would download. */
  wouldDownload: number;
  bytes: number;
  failed: MediaFailure[];
  /** Images left on other sites (not the WordPress site's uploads, nor a `--media-from` host). */
  otherSites: number;
}

export const DEFAULT_MAX_MEDIA_BYTES = 25 * 1024 * 1024;
const DEFAULT_CONCURRENCY = 4;
const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_REDIRECTS = 5;

/** A file's outcome: where it is kept, or why it is not. */
type Outcome = { path: string; fetched: boolean } | { failed: string } | { wouldDownload: string };

/** Why a download failed, in words for the report. */
class DownloadError extends Error {}

/** Runs at most `limit` tasks at once, the others in the order they came. */
class ConcurrencyLimit {
  private active = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.limit) this.active++;
    // A finishing task hands its place straight to the next one, so the count never goes over the limit.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export class MediaImporter implements MediaStep {
  private readonly options: Required<Omit<MediaOptions, 'onProgress' | 'extraHosts'>> & MediaOptions;
  private readonly limit: ConcurrencyLimit;
  /** Each file's outcome by the address it is downloaded from, shared by every article that uses it. */
  private readonly outcomes = new Map<string, Promise<Outcome>>();
  /** Which address each media path was given to, so two addresses never share a file. */
  private readonly pathOwners = new Map<string, string>();
  private readonly failures = new Map<string, MediaFailure>();
  private sources: MediaSources | undefined;
  private attachmentUrls: ReadonlySet<string> = new Set();
  /** Attachment files by their page's {@link pageKey}: a link to the page becomes a link to the file. */
  private readonly attachmentPages = new Map<string, string>();
  private readonly progress: MediaProgress = { queued: 0, finished: 0, failed: 0, bytes: 0 };
  private readonly counts = { downloaded: 0, alreadyThere: 0, wouldDownload: 0, otherSites: 0 };

  constructor(options: MediaOptions) {
    this.options = {
      maxBytes: DEFAULT_MAX_MEDIA_BYTES,
      concurrency: DEFAULT_CONCURRENCY,
      timeoutMs: DEFAULT_TIMEOUT_MS,
      dryRun: false,
      ...options,
    };
    this.limit = new ConcurrencyLimit(this.options.concurrency);
  }

  async localize(
    contents: string,
    context: MediaContext,
  ): Promise<{ contents: string; warnings: ConversionWarning[] }> {
    this.sources ??= this.sourcesOf(context);
    const sources = this.sources;
    const frontmatter = /^---\n[\s\S]*?\n---\n/.exec(contents)?.[0] ?? '';
    const body = this.withFeaturedImage(contents.slice(frontmatter.length), context.featuredImage);

    // First pass: start every download the body needs; second pass: rewrite with the outcomes.
    const wanted = new Map<string, { download: string; path: string } | undefined>();
    rewriteMediaReferences(body, (address, use) => {
      wanted.set(`${use} ${address}`, this.plan(address, use, sources));
      return undefined;
    });
    const outcomes = new Map<string, Outcome>();
    await Promise.all(
      [...wanted.values()]
        .filter((plan) => plan !== undefined)
        .map(async ({ download, path }) => outcomes.set(download, await this.fetchOnce(download, path))),
    );

    const warnings: ConversionWarning[] = [];
    const reported = new Set<string>();
    const localized = rewriteMediaReferences(body, (address, use) => {
      const plan = wanted.get(`${use} ${address}`);
      if (!plan) {
        if (use === 'image' && !reported.has(address)) {
          reported.add(address);
          this.counts.otherSites++;
          warnings.push({
            kind: 'media-file',
            message: `image ${address} is not one of the site's uploads; still loaded from there (--media-from ${hostOf(address)} downloads it)`,
          });
        }
        return undefined;
      }
      const outcome = outcomes.get(plan.download)!;
      if ('path' in outcome) return use === 'image' ? `../${outcome.path}` : `../../${outcome.path}`;
      if ('failed' in outcome && !reported.has(plan.download)) {
        reported.add(plan.download);
        const failure = this.failures.get(plan.download)!;
        if (!failure.articles.includes(context.article)) failure.articles.push(context.article);
        warnings.push({
          kind: 'media-file',
          message: `${plan.download} was not downloaded: ${outcome.failed}; still loaded from the old site`,
        });
      }
      return undefined;
    });
    return { contents: frontmatter + localized, warnings };
  }

  /**
   * The body with the post's featured image first (WordPress themes show it above the text), unless the
   * body already shows that image in some size.
   */
  private withFeaturedImage(body: string, featured: MediaFile | undefined): string {
    if (!featured || !isOptimisableImage(featured.url.split(/[?#]/)[0]!)) return body;
    const original = originalUpload(featured.url, this.attachmentUrls);
    const shown = mediaReferences(body).some(
      ({ address, use }) => use === 'image' && originalUpload(address, this.attachmentUrls) === original,
    );
    const destination = safeUrl(featured.url, '');
    if (shown || !destination) return body;
    return body.replace(/^\n?/, `\n![${escapeMdxText(featured.alt)}](${destination})\n\n`);
  }

  /** What the step did so far; complete once the import has finished. */
  summary(): MediaSummary {
    return { ...this.counts, bytes: this.progress.bytes, failed: [...this.failures.values()] };
  }

  private sourcesOf({ site, library }: MediaContext): MediaSources {
    const attachments = [...library.byId.values()].map((file) => file.url);
    for (const file of library.byId.values()) {
      for (const page of [file.page, `${site.link.replace(/\/$/, '')}/?attachment_id=${file.id}`]) {
        const key = page && pageKey(page);
        if (key) this.attachmentPages.set(key, file.url);
      }
    }
    this.attachmentUrls = new Set(attachments.map((url) => url.split(/[?#]/)[0]!));
    return mediaSources(
      [site.link, site.baseSiteUrl ?? '', site.baseBlogUrl ?? ''].filter(Boolean),
      attachments,
      this.options.extraHosts ?? [],
    );
  }

  /** Which address to download for a reference, and where to keep it; undefined to leave it alone. */
  private plan(address: string, use: MediaUse, sources: MediaSources) {
    const attachmentFile = use === 'link' ? this.attachmentPages.get(pageKey(address) ?? '') : undefined;
    const download = originalUpload(attachmentFile ?? address, this.attachmentUrls);
    const wantedPath = mediaPathFor(download, sources);
    if (wantedPath === undefined) return undefined;
    // A link to a page or folder of the old site is the addresses step's business, not a file.
    if (use === 'link' && !/\.[A-Za-z0-9]{2,5}$/.test(wantedPath)) return undefined;
    // A Markdown image must be one Astro can read; other formats stay where they are.
    if (use === 'image' && !isOptimisableImage(wantedPath)) return undefined;
    let path = `${MEDIA_FOLDER}/${wantedPath}`;
    for (let suffix = 2; this.pathOwners.has(path) && this.pathOwners.get(path) !== download; suffix++) {
      path = `${MEDIA_FOLDER}/${wantedPath.replace(/(\.[A-Za-z0-9]+)?$/, `-${suffix}$1`)}`;
    }
    this.pathOwners.set(path, download);
    return { download, path };
  }

  /** The outcome of one file, fetching it the first time any article asks. */
  private fetchOnce(address: string, path: string): Promise<Outcome> {
    let outcome = this.outcomes.get(address);
    if (!outcome) {
      outcome = this.fetchFile(address, path);
      this.outcomes.set(address, outcome);
    }
    return outcome;
  }

  private async fetchFile(address: string, path: string): Promise<Outcome> {
    const target = join(this.options.outDir, path);
    const existing = await stat(target).catch(() => undefined);
    if (existing?.isFile()) {
      this.counts.alreadyThere++;
      return { path, fetched: false };
    }
    if (this.options.dryRun) {
      this.counts.wouldDownload++;
      return { wouldDownload: address };
    }
    this.progress.queued++;
    this.report();
    try {
      const bytes = await this.limit.run(() => this.download(address, path));
      await mkdir(dirname(target), { recursive: true });
      await writeFileAtomic(target, bytes);
      this.counts.downloaded++;
      this.progress.bytes += bytes.length;
      return { path, fetched: true };
    } catch (error) {
      const reason =
        error instanceof DownloadError
          ? error.message
          : (error as Error).name === 'TimeoutError'
            ? `no complete answer within ${this.options.timeoutMs / 1000} s`
            : ((error as NodeJS.ErrnoException).code ?? (error as Error).message);
      this.failures.set(address, { address, reason, articles: [] });
      this.progress.failed++;
      return { failed: reason };
    } finally {
      this.progress.finished++;
      this.report();
    }
  }

  /** Downloads one file, following redirects within the allowed hosts, and checks it. */
  private async download(address: string, path: string): Promise<Buffer> {
    const signal = AbortSignal.timeout(this.options.timeoutMs);
    let url = address;
    for (let redirects = 0; ; redirects++) {
      const response = await fetch(url, { redirect: 'manual', signal });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.body?.cancel();
        const next = new URL(location, url).href;
        if (redirects === MAX_REDIRECTS) throw new DownloadError(`more than ${MAX_REDIRECTS} redirects`);
        if (new URL(next).host !== new URL(url).host && mediaPathFor(next, this.sources!) === undefined) {
          throw new DownloadError(`redirected to ${next}, outside the site's uploads (--media-from allows a host)`);
        }
        url = next;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new DownloadError(`the server answered ${response.status} ${response.statusText}`.trim());
      }
      const declared = Number(response.headers.get('content-length') ?? NaN);
      const tooLarge = () =>
        new DownloadError(`larger than the ${megabytes(this.options.maxBytes)} limit (--media-max-size raises it)`);
      if (declared > this.options.maxBytes) {
        await response.body?.cancel();
        throw tooLarge();
      }
      const chunks: Uint8Array[] = [];
      let length = 0;
      for await (const chunk of response.body ?? []) {
        length += chunk.length;
        if (length > this.options.maxBytes) throw tooLarge();
        chunks.push(chunk);
      }
      const bytes = Buffer.concat(chunks, length);
      if (length === 0) throw new DownloadError('the server sent an empty file');
      const problem = fileTypeProblem(path, bytes);
      if (problem) {
        const type = response.headers.get('content-type');
        throw new DownloadError(`the server sent ${problem}${type ? ` (Content-Type: ${type})` : ''}`);
      }
      return bytes;
    }
  }

  private report() {
    this.options.onProgress?.({ ...this.progress });
  }
}

function hostOf(address: string): string {
  try {
    return new URL(address).hostname;
  } catch {
    return address;
  }
}

/** The media lines of the report; empty when the articles use no media at all. */
export function formatMediaSummary(summary: MediaSummary, dryRun = false): string {
  const { downloaded, alreadyThere, wouldDownload, failed, otherSites } = summary;
  if (downloaded + alreadyThere + wouldDownload + failed.length + otherSites === 0) return '';
  const lines = [
    'Media (images and files from the site’s uploads, in media/)',
    dryRun
      ? `  would download  ${String(summary.wouldDownload).padStart(5)}`
      : `  downloaded      ${String(summary.downloaded).padStart(5)}  (${megabytes(summary.bytes)})`,
    `  already there   ${String(summary.alreadyThere).padStart(5)}  (kept from an earlier import)`,
    `  failed          ${String(summary.failed.length).padStart(5)}${summary.failed.length > 0 ? '  (still loaded from the old site; run the import again to retry)' : ''}`,
    ...summary.failed.map(
      (failure) => `    ${failure.address}: ${failure.reason}; used by ${failure.articles.join(', ')}`,
    ),
    `  other sites     ${String(summary.otherSites).padStart(5)}  (images left where they are; see the warnings)`,
  ];
  return lines.join('\n');
}
