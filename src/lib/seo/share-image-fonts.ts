/**
 * The fonts of the sharing images, shipped in `src/assets/fonts/` (Atkinson Hyperlegible Next, SIL Open
 * Font License; see the README there). Vite inlines them into the build's server code, so a build reads
 * no file at run time, fetches nothing, and copies no font into `dist/`.
 */
import type { Font } from 'satori';

import { shareImageFonts } from './share-image';

const files = import.meta.glob<string>('../../assets/fonts/atkinson-hyperlegible-next/*.woff', {
  query: '?inline',
  import: 'default',
  eager: true,
});

/** The bytes of a font file, from its inlined `data:` address. */
function fontFile(name: string): Uint8Array {
  const dataUrl = files[`../../assets/fonts/atkinson-hyperlegible-next/atkinson-hyperlegible-next-${name}-normal.woff`];
  if (!dataUrl) throw new Error(`Missing font src/assets/fonts/atkinson-hyperlegible-next/…-${name}-normal.woff`);
  return Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64');
}

let fonts: Font[] | undefined;

/** The fonts in satori's form, decoded once per build. */
export function loadShareImageFonts(): Font[] {
  fonts ??= shareImageFonts({
    bold: [fontFile('latin-700'), fontFile('latin-ext-700')],
    regular: [fontFile('latin-400'), fontFile('latin-ext-400')],
  });
  return fonts;
}
