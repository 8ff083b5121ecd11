/** The web app manifest: a small file that tells phones how to show the site on a home screen. */
import { BRAND_BLUE } from '@/workers/brand';

/** Home-screen icons, drawn from the favicon. Apple's is linked from every page; the others are in the manifest. */
export const HOME_SCREEN_ICONS = [
  { name: 'apple-touch-icon', size: 180 },
  { name: 'icon-192', size: 192 },
  { name: 'icon-512', size: 512 },
] as const;

export type HomeScreenIconName = (typeof HOME_SCREEN_ICONS)[number]['name'];

export interface WebManifestInput {
  name: string;
  /** BCP 47 language tag. */
  lang: string;
  /** The home page's path (the base path): the app opens there and stays within it. */
  homePath: string;
  /** Path of each icon in `HOME_SCREEN_ICONS`. */
  iconPath: (name: HomeScreenIconName) => string;
}

export interface WebManifest {
  name: string;
  short_name: string;
  lang: string;
  start_url: string;
  scope: string;
  /** A reading site with no offline mode: opened from the home screen, it is the browser, toolbar and all. */
  display: 'browser';
  theme_color: string;
  background_color: string;
  icons: { src: string; sizes: string; type: 'image/png'; purpose: 'any' }[];
}

/**
 * The manifest, with only what changes how the site is installed and shown: Chromium fetches it on every
 * first visit, so it stays small (no description, which no browser shows).
 */
export function webManifest({ name, lang, homePath, iconPath }: WebManifestInput): WebManifest {
  return {
    name,
    short_name: name,
    lang,
    start_url: homePath,
    scope: homePath,
    display: 'browser',
    theme_color: BRAND_BLUE,
    background_color: '#ffffff',
    icons: HOME_SCREEN_ICONS.filter(({ name }) => name !== 'apple-touch-icon').map(({ name, size }) => ({
      src: iconPath(name),
      sizes: `${size}x${size}`,
      type: 'image/png',
      purpose: 'any',
    })),
  };
}
