/**
 * The sharing images: `/og/site.png` (the site's description and name) and `/og/articles/<slug>.png` for
 * each published article (its title), 1200 × 630, drawn by `lib/seo/share-image.ts`.
 *
 * Drawing starts with the build (`astro:build:start`) in a worker thread, on the processor core that
 * Astro's single-threaded page rendering leaves idle, and the images are copied into `dist/` when the
 * build is done. Each image is kept in Astro's cache folder under a digest of its text and of everything
 * that draws it (code, fonts, locked library versions), so an unchanged title is drawn once, not on
 * every build; images no longer used are removed from the cache.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { site } from '../config/site';
import { readArticleFiles } from '../lib/article-files';
import type { ShareImageText } from '../lib/seo/share-image';
import { SHARE_IMAGE_FONT_FILES } from '../lib/seo/share-image-fonts';
import { articleImagePath, basePath, siteImagePath } from '../lib/urls';
import { articleSchema } from '../schemas/article';

import type { ShareImageJob } from './share-images-worker';
import { runWorker } from './worker';

/** Everything an image's pixels depend on besides its text. */
const DRAWING_FILES = [
  new URL('../lib/seo/share-image.ts', import.meta.url),
  new URL('../lib/seo/share-image-fonts.ts', import.meta.url),
  new URL('../lib/seo/brand.ts', import.meta.url),
  ...SHARE_IMAGE_FONT_FILES,
];

/** One sharing image of the site: where it goes in `dist/`, and what it says. */
export interface PlannedImage {
  /** Path inside `dist/`, such as `og/articles/leg-cramps.png`. */
  target: string;
  /** Texts to try in turn: a title the fonts cannot draw whole falls back to the site's card. */
  choices: ShareImageText[];
}

/** The site's card and one image per published article, in the order of their files. */
export function planShareImages(contentDir: string): PlannedImage[] {
  const siteCard: ShareImageText = { title: site.description, siteName: site.title };
  const inDist = (path: string) => path.slice(basePath.length);
  const schema = articleSchema();
  const articles = readArticleFiles(contentDir).flatMap(({ slug, frontmatter }) => {
    // The content check has stopped the build before any article that does not parse.
    const parsed = schema.safeParse(frontmatter);
    return parsed.success && !parsed.data.draft
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

/** A digest of the files that draw the images, and of the lockfile, which fixes the libraries' versions. */
function drawingDigest(root: string): string {
  const hash = createHash('sha256');
  const lockfile = join(root, 'package-lock.json');
  for (const file of [...DRAWING_FILES, ...(existsSync(lockfile) ? [lockfile] : [])]) hash.update(readFileSync(file));
  return hash.digest('hex');
}

/** Draws `jobs` in a worker thread; resolves when all are written, rejects with the first failure. */
const drawInWorker = (jobs: ShareImageJob[]): Promise<unknown> =>
  jobs.length === 0
    ? Promise.resolve()
    : runWorker<undefined>(new URL('./share-images-worker.ts', import.meta.url), { jobs });

interface Drawing {
  /** Each planned image with its file in the cache. */
  images: (PlannedImage & { cached: string })[];
  /** Images drawn by this build; the others came from the cache. */
  drawn: number;
  done: Promise<unknown>;
}

function startDrawing(contentDir: string, cacheFolder: string, root: string): Drawing {
  const digest = drawingDigest(root);
  const images = planShareImages(contentDir).map((image) => ({
    ...image,
    cached: join(
      cacheFolder,
      `${createHash('sha256').update(digest).update(JSON.stringify(image.choices)).digest('hex').slice(0, 32)}.png`,
    ),
  }));
  const jobs = images
    .filter((image) => !existsSync(image.cached))
    .map(({ choices, cached }) => ({ choices, file: cached }));
  const done = drawInWorker(jobs);
  // Awaited, and reported, when the build is done.
  done.catch(() => undefined);
  return { images, drawn: jobs.length, done };
}

export function shareImages(contentDir: string): AstroIntegration {
  let cacheFolder = '';
  let root = '';
  let drawing: Drawing | undefined;
  return {
    name: 'health-site:share-images',
    hooks: {
      'astro:config:done': ({ config }) => {
        cacheFolder = join(fileURLToPath(config.cacheDir), 'share-images');
        root = fileURLToPath(config.root);
      },
      'astro:build:start': () => {
        drawing = startDrawing(contentDir, cacheFolder, root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const { images, drawn, done } = drawing ?? startDrawing(contentDir, cacheFolder, root);
        drawing = undefined;
        try {
          await done;
        } catch (error) {
          throw new Error(`Sharing images: ${error instanceof Error ? error.message : error}`, { cause: error });
        }
        const dist = fileURLToPath(dir);
        for (const { target, cached } of images) {
          mkdirSync(dirname(join(dist, target)), { recursive: true });
          copyFileSync(cached, join(dist, target));
        }
        // Images of titles no longer published, or drawn by older code, are not needed again.
        const used = new Set(images.map((image) => image.cached));
        for (const file of readdirSync(cacheFolder)) {
          if (!used.has(join(cacheFolder, file))) rmSync(join(cacheFolder, file), { force: true });
        }
        logger.info(
          `Sharing images: ${images.length} in og/ (${drawn} drawn, ${images.length - drawn} from the cache).`,
        );
      },
    },
  };
}
