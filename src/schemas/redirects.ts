/**
 * Old addresses: where pages of the site this one replaced (a WordPress blog) used to be. An article lists
 * its own in `redirectFrom`; `content/redirects.yaml` lists the others (category and tag archives, feeds,
 * `?p=123`-style addresses of pages that were not imported as one article) with the page that now stands
 * for each. The build turns both into redirects (`src/lib/redirects/`).
 */
import { z } from 'astro/zod';

/** Characters an address may hold as they are; anything else must be percent-encoded (`%C3%A9`). */
const ADDRESS_CHARACTERS = /^[A-Za-z0-9\-._~!$&'()*+,;=:@/%?]*$/;

/** Longest address accepted: Cloudflare Pages refuses `_redirects` lines over 1,000 characters. */
export const OLD_ADDRESS_MAX_LENGTH = 800;

/**
 * Why `address` cannot be an old address (a path on the old site, with an optional query of
 * `name=value` pairs), or undefined when it can.
 */
export function oldAddressProblem(address: string): { message: string; fix: string } | undefined {
  const example = 'such as /2019/05/leg-cramps/ or /?p=123';
  const fix = `write the path of the old page on its site, starting with "/", ${example}.`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(address) || address.startsWith('//')) {
    return {
      message: 'must be a path without a scheme or host',
      fix: `leave out "https://" and the host name: ${fix}`,
    };
  }
  if (!address.startsWith('/')) return { message: 'must start with "/"', fix };
  if (address.length > OLD_ADDRESS_MAX_LENGTH) {
    return { message: `must be at most ${OLD_ADDRESS_MAX_LENGTH} characters long`, fix };
  }
  if (address.includes('#')) {
    return {
      message: 'must not hold a "#" fragment',
      fix: 'leave out "#" and what follows: browsers keep it across the redirect themselves.',
    };
  }
  if (!ADDRESS_CHARACTERS.test(address)) {
    return {
      message: 'holds a space or a character that must be percent-encoded',
      fix: 'percent-encode it as the old site did, such as %20 for a space or %C3%A9 for é.',
    };
  }
  if (/%(?![0-9A-Fa-f]{2})/.test(address)) {
    return { message: 'holds a "%" that starts no escape such as %20', fix: 'write a literal "%" as %25.' };
  }
  const [path, query, ...more] = address.split('?');
  if (more.length > 0) return { message: 'holds more than one "?"', fix };
  let decoded: string;
  try {
    decoded = decodeURIComponent(path!);
  } catch {
    return { message: 'holds a percent-escape that is not UTF-8 text', fix };
  }
  if (decoded.split('/').some((segment) => segment === '..' || segment === '.') || /[\\\0]/.test(decoded)) {
    return { message: 'must not hold "." or ".." segments or backslashes', fix };
  }
  if (query !== undefined && !/^[^=&]+=[^=&]*(?:&[^=&]+=[^=&]*)*$/.test(query)) {
    return {
      message: 'has a query that is not name=value pairs joined by "&"',
      fix: `write the query as WordPress did, ${example} or /?cat=7.`,
    };
  }
  return undefined;
}

/** An old address: a path on the old site, with an optional query (see {@link oldAddressProblem}). */
export const oldAddress = () =>
  z.string().superRefine((address, context) => {
    const problem = oldAddressProblem(address);
    if (problem) context.addIssue({ code: 'custom', message: problem.message, params: { fix: problem.fix } });
  });

/**
 * A page of this site, as a path below its base path: `/tags/pregnancy/`, `/rss.xml`, `/` for the home
 * page. No query or fragment: a redirect leads to a file the build writes, and the build checks it does.
 */
export const sitePathTarget = () =>
  oldAddress().superRefine((address, context) => {
    if (address.includes('?')) {
      context.addIssue({
        code: 'custom',
        message: 'must be a page of this site without a query',
        params: { fix: 'write the path of the page below the base path, such as /tags/pregnancy/ or /rss.xml.' },
      });
    }
  });

/** One redirect of `content/redirects.yaml`. */
export const redirectSchema = () =>
  z.strictObject({
    /** The old address, on the old site's host: `/category/pregnancy/`, `/?cat=7`, `/feed/`. */
    from: oldAddress(),
    /** The page of this site that now stands for it, below the base path: `/tags/pregnancy/`. */
    to: sitePathTarget(),
  });

/** `content/redirects.yaml`: old addresses that are not an article's own, and where each now leads. */
export const redirectsFileSchema = () =>
  z.strictObject({
    /** In no particular order; each `from` at most once here and in the articles' `redirectFrom`. */
    redirects: z.array(redirectSchema()).default([]),
  });

export type RedirectsFile = z.output<ReturnType<typeof redirectsFileSchema>>;
