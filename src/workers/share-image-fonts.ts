/**
 * The fonts of the sharing images, shipped in `src/assets/fonts/` (Atkinson Hyperlegible Next, SIL Open
 * Font License; see the README there). Read from the repository when the images are drawn at build time
 * (src/integrations/share-images.ts): nothing is fetched, and no font is copied into `dist/`.
 */
import { readFileSync } from 'node:fs';

import type { Font } from 'satori';

import { shareImageFonts } from './share-image.ts';

/** The font files, in the order satori should try them for each character. */
export const SHARE_IMAGE_FONT_FILES: readonly URL[] = ['latin-700', 'latin-ext-700', 'latin-400', 'latin-ext-400'].map(
  (name) =>
    new URL(
      `../assets/fonts/atkinson-hyperlegible-next/atkinson-hyperlegible-next-${name}-normal.woff`,
      import.meta.url,
    ),
);

let fonts: Font[] | undefined;

/** The fonts in satori's form, read once per process. */
export function loadShareImageFonts(): Font[] {
  if (!fonts) {
    const [bold, boldExtended, regular, regularExtended] = SHARE_IMAGE_FONT_FILES.map((file) => readFileSync(file));
    fonts = shareImageFonts({ bold: [bold!, boldExtended!], regular: [regular!, regularExtended!] });
  }
  return fonts;
}
