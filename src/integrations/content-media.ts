/**
 * Serves the content folder's media files (`<content>/media/`, written by the WordPress import): copied
 * into the built site at `<base>media/…` at the end of the build, and answered from the content folder
 * by `npm run dev`. Images that articles show go through Astro's image pipeline as well (resized, WebP,
 * width and height); the copies are for links to documents (PDF…) and full-size images, which Markdown
 * cannot hand to Astro. Why not `public/`: the media belong to the content folder, so a site built with
 * `CONTENT_DIR=imported` finds its own.
 */
import { cpSync, createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';
import { lookup } from 'mrmime';

import { MEDIA_FOLDER } from '@/lib/content-folders';
import { basePath } from '@/lib/urls';

/** The file of the media folder an address names, or undefined when it names none. */
export function mediaFileFor(mediaRoot: string, url: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(url.split('?')[0]!);
  } catch {
    return undefined;
  }
  const prefix = `${basePath}${MEDIA_FOLDER}/`;
  if (!path.startsWith(prefix)) return undefined;
  const file = normalize(join(mediaRoot, path.slice(prefix.length)));
  if (!file.startsWith(`${normalize(mediaRoot)}${sep}`)) return undefined;
  return statSync(file, { throwIfNoEntry: false })?.isFile() ? file : undefined;
}

export function contentMedia(contentDir: string): AstroIntegration {
  const mediaRoot = join(contentDir, MEDIA_FOLDER);
  return {
    name: 'health-site:content-media',
    hooks: {
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request: IncomingMessage, response: ServerResponse, next: () => void) => {
          const file = mediaFileFor(mediaRoot, request.url ?? '');
          if (!file) return next();
          response.setHeader('Content-Type', lookup(file) ?? 'application/octet-stream');
          createReadStream(file).pipe(response);
        });
      },
      'astro:build:done': ({ dir, logger }) => {
        if (!existsSync(mediaRoot)) return;
        cpSync(mediaRoot, join(fileURLToPath(dir), MEDIA_FOLDER), {
          recursive: true,
          filter: (source) =>
            !source
              .slice(mediaRoot.length)
              .split(sep)
              .some((part) => part.startsWith('.')),
        });
        logger.info(`Media: ${MEDIA_FOLDER}/ copied from the content folder.`);
      },
    },
  };
}
