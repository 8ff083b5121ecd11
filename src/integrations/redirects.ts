/**
 * Writes the redirects from old addresses after each build (see `src/lib/redirects/`): `dist/_redirects`
 * for Netlify, Cloudflare Pages, `npm run preview` and the Vercel writer, and with `REDIRECT_PAGES=true` a
 * small HTML page at each old path for hosts that read no redirect rules (GitHub Pages). A redirect whose
 * page this build did not write (a draft, a scheduled article, a tag no published article carries) is
 * left out, with one line saying so.
 */
import { redirectPages as redirectPagesFromEnvironment } from '@/config/redirect-pages';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { siteAddresses } from '@/lib/content-check/check';
import { readOldAddresses, type OldAddress } from '@/lib/redirects/old-addresses';
import { redirectPageFile, redirectPageHtml } from '@/lib/redirects/redirect-page';
import { redirectsFileText, splitAddress, type Redirect } from '@/lib/redirects/redirect-rules';
import { countOf } from '@/lib/text/plural';
import { absoluteUrl, articlePath, sitePath } from '@/lib/urls';

/** How many static redirects Cloudflare Pages reads from `_redirects` (https://developers.cloudflare.com/pages/configuration/redirects/). */
const CLOUDFLARE_STATIC_REDIRECTS = 2000;

/** Whether `dist` holds a page at `path` (base path included), as a static host would find it. */
function builtPageExists(dist: string, base: string, path: string): boolean {
  const below = decodeURIComponent(path.slice(base.length));
  const file = join(dist, below);
  if (!existsSync(file)) return false;
  return statSync(file).isFile() || existsSync(join(file, 'index.html'));
}

const targetOf = (address: OldAddress) =>
  'article' in address.to ? articlePath(address.to.article) : sitePath(address.to.path);

const describeTarget = (address: OldAddress) =>
  'article' in address.to
    ? `article "${address.to.article}" is not published by this build`
    : `no page ${address.to.path} was built`;

/** Writes the redirect pages for hosts without redirects; returns how many. */
function writeRedirectPages(dist: string, base: string, redirects: readonly Redirect[]): number {
  let written = 0;
  for (const { from, to } of redirects) {
    const { path, query } = splitAddress(from);
    if (query.length > 0 || !path.startsWith(base)) continue;
    const file = redirectPageFile(decodeURIComponent(path.slice(base.length)));
    if (!file || existsSync(join(dist, file))) continue;
    mkdirSync(dirname(join(dist, file)), { recursive: true });
    writeFileSync(join(dist, file), redirectPageHtml(to, absoluteUrl(to)));
    written++;
  }
  return written;
}

/**
 * @param contentDir the content folder the build reads
 * @param redirectPages write an HTML page at each old path too (`REDIRECT_PAGES=true`)
 */
export function redirects(contentDir: string, redirectPages = redirectPagesFromEnvironment): AstroIntegration {
  let base = '/';
  return {
    name: 'health-site:redirects',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        // The content check has run before the build: its problems with old addresses stopped it.
        const { addresses } = readOldAddresses(contentDir, (path) => path, siteAddresses(contentDir));
        if (addresses.length === 0) return;
        const kept: Redirect[] = [];
        for (const address of addresses) {
          const to = targetOf(address);
          if (builtPageExists(dist, base, to)) kept.push({ from: address.from, to });
          else
            logger.warn(`Old address ${address.from} (${address.file}) is not redirected: ${describeTarget(address)}.`);
        }
        writeFileSync(join(dist, '_redirects'), redirectsFileText(kept));
        const pathRules = kept.filter(({ from }) => !from.includes('?')).length;
        if (pathRules > CLOUDFLARE_STATIC_REDIRECTS) {
          logger.warn(
            `Cloudflare Pages follows only the first ${CLOUDFLARE_STATIC_REDIRECTS.toLocaleString('en')} redirects of _redirects (this build has ${pathRules.toLocaleString('en')}): add the rest as Bulk Redirects in Cloudflare's dashboard.`,
          );
        }
        const pages = redirectPages ? writeRedirectPages(dist, base, kept) : 0;
        logger.info(
          `Wrote _redirects (${countOf(kept.length, 'old address', 'old addresses')})${redirectPages ? ` and ${countOf(pages, 'redirect page')}` : ''}.`,
        );
      },
    },
  };
}
