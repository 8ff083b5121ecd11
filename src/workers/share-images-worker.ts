/**
 * Draws sharing images in a worker thread for `share-images.ts`, so that drawing them (25–40 ms of
 * processor time each, with the machine's load) runs beside the build instead of holding it up. Node
 * runs this file as it is (see `worker-thread.ts`).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { workerData } from 'node:worker_threads';

import writeFileAtomic from 'write-file-atomic';

import { renderShareImage, type ShareImageText } from './share-image.ts';
import { loadShareImageFonts } from './share-image-fonts.ts';

/** One image to draw: the texts to try in turn (see `renderShareImage`) and the PNG file to write. */
export interface ShareImageJob {
  choices: ShareImageText[];
  file: string;
}

const { jobs } = workerData as { jobs: ShareImageJob[] };
const fonts = loadShareImageFonts();
for (const { choices, file } of jobs) {
  let png: Uint8Array;
  try {
    png = await renderShareImage(choices, fonts);
  } catch (error) {
    throw new Error(
      `could not draw the sharing image of “${choices[0]?.title}”: ${error instanceof Error ? error.message : error}`,
      { cause: error },
    );
  }
  mkdirSync(dirname(file), { recursive: true });
  // Written atomically under a temporary name of its own: a build stopped midway never leaves half an
  // image behind, and two builds sharing the cache never write to the same file.
  writeFileAtomic.sync(file, Buffer.from(png.buffer, png.byteOffset, png.byteLength), { fsync: false });
}
