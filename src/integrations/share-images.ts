/**
 * The sharing images: `/og/site.png` (the site's description and name) and `/og/articles/<slug>.png` for
 * each published article (its title), 1200 × 630, drawn by `workers/share-image.ts`.
 *
 * Drawing starts with the build (`astro:build:start`) in a worker thread, on the processor core that
 * Astro's single-threaded page rendering leaves idle, and the images are copied into `dist/` when the
 * build is done. `astro dev` draws an image when it is asked for. Each image is kept in Astro's cache
 * folder under a digest of its text and of everything that draws it (code, fonts, locked library
 * versions), so an unchanged title is drawn once, not on every build; images no longer used are removed
 * from the cache.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { buildDay } from '@/config/build-day';
import { site } from '@/config/site';
import { readArticleFiles } from '@/lib/article-files';
import { isPublishedOn, type CalendarDay } from '@/lib/publication';
import type { ShareImageText } from '@/workers/share-image';
import { SHARE_IMAGE_FONT_FILES } from '@/workers/share-image-fonts';
import { articleImagePath, basePath, siteImagePath } from '@/lib/urls';
import { articleSchema } from '@/schemas/article';

import type { ShareImageJob } from '@/workers/share-images-worker';
import { runWorker } from '@/workers/worker-thread';
import { codeDigest, pruneBuildCache } from '@/integrations/build-cache';

/** Everything an image's pixels depend on besides its text. */
const DRAWING_FILES = [
  new URL('../workers/share-image.ts', import.meta.url),
  new URL('../workers/share-image-fonts.ts', import.meta.url),
  new URL('../workers/brand.ts', import.meta.url),
  ...SHARE_IMAGE_FONT_FILES,
];

/** One sharing image of the site: where it goes in `dist/`, and what it says. */
export interface PlannedImage {
  /** Path inside `dist/`, such as `og/articles/leg-cramps.png`. */
  target: string;
  /** Texts to try in turn: a title the fonts cannot draw whole falls back to the site's card. */
  choices: ShareImageText[];
}

/**
 * The site's card and one image per published article, in the order of their files.
 * @param today the build day: drafts and articles scheduled after it get no image
 */
export function planShareImages(contentDir: string, today: CalendarDay = buildDay): PlannedImage[] {
  const siteCard: ShareImageText = { title: site.description, siteName: site.title };
  const inDist = (path: string) => path.slice(basePath.length);
  const schema = articleSchema();
  const articles = readArticleFiles(contentDir).flatMap(({ slug, frontmatter }) => {
    // The content check has stopped the build before any article that does not parse.
    const parsed = schema.safeParse(frontmatter);
    return parsed.success && isPublishedOn(parsed.data, today)
      ? [
          {
            target: inDist(articleImagePath(slug)),
            choices: [{ title: parsed.data.title, siteName: site.title }, siteCard],
          },
        ]
      : [];
  });
  return [{ target: inDist(siteImagePath()), choices: [siteCard] }, ...articles];
}

/** Draws `jobs` in a worker thread; resolves when all are written, rejects with the first failure. */
const drawInWorker = (jobs: ShareImageJob[]): Promise<unknown> =>
  jobs.length === 0
    ? Promise.resolve()
    : runWorker<undefined>(new URL('../workers/share-images-worker.ts', import.meta.url), { jobs });

type CachedImage = PlannedImage & { cached: string };

/** Every planned image with its file in the cache folder. */
function cachedImages(contentDir: string, cacheFolder: string, root: string): CachedImage[] {
  const digest = codeDigest(DRAWING_FILES, root);
  return planShareImages(contentDir).map((image) => ({
    ...image,
    cached: join(
      cacheFolder,
      `${createHash('sha256').update(digest).update(JSON.stringify(image.choices)).digest('hex').slice(0, 32)}.png`,
    ),
  }));
}

/** Draws the images not yet in the cache; resolves with how many it drew. */
async function drawMissing(images: CachedImage[]): Promise<number> {
  // Articles with the same title share one image.
  const missing = new Map(images.filter((image) => !existsSync(image.cached)).map((image) => [image.cached, image]));
  await drawInWorker([...missing.values()].map(({ choices, cached }) => ({ choices, file: cached })));
  return missing.size;
}

interface Drawing {
  images: CachedImage[];
  /** How many images this build drew; the others came from the cache. */
  drawn: Promise<number>;
}

function startDrawing(contentDir: string, cacheFolder: string, root: string): Drawing {
  const images = cachedImages(contentDir, cacheFolder, root);
  const drawn = drawMissing(images);
  // Awaited, and reported, when the build is done.
  drawn.catch(() => undefined);
  return { images, drawn };
}

/**
 * For `astro dev`, which renders no build: a request for a sharing image is answered from the cache,
 * drawing the image first when it is not there. Other requests pass on.
 */
export function serveShareImages(
  contentDir: string,
  folders: () => { cacheFolder: string; root: string },
): (request: IncomingMessage, response: ServerResponse, next: (error?: unknown) => void) => void {
  return (request, response, next) => {
    let path: string;
    try {
      path = decodeURIComponent((request.url ?? '').split('?')[0]!);
    } catch {
      return next();
    }
    if (!path.startsWith(`${basePath}og/`) || !path.endsWith('.png')) return next();
    const { cacheFolder, root } = folders();
    const image = cachedImages(contentDir, cacheFolder, root).find(({ target }) => `${basePath}${target}` === path);
    if (!image) return next();
    drawMissing([image]).then(() => {
      response.setHeader('Content-Type', 'image/png');
      response.end(readFileSync(image.cached));
    }, next);
  };
}

export function shareImages(contentDir: string): AstroIntegration {
  let cacheFolder = '';
  let root = '';
  let drawing: Drawing | undefined;
  let buildStarted = Date.now();
  return {
    name: 'health-site:share-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFolder = join(fileURLToPath(config.cacheDir), 'share-images');
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        buildStarted = Date.now();
        drawing = startDrawing(contentDir, cacheFolder, root);
      },
      'astro:server:setup': ({ server }) => {
        server.middlewares.use(serveShareImages(contentDir, () => ({ cacheFolder, root })));
      },
      'astro:build:done': async ({ dir, logger }) => {
        const started = drawing ?? startDrawing(contentDir, cacheFolder, root);
        drawing = undefined;
        const { images } = started;
        let drawn: number;
        try {
          drawn = await started.drawn;
        } catch (error) {
          throw new Error(`Sharing images: ${error instanceof Error ? error.message : error}`, { cause: error });
        }
        // Another build sharing the cache may have removed an image since (see below): draw it again.
        await drawMissing(images);
        const dist = fileURLToPath(dir);
        for (const { target, cached } of images) {
          mkdirSync(dirname(join(dist, target)), { recursive: true });
          copyFileSync(cached, join(dist, target));
        }
        // Images of titles no longer published, or drawn by older code, are not needed again.
        pruneBuildCache(cacheFolder, new Set(images.map((image) => image.cached)), buildStarted);
        logger.info(
          `Sharing images: ${images.length} in og/ (${drawn} drawn, ${images.length - drawn} from the cache).`,
        );
      },
    },
  };
}
