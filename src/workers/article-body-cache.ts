/**
 * The editorial lint's reading of built article pages, kept between builds in Astro's cache folder:
 * parsing a page and counting its syllables is most of the lint's cost, and after one comment changes,
 * every article's text is the same as in the last build. Each reading is kept under a digest of the part
 * of the page it reads (`articleSection`: the article body, not the header or the comments) and of the
 * code that read it, so a changed article, component or reading rule is read again, never taken from an
 * older build.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import writeFileAtomic from 'write-file-atomic';

import { articleSection, readArticleSection, type RenderedArticle } from './rendered-article.ts';

export interface ArticleBodyCache {
  /** The folder the readings are kept in. */
  folder: string;
  /** A digest of the code that reads a page (`editorial-lint.ts` makes it): another code's reading is not reused. */
  codeDigest: string;
}

export interface ArticleBodies {
  /** Each page's article body, in the order of the pages; undefined for a page without one. */
  bodies: (RenderedArticle | undefined)[];
  /** The cache files this reading used or wrote: the ones to keep. */
  files: string[];
  /** How many of the pages were taken from the cache instead of read. */
  reused: number;
}

/** What a cache file holds: the body, or null for a page without one. */
interface CachedReading {
  body: RenderedArticle | null;
}

function isCachedReading(value: unknown): value is CachedReading {
  if (typeof value !== 'object' || value === null || !('body' in value)) return false;
  const { body } = value as { body: unknown };
  if (body === null) return true;
  if (typeof body !== 'object') return false;
  const { headings, images, text, statistics } = body as Record<string, unknown>;
  const counts = (typeof statistics === 'object' && statistics !== null ? statistics : {}) as Record<string, unknown>;
  return (
    Array.isArray(headings) &&
    Array.isArray(images) &&
    typeof text === 'string' &&
    ['words', 'sentences', 'syllables'].every((count) => typeof counts[count] === 'number')
  );
}

/** The cached reading in `file`, or undefined when there is none fit to use (missing, cut short, of another shape). */
function readCached(file: string): CachedReading | undefined {
  try {
    const value: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return isCachedReading(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** Written atomically (`write-file-atomic`): a build stopped midway never leaves half a file behind. */
function writeCached(file: string, reading: CachedReading) {
  try {
    // A cache, not a record: no need to wait for the disk.
    writeFileAtomic.sync(file, JSON.stringify(reading), { fsync: false });
  } catch {
    // A cache that cannot be written (full disk, read-only folder) only means reading again next time.
  }
}

/** The article body of each built page in `pages`, from the cache where the same section was read before. */
export function readArticleBodies(pages: readonly string[], cache: ArticleBodyCache): ArticleBodies {
  try {
    mkdirSync(cache.folder, { recursive: true });
  } catch {
    // Without a cache folder every page is read, and no reading is kept (`writeCached`).
  }
  const files: string[] = [];
  let reused = 0;
  const bodies = pages.map((page) => {
    const section = articleSection(readFileSync(page, 'utf8'));
    const digest = createHash('sha256').update(cache.codeDigest).update('\0').update(section).digest('hex');
    const file = join(cache.folder, `${digest.slice(0, 32)}.json`);
    files.push(file);
    const cached = readCached(file);
    if (cached) {
      reused += 1;
      return cached.body ?? undefined;
    }
    const body = readArticleSection(section);
    writeCached(file, { body: body ?? null });
    return body;
  });
  return { bodies, files, reused };
}
