/**
 * Redirects from old addresses, as the hosts read them. The build writes one `_redirects` file (Netlify's
 * format, which Cloudflare Pages reads too); `npm run preview` follows it with Netlify's semantics and the
 * Vercel writer turns it into Build Output routes, so the file is the one source of every host's redirects.
 *
 * A rule is an exact path, optionally with query conditions (`/ p=123 /articles/x/ 301!`): Netlify matches a
 * request carrying those parameters, Cloudflare Pages skips such a line (it reads `from to status` only).
 * Splats and placeholders are not written, and not read.
 */

/** An old address and the path on this site (base path included) it now leads to. */
export interface Redirect {
  /** Path on the old site's host, percent-encoded, with an optional `?name=value&…` query. */
  from: string;
  /** Path on this site, base path included: `/articles/leg-cramps/`. */
  to: string;
}

/** A line of `_redirects`. */
export interface RedirectRule {
  /** Path to match, percent-encoded. A trailing slash is optional when matching, as on Netlify. */
  path: string;
  /** Query parameters the request must carry, each with this exact value. */
  query: [name: string, value: string][];
  to: string;
  status: number;
  /** Netlify's `!`: applies even when a file exists at the path. */
  force: boolean;
}

/** Percent-escapes in one case, so `%e7` and `%E7` are one address. */
const upperEscapes = (path: string) => path.replace(/%[0-9a-f]{2}/gi, (escape) => escape.toUpperCase());

/**
 * The path as matching sees it: escapes upper-cased, runs of slashes as one (`//greek/` is a link some
 * WordPress exports hold), no trailing slash (except the root's).
 */
export const matchablePath = (path: string) =>
  upperEscapes(path)
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/+$/, '$1');

/** Splits an old address into its path and its query pairs. */
export function splitAddress(address: string): { path: string; query: [string, string][] } {
  const at = address.indexOf('?');
  if (at === -1) return { path: address, query: [] };
  const query = address
    .slice(at + 1)
    .split('&')
    .filter(Boolean)
    .map((pair): [string, string] => {
      const equals = pair.indexOf('=');
      return equals === -1 ? [pair, ''] : [pair.slice(0, equals), pair.slice(equals + 1)];
    });
  return { path: address.slice(0, at), query };
}

/**
 * What makes two old addresses the same for a host: the path as matched, and the query pairs in any order.
 * Two redirects with one key would send a reader to whichever the host reads first.
 */
export function addressKey(address: string): string {
  const { path, query } = splitAddress(address);
  const pairs = query.map(([name, value]) => `${name}=${value}`).sort();
  return pairs.length === 0 ? matchablePath(path) : `${matchablePath(path)}?${pairs.join('&')}`;
}

/**
 * The `_redirects` file: rules with query conditions first (a host reads the first rule that matches a
 * path), then the others, each group in order of its old address, so the file is the same on every build.
 */
export function redirectsFileText(redirects: readonly Redirect[]): string {
  const rules = redirects.map(({ from, to }) => ({ ...splitAddress(from), to }));
  const byAddress = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  const withQuery = rules.filter((rule) => rule.query.length > 0).sort(byAddress);
  const plain = rules.filter((rule) => rule.query.length === 0).sort(byAddress);
  // A query rule's path is usually a page that exists (`/` for `/?p=123`): Netlify follows a rule there only
  // when forced with `!`. A path-only rule is not forced, so it can never hide a page of this site.
  const lines = [...withQuery, ...plain].map(({ path, query, to }) =>
    [path, ...query.map(([name, value]) => `${name}=${value}`), to, query.length > 0 ? '301!' : '301'].join(' '),
  );
  return [
    '# Old addresses of the site this one replaced, and where each page is now (written by the build).',
    '# Netlify reads every line; Cloudflare Pages skips the lines with a query (name=value) condition.',
    ...lines,
    '',
  ].join('\n');
}

const STATUS = /^(30[1278])(!?)$/;

/**
 * Reads a `_redirects` file. Comments, blank lines and the kinds of rule this site never writes (rewrites,
 * splats, placeholders, other hosts, conditions other than a query) are skipped.
 */
export function parseRedirectsFile(text: string): RedirectRule[] {
  const rules: RedirectRule[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    if (fields[0] === '' || fields[0]!.startsWith('#')) continue;
    const status = STATUS.exec(fields.at(-1) ?? '');
    const statusGiven = status !== null;
    const to = fields.at(statusGiven ? -2 : -1)!;
    const [path, ...conditions] = fields.slice(0, statusGiven ? -2 : -1);
    if (!path?.startsWith('/') || !to.startsWith('/') || /[*:]/.test(path)) continue;
    if (!conditions.every((condition) => /^[^=]+=[^=]*$/.test(condition))) continue;
    rules.push({
      path,
      query: conditions.map((condition): [string, string] => {
        const at = condition.indexOf('=');
        return [condition.slice(0, at), condition.slice(at + 1)];
      }),
      to,
      status: status ? Number(status[1]) : 301,
      force: status?.[2] === '!',
    });
  }
  return rules;
}

/**
 * The first rule that matches a request, as Netlify picks it.
 * @param rawPath the request's path, percent-encoded as sent
 * @param search the request's query, with its `?`, or empty
 */
export function findRedirect(
  rules: readonly RedirectRule[],
  rawPath: string,
  search: string,
): RedirectRule | undefined {
  const path = matchablePath(rawPath);
  const params = new URLSearchParams(search);
  return rules.find(
    (rule) =>
      matchablePath(rule.path) === path &&
      rule.query.every(([name, value]) => params.getAll(name).some((given) => given === safeDecode(value))),
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/**
 * Where a matched rule sends the reader. A rule matched on its query leads to its own address only; any
 * other passes the request's query on, as Netlify does.
 */
export const redirectLocation = (rule: RedirectRule, search: string) =>
  rule.query.length === 0 && search !== '?' ? `${rule.to}${search}` : rule.to;
