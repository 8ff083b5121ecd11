import { describe, expect, test } from 'vitest';

import { BRAND_BLUE, SHARE_IMAGE } from '@/workers/brand';
import { renderShareImage, shareImageSvg, svgToPng, titleFontSize } from '@/workers/share-image';
import { loadShareImageFonts } from '@/workers/share-image-fonts';

import { decodePng, hexColour } from '../../../helpers/png';

const fonts = loadShareImageFonts();
const card = (title: string) => ({ title, siteName: 'Health Questions' });
const FALLBACK = card('Health articles with their readers’ questions and answers.');

/** How many pixels of the image are exactly `colour`. */
function countPixels(png: Uint8Array, colour: [number, number, number, number]) {
  const image = decodePng(png);
  let count = 0;
  for (let y = 0; y < image.height; y++)
    for (let x = 0; x < image.width; x++) if (image.rgba(x, y).every((value, i) => value === colour[i])) count++;
  return count;
}

describe('renderShareImage', () => {
  test('draws a valid 1200 × 630 PNG', async () => {
    const image = decodePng(await renderShareImage([card('Leg cramps at night')], fonts));
    expect([image.width, image.height]).toEqual([SHARE_IMAGE.width, SHARE_IMAGE.height]);
  });

  test('draws white text on the site’s blue', async () => {
    const png = await renderShareImage([card('Leg cramps at night')], fonts);
    expect(decodePng(png).rgba(0, 0)).toEqual(hexColour(BRAND_BLUE));
    expect(countPixels(png, hexColour('#ffffff'))).toBeGreaterThan(5000);
  });

  test('draws the same bytes for the same text, every time', async () => {
    const first = await renderShareImage([card('Leg cramps at night')], fonts);
    const second = await renderShareImage([card('Leg cramps at night')], fonts);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
  });

  test('draws different images for different titles', async () => {
    const first = await renderShareImage([card('Leg cramps at night')], fonts);
    const second = await renderShareImage([card('Leg cramps by day')], fonts);
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(false);
  });

  test('falls back to the next text when the fonts cannot draw every character of the title', async () => {
    const arabic = await renderShareImage([card('تشنجات الساق'), FALLBACK], fonts);
    expect(Buffer.from(arabic).equals(Buffer.from(await renderShareImage([FALLBACK], fonts)))).toBe(true);
  });
});

describe('shareImageSvg', () => {
  test('turns every letter into a path, so no font on the machine is ever used', async () => {
    const { svg } = await shareImageSvg(card('Leg cramps at night'), fonts);
    expect(svg).not.toMatch(/<text/);
    expect(svg).toMatch(/<path/);
  });

  test('draws Latin Extended letters with the shipped fonts', async () => {
    expect(
      (await shareImageSvg(card('Zażółć gęślą jaźń – Čeština, Føroyskt, Türkçe'), fonts)).missingCharacters,
    ).toEqual([]);
  });

  test('reports the characters no shipped font can draw', async () => {
    const { missingCharacters } = await shareImageSvg(card('Cramps Ω 😖'), fonts);
    expect(missingCharacters).toEqual(expect.arrayContaining(['Ω', '😖']));
  });
});

describe('titleFontSize', () => {
  test('gives longer titles smaller type', () => {
    const sizes = [20, 60, 100, 200].map((length) => titleFontSize('x'.repeat(length)));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(new Set(sizes).size).toBe(4);
  });
});

describe('svgToPng', () => {
  test('fills transparent areas with the background colour given, for icons that must be opaque', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect x="1" y="1" width="2" height="2" fill="#fff"/></svg>';
    const icon = decodePng(await svgToPng(svg, 180, BRAND_BLUE));
    expect([icon.width, icon.height]).toEqual([180, 180]);
    expect(icon.rgba(0, 0)).toEqual(hexColour(BRAND_BLUE));
    expect(icon.rgba(90, 90)).toEqual(hexColour('#ffffff'));
  });
});
