/**
 * The site's HTTP response headers, defined once: security headers for every response and caching
 * by kind of file. The build writes them in each host's format (see `integrations/static-headers.ts`);
 * the preview server and the browser tests read them back from there.
 */

/** Headers for the responses whose path matches `path` (`*` matches anything, `/_astro/*`). */
export interface HeaderRule {
  path: string;
  headers: Record<string, string>;
  /**
   * Headers of earlier, broader rules that this path must not get (`! Name` in `_headers`). Cloudflare
   * Pages joins the values of a header set by several matching rules with a comma, which for a
   * Content-Security-Policy means both policies apply; detaching it first lets this rule replace it.
   */
  detach?: string[];
}

/** Where scripts run: the search page and the Pagefind files it loads (its worker among them). */
export const SCRIPT_PATHS = ['/search/*', '/pagefind/*'];

/** The search page, whose search box is a form that submits to the page itself. */
const SEARCH_PAGE_PATH = '/search/*';

/**
 * Where forms post back to the site: the question form on the static ask pages and on the pages the
 * question handler answers with (`/api/questions`). Every other page sends no form anywhere, except the
 * search page, whose search box submits to itself.
 */
export const FORM_PATHS = ['/articles/*/ask/', '/api/*'];

export interface PageStyles {
  /** `'sha256-…'` sources for every distinct inline `<style>` element the pages contain. */
  styleHashes: string[];
  /** Whether any page uses `style="…"` attributes (the Markdown renderer aligns table cells so). */
  styleAttributes: boolean;
}

/**
 * Content-Security-Policy: nothing but the site's own files, and no inline script at all. Pages run no
 * script unless `scripts` is set, which allows the site's own script files and compiling WebAssembly
 * (`'wasm-unsafe-eval'`, for Pagefind's search; it allows no `eval` of JavaScript), and submit no form
 * unless `forms` is set, which allows forms to the site itself.
 */
export function contentSecurityPolicy(
  { styleHashes, styleAttributes }: PageStyles,
  { scripts = false, forms = false }: { scripts?: boolean; forms?: boolean } = {},
): string {
  return [
    "default-src 'none'",
    scripts ? "script-src 'self' 'wasm-unsafe-eval'" : "script-src 'none'",
    `style-src 'self'${styleHashes.map((hash) => ` ${hash}`).join('')}`,
    // Style attributes cannot run code; they are allowed only when a page needs them.
    ...(styleAttributes ? ["style-src-attr 'unsafe-inline'"] : []),
    // Imported articles may show images from their old host.
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    forms ? "form-action 'self'" : "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * HTTPS only, for two years from each visit: every host the README names serves the site over HTTPS.
 * Not `includeSubDomains`, since the owner's other subdomains may not all serve HTTPS, and not `preload`,
 * a commitment for the whole domain that only its owner can make. `npm run preview` serves plain HTTP on
 * localhost, where browsers ignore this header, so it changes nothing there.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000';

/** Where the browser editor lives (`lib/editor/`), when a build includes it. */
export const EDITOR_PATH = '/admin/*';

/**
 * Headers of the browser editor's files. Decap CMS is a single-page application that styles itself with
 * inline styles, compiles its configuration's validators at run time (`'unsafe-eval'`), and reads and
 * writes the repository through GitHub's API (`connect` lists the origins it talks to besides the site);
 * it is never indexed. Only editors load it: readers' pages keep their own
 * policy.
 */
export function editorHeaders(connect: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': [
      "default-src 'self'",
      // Decap checks its configuration with Ajv, which compiles validators with `new Function`.
      "script-src 'self' 'unsafe-eval'",
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: blob: https:",
      "media-src 'self' blob:",
      `connect-src 'self'${connect.map((origin) => ` ${origin}`).join('')}`,
      "frame-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
    'X-Robots-Tag': 'noindex, nofollow',
    'Cache-Control': 'no-cache',
  };
}

export function headerRules(styles: PageStyles, editor?: { connect: readonly string[] }): HeaderRule[] {
  return [
    {
      path: '/*',
      headers: {
        'Content-Security-Policy': contentSecurityPolicy(styles),
        'X-Content-Type-Options': 'nosniff',
        'Referrer-Policy': 'strict-origin-when-cross-origin',
        'Permissions-Policy':
          'accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=(), interest-cohort=()',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'X-Frame-Options': 'DENY',
        'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY,
      },
    },
    // Pages keep the hosts' default caching, which revalidates HTML on every visit. Setting
    // Cache-Control on /* as well would be joined with the rule below on some hosts.
    {
      // Astro names these files after their content, so a changed file gets a new name.
      path: '/_astro/*',
      headers: { 'Cache-Control': 'public, max-age=31536000, immutable' },
    },
    // Search is the one page that runs a script; every other page keeps `script-src 'none'`.
    ...SCRIPT_PATHS.map((path) => ({
      path,
      detach: ['Content-Security-Policy'],
      // The search box submits to the search page itself.
      headers: {
        'Content-Security-Policy': contentSecurityPolicy(styles, { scripts: true, forms: path === SEARCH_PAGE_PATH }),
      },
    })),
    // The question form posts to the handler; these pages still run no script.
    ...FORM_PATHS.map((path) => ({
      path,
      detach: ['Content-Security-Policy'],
      headers: { 'Content-Security-Policy': contentSecurityPolicy(styles, { forms: true }) },
    })),
    ...(editor
      ? [{ path: EDITOR_PATH, detach: ['Content-Security-Policy'], headers: editorHeaders(editor.connect) }]
      : []),
  ];
}

/** The `_headers` file read by Netlify and Cloudflare Pages. */
export function toHeadersFile(rules: HeaderRule[], base = '/'): string {
  return rules
    .map(({ path, headers, detach = [] }) => {
      const lines = [
        ...detach.map((name) => `  ! ${name}`),
        ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`),
      ];
      return [`${base.replace(/\/$/, '')}${path}`, ...lines].join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

/** Reads a `_headers` file back into rules. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), headers: {} });
      continue;
    }
    const separator = line.indexOf(':');
    const rule = rules.at(-1);
    const detached = /^\s+!\s*(\S+)\s*$/.exec(line);
    if (rule && detached) (rule.detach ??= []).push(detached[1]!);
    else if (rule && separator > 0) rule.headers[line.slice(0, separator).trim()] = line.slice(separator + 1).trim();
  }
  return rules;
}

/**
 * Headers for a request path: every matching rule in order, each removing the headers it detaches, then
 * setting its own over earlier ones (Cloudflare Pages' result, given the detaching).
 */
export function headersForPath(rules: HeaderRule[], path: string): Record<string, string> {
  const matches = (pattern: string) =>
    new RegExp(
      `^${pattern
        .split('*')
        .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('.*')}$`,
    ).test(path);
  const headers = new Map<string, string>();
  for (const rule of rules.filter((candidate) => matches(candidate.path))) {
    for (const name of rule.detach ?? []) headers.delete(name);
    for (const [name, value] of Object.entries(rule.headers)) headers.set(name, value);
  }
  return Object.fromEntries(headers);
}
