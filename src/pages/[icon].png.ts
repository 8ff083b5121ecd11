/**
 * Home-screen icons (`/apple-touch-icon.png`, `/icon-192.png`, `/icon-512.png`), drawn at build time
 * from the favicon, so there is one drawing to change. Drawn on the favicon's blue with no transparency:
 * iOS fills transparent corners with black and rounds the icon itself.
 */
import type { APIRoute, GetStaticPaths } from 'astro';

import favicon from '../../public/favicon.svg?raw';

import { BRAND_BLUE } from '@/workers/brand';
import { svgToPng } from '@/workers/share-image';
import { HOME_SCREEN_ICONS } from '@/lib/seo/web-manifest';

export const getStaticPaths = (() =>
  HOME_SCREEN_ICONS.map(({ name, size }) => ({ params: { icon: name }, props: { size } }))) satisfies GetStaticPaths;

type Props = ReturnType<typeof getStaticPaths>[number]['props'];

export const GET: APIRoute<Props> = async ({ props }) =>
  new Response(await svgToPng(favicon, props.size, BRAND_BLUE), { headers: { 'Content-Type': 'image/png' } });
