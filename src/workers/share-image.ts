/**
 * The picture shown when a page is shared: the article's title and the site's name on the site's blue,
 * drawn by satori (layout and text to SVG paths) and rasterised by resvg. Same input, same bytes: the
 * fonts ship in the repository, the text becomes paths (no system font is read) and nothing depends on
 * the time or the machine.
 */
import { renderAsync } from '@resvg/resvg-js';
import satori, { type Font } from 'satori';

import { BRAND_BLUE as BLUE, SHARE_IMAGE } from './brand.ts';

const WHITE = '#ffffff';
const FONT_FAMILY = 'Atkinson Hyperlegible Next';

/** Font files for the image, as bytes, in the order satori should try them for each character. */
export interface ShareImageFontFiles {
  /** Bold, Latin then Latin Extended: the title. */
  bold: Uint8Array[];
  /** Regular, Latin then Latin Extended: the site name. */
  regular: Uint8Array[];
}

export interface ShareImageText {
  /** The headline: the article's title, or the site's description on the site image. */
  title: string;
  /** The site's name, written at the foot with its logo. */
  siteName: string;
}

/** Satori's element objects, as JSX would make them. */
interface Element {
  type: string;
  props: { style?: Record<string, string | number>; children?: (Element | string)[] | string; [key: string]: unknown };
}

const element = (type: string, props: Element['props']): Element => ({ type, props });

/** The favicon with its colours swapped (a blue cross on white), to stand out on the blue, `size` pixels square. */
const logo = (size: number) =>
  element('img', {
    width: size,
    height: size,
    src: `data:image/svg+xml,${encodeURIComponent(
      `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="${WHITE}"/><path d="M13 7h6v6h6v6h-6v6h-6v-6H7v-6h6z" fill="${BLUE}"/></svg>`,
    )}`,
  });

/** Long titles get smaller type so that up to five lines fit; anything longer ends in an ellipsis. */
export function titleFontSize(title: string): number {
  const length = [...title].length;
  if (length <= 40) return 80;
  if (length <= 70) return 68;
  if (length <= 110) return 56;
  return 48;
}

function layout({ title, siteName }: ShareImageText): Element {
  return element('div', {
    style: {
      display: 'flex',
      flexDirection: 'column',
      justifyContent: 'space-between',
      boxSizing: 'border-box',
      width: '100%',
      height: '100%',
      padding: '64px 80px',
      backgroundColor: BLUE,
      color: WHITE,
      fontFamily: FONT_FAMILY,
    },
    children: [
      element('div', {
        style: {
          display: 'block',
          fontSize: titleFontSize(title),
          fontWeight: 700,
          lineHeight: 1.15,
          lineClamp: 5,
          // Balanced lines read well, but balancing a title too long for five lines narrows all of them.
          textWrap: [...title].length <= 110 ? 'balance' : 'wrap',
        },
        children: title,
      }),
      element('div', {
        style: { display: 'flex', alignItems: 'center', gap: 24, fontSize: 40, fontWeight: 400 },
        children: [logo(64), siteName],
      }),
    ],
  });
}

/** The fonts in satori's form; read the files once and keep the result for every image. */
export function shareImageFonts(files: ShareImageFontFiles): Font[] {
  const fonts = (data: Uint8Array[], weight: 400 | 700): Font[] =>
    data.map((bytes, index) => ({
      // One family name per file: satori keeps a single font per name and weight, so the Latin Extended
      // file needs a name of its own to be tried for the characters the Latin file lacks.
      name: index === 0 ? FONT_FAMILY : `${FONT_FAMILY} ${index + 1}`,
      // Satori wants an ArrayBuffer of exactly the font's bytes, not a view into a larger buffer.
      data: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      weight,
      style: 'normal',
    }));
  return [...fonts(files.bold, 700), ...fonts(files.regular, 400)];
}

/**
 * The image as SVG, every letter a path, and the characters the fonts have no glyph for (satori would draw
 * them as empty boxes).
 */
export async function shareImageSvg(
  text: ShareImageText,
  fonts: Font[],
): Promise<{ svg: string; missingCharacters: string[] }> {
  const missing = new Set<string>();
  const svg = await satori(layout(text) as Parameters<typeof satori>[0], {
    ...SHARE_IMAGE,
    fonts,
    // Called only for text no font can draw; no font is added, so nothing is ever fetched.
    loadAdditionalAsset: async (_language, segment) => {
      for (const character of segment) missing.add(character);
      return [];
    },
  });
  return { svg, missingCharacters: [...missing] };
}

/**
 * A 1200 × 630 PNG of the first of `choices` whose every character the fonts can draw, so no image shows
 * empty boxes: an article whose title is in a script the shipped fonts lack gets the site's own card. If
 * none can be drawn whole, the last is drawn as it is.
 */
export async function renderShareImage(
  choices: readonly ShareImageText[],
  fonts: Font[],
): Promise<Uint8Array<ArrayBuffer>> {
  if (choices.length === 0) throw new RangeError('renderShareImage needs at least one text to draw.');
  for (const [index, text] of choices.entries()) {
    const { svg, missingCharacters } = await shareImageSvg(text, fonts);
    if (missingCharacters.length === 0 || index === choices.length - 1) return svgToPng(svg, SHARE_IMAGE.width);
  }
  throw new Error('unreachable');
}

/**
 * An SVG rasterised to PNG at `width` pixels wide. System fonts are never loaded: the SVGs drawn here have
 * no text left in them, and reading the machine's fonts would be slow and make the output depend on it.
 *
 * resvg rasterises in Node's thread pool and encodes the PNG itself. The sharing images are drawn in a
 * worker thread (`share-images-worker.ts`), so the encoding never holds up the pages; handing resvg's
 * pixels to another encoder instead copies 3 MB an image and costs about twice the processor time.
 */
export async function svgToPng(svg: string, width: number, background?: string): Promise<Uint8Array<ArrayBuffer>> {
  const image = await renderAsync(svg, {
    fitTo: { mode: 'width', value: width },
    font: { loadSystemFonts: false },
    ...(background && { background }),
  });
  // A copy in an ArrayBuffer of its own, as `Response` bodies want.
  return new Uint8Array(image.asPng());
}
