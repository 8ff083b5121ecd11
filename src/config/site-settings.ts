/**
 * The site settings that come from the environment, checked: `site.ts` builds the site's settings with
 * them, and `settings-guard.ts` stops a build on a bad one before anything else reads them.
 */
import type { SiteConfig } from '@/config/site';

/** The settings the environment gives a build: where the site lives and who publishes it. */
export type EnvironmentSettings = Pick<SiteConfig, 'url' | 'basePath' | 'owner'>;

/** The address a build without `SITE_URL` gives its pages: right on this machine only. */
export const LOCAL_SITE_URL = 'http://localhost:4321';

/** One segment of a base path: what a folder name on any host can be, and not `.` or `..`. */
const BASE_PATH_SEGMENT = /^(?!\.+$)[A-Za-z0-9._~-]+$/;

/**
 * The site's address, base path and owner from the environment (`SITE_URL`, `BASE_PATH`, `SITE_OWNER`).
 * `SITE_URL` is the origin only: a site under a path gives that path as `BASE_PATH`, so that the two
 * can never disagree about where pages are.
 * @throws Error with one line per setting that cannot be used, naming it and saying what to write
 */
export function siteSettingsFrom(env: Readonly<Record<string, string | undefined>>): EnvironmentSettings {
  const problems: string[] = [];

  const written = env.SITE_URL?.trim() || LOCAL_SITE_URL;
  let url = written;
  const parsed = URL.canParse(written) ? new URL(written) : undefined;
  if (!parsed || (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || !parsed.hostname) {
    problems.push(
      `SITE_URL="${written}" is not a full web address: write it with https://, such as SITE_URL=https://${written.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '') || 'example.org'}.`,
    );
  } else if (parsed.pathname !== '/' || parsed.search || parsed.hash || parsed.username || parsed.password) {
    const path = parsed.pathname.replace(/\/+$/, '');
    problems.push(
      `SITE_URL="${written}" holds more than the site's origin: set SITE_URL=${parsed.origin}` +
        (path ? ` and BASE_PATH=${path} (the path the site is served under).` : ' (no query, fragment or user name).'),
    );
  } else {
    url = parsed.origin;
  }

  const segments = (env.BASE_PATH ?? '').split('/').filter((segment) => segment !== '');
  const badSegment = segments.find((segment) => !BASE_PATH_SEGMENT.test(segment));
  if (badSegment !== undefined) {
    problems.push(
      `BASE_PATH="${env.BASE_PATH}" is not a path the site can be served under ("${badSegment}"): use folder names of letters, digits, "-", "_", "." and "~" separated by "/", such as BASE_PATH=/health-blog.`,
    );
  }

  const owner = env.SITE_OWNER?.trim() || 'Health Questions';
  if (/\p{Cc}/u.test(owner)) problems.push('SITE_OWNER holds a control character: write the name as text.');

  if (problems.length > 0) throw new Error(problems.join('\n'));
  return { url, basePath: `/${segments.map((segment) => `${segment}/`).join('')}`, owner: { name: owner } };
}

/**
 * The build's last line when `SITE_URL` is not set: full addresses then point at this machine, right
 * for `npm start`, wrong on any host. Nothing when it is set.
 */
export function siteUrlNotice(env: Readonly<Record<string, string | undefined>>): string | undefined {
  if (env.SITE_URL?.trim()) return undefined;
  return `SITE_URL is not set: canonical links, the sitemap and the feed point at ${LOCAL_SITE_URL}. Set SITE_URL=https://<your domain> to build the site you deploy.`;
}
