/**
 * Deploying: the same code built for a domain's root and for a sub-path, and the host recipes
 * (GitHub Pages, Netlify, Cloudflare Pages, Vercel), each checked against the one source of headers.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import * as cheerio from 'cheerio';
import { load as loadYaml } from 'js-yaml';
import { parse as parseToml } from 'smol-toml';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';

import { checkLinks } from '../../scripts/link-check';
import { startStaticServer } from '../../scripts/static-server';
import { writeVercelOutput, type VercelBuildOutputConfig } from '../../scripts/hosts/vercel';
import { builtSites } from '../helpers/fixture-sites';
import { SUB_PATH, SUB_PATH_SITE_URL } from '../helpers/sub-path';
import { collectPageStyles } from '@/integrations/static-headers';
import { headerRules, headersForPath, parseHeadersFile } from '@/lib/headers/rules';

const [SITE_DIST, SUB_PATH_DIST] = await builtSites('site', 'sub-path');

const repoFile = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

/** The Node major the project pins: its `node` devDependency. */
const pinnedNodeMajor = Number(/\d+/.exec(JSON.parse(repoFile('package.json')).devDependencies.node)![0]);

/** Addresses below the base path that every host must answer with the right headers. */
const SAMPLE_PATHS = [
  '',
  'articles/leg-cramps-sign-of-pregnancy/',
  '404.html',
  'favicon.svg',
  '_astro/page.a1b2c3.css',
  // The one page that runs scripts, and the search library it loads: a policy of their own.
  'search/',
  'pagefind/pagefind-worker.js',
];

/** What the one source says a path below the base gets, for the pages of this build. */
const expectedHeaders = (dist: string, path: string) =>
  headersForPath(headerRules(collectPageStyles(dist)), `/${path}`);

/** Vercel's answer: the headers of every `continue` route that matches, in order, before the files are looked up. */
function vercelHeaders(config: VercelBuildOutputConfig, path: string): Record<string, string> {
  const beforeFiles = config.routes.slice(
    0,
    config.routes.findIndex((route) => 'handle' in route),
  );
  return Object.assign(
    {},
    ...beforeFiles.flatMap((route) =>
      'src' in route && route.continue && new RegExp(route.src).test(path) ? [route.headers] : [],
    ),
  );
}

let subPathDist: string;
beforeAll(async () => {
  subPathDist = SUB_PATH_DIST;
});

describe('a build under /health-blog/', () => {
  test('every internal link, asset and #fragment resolves, and none points outside /health-blog/', () => {
    const report = checkLinks({ dist: subPathDist, base: SUB_PATH, siteOrigin: SUB_PATH_SITE_URL });
    expect(report.pages.length).toBeGreaterThanOrEqual(3);
    expect(report.broken).toEqual([]);
  });

  test('the 404 page links only by absolute paths under /health-blog/, so it works at any depth', () => {
    const $ = cheerio.load(readFileSync(join(subPathDist, '404.html'), 'utf8'));
    const addresses = $('[href], [src]')
      .toArray()
      .map((element) => $(element).attr('href') ?? $(element).attr('src')!);
    expect(addresses.length).toBeGreaterThan(0);
    expect(addresses.filter((address) => !/^(#|https?:\/\/)/.test(address) && !address.startsWith(SUB_PATH))).toEqual(
      [],
    );
  });

  describe('served like a static host', () => {
    let url: string;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ url, close } = await startStaticServer({ root: subPathDist, base: SUB_PATH }));
    });
    afterAll(() => close());

    test('a missing page, and any address outside the prefix, gets the 404 page with status 404', async () => {
      const notFoundPage = readFileSync(join(subPathDist, '404.html'), 'utf8');
      for (const address of [`${url}no-such-page/`, new URL('/no-such-page/', url).href]) {
        const response = await fetch(address);
        expect(response.status, address).toBe(404);
        expect(await response.text(), address).toBe(notFoundPage);
      }
    });

    test('a page address without its trailing slash redirects to the address with it', async () => {
      const response = await fetch(`${url}articles/leg-cramps-sign-of-pregnancy`, { redirect: 'manual' });
      expect(response.status).toBe(301);
      expect(response.headers.get('location')).toBe(`${SUB_PATH}articles/leg-cramps-sign-of-pregnancy/`);
    });
  });
});

describe.each([
  { name: 'the root build', base: '/', dist: () => SITE_DIST },
  { name: 'the /health-blog/ build', base: SUB_PATH, dist: () => subPathDist },
])('$name', ({ base, dist }) => {
  test('has 404.html at the root of dist/, where every host looks for it', () => {
    expect(existsSync(join(dist(), '404.html'))).toBe(true);
  });

  test('writes dist/_headers (read by Netlify and Cloudflare Pages) with the headers of headerRules for every path', () => {
    const rules = parseHeadersFile(readFileSync(join(dist(), '_headers'), 'utf8'));
    for (const path of SAMPLE_PATHS) {
      expect(headersForPath(rules, `${base}${path}`), path).toEqual(expectedHeaders(dist(), path));
    }
  });

  test("keeps dist/_headers within Cloudflare Pages' limits: 100 rules, 2,000 characters a line", () => {
    const text = readFileSync(join(dist(), '_headers'), 'utf8');
    expect(parseHeadersFile(text).length).toBeLessThanOrEqual(100);
    expect(text.split('\n').filter((line) => line.length > 2000)).toEqual([]);
  });

  describe('for Vercel', () => {
    let output: string;
    let config: VercelBuildOutputConfig;
    beforeAll(() => {
      output = mkdtempSync(join(tmpdir(), 'vercel-output-'));
      writeVercelOutput({ dist: dist(), output, base });
      config = JSON.parse(readFileSync(join(output, 'config.json'), 'utf8'));
    });
    afterAll(() => rmSync(output, { recursive: true, force: true }));

    test('writes .vercel/output/config.json with the headers of headerRules for every path', () => {
      for (const path of SAMPLE_PATHS) {
        expect(vercelHeaders(config, `${base}${path}`), path).toEqual(expectedHeaders(dist(), path));
      }
    });

    test('serves the files under the base path, without the _headers file', () => {
      const staticRoot = join(output, 'static', base);
      expect(existsSync(join(staticRoot, 'index.html'))).toBe(true);
      expect(existsSync(join(staticRoot, 'articles/leg-cramps-sign-of-pregnancy/index.html'))).toBe(true);
      expect(existsSync(join(staticRoot, '_headers'))).toBe(false);
    });

    test('answers any address no file matches with the 404 page and status 404', () => {
      expect(config.routes.slice(-2)).toEqual([
        { handle: 'filesystem' },
        { src: '^/.*$', dest: `${base}404.html`, status: 404 },
      ]);
      expect(existsSync(join(output, 'static', base, '404.html'))).toBe(true);
    });
  });
});

describe('Netlify: netlify.toml', () => {
  const netlify = parseToml(repoFile('netlify.toml')) as {
    build: { command: string; publish: string; environment: Record<string, string> };
    functions?: Record<string, string>;
    plugins?: { package: string }[];
  };

  test('builds with npm run build on the pinned Node major and publishes dist/', () => {
    expect(netlify.build.command).toMatch(/\bnpm run build$/);
    expect(netlify.build.publish).toBe('dist');
    expect(Number(netlify.build.environment.NODE_VERSION)).toBe(pinnedNodeMajor);
  });

  test("gives canonical URLs the site's main address unless SITE_URL is set", () => {
    expect(netlify.build.command).toContain('SITE_URL=${SITE_URL:-$URL}');
  });

  test('sets no headers, redirects or rewrites of its own: dist/_headers is the one source of headers', () => {
    expect(Object.keys(netlify).sort()).toEqual(['build', 'functions', 'plugins']);
  });

  test("keeps Astro's build cache between deploys with the local plugin, restored before the build, saved after it", async () => {
    expect(netlify.plugins).toEqual([{ package: './netlify/plugins/astro-build-cache' }]);
    const plugin = (await import('../../netlify/plugins/astro-build-cache/index.js')) as {
      onPreBuild: (options: { utils: unknown }) => Promise<void>;
      onPostBuild: (options: { utils: unknown }) => Promise<void>;
    };
    const calls: string[] = [];
    const cache = {
      restore: async (path: string) => void calls.push(`restore ${path}`),
      save: async (path: string) => void calls.push(`save ${path}`),
    };
    await plugin.onPreBuild({ utils: { cache } });
    await plugin.onPostBuild({ utils: { cache } });
    expect(calls).toEqual(['restore node_modules/.astro', 'save node_modules/.astro']);
  });

  test('names the folder of the question handler, and nothing else about functions', () => {
    expect(netlify.functions).toEqual({ directory: 'netlify/functions', node_bundler: 'esbuild' });
    expect(repoFile('netlify/functions/questions.ts')).toContain("path: '/api/questions'");
  });
});

describe('Vercel: vercel.json', () => {
  const vercel = JSON.parse(repoFile('vercel.json'));

  test('redirects /dir to /dir/ and keeps .html addresses as they are, as trailingSlash "always" builds them', () => {
    expect(vercel).toMatchObject({ trailingSlash: true, cleanUrls: false });
  });

  test('builds the site, then writes .vercel/output with the headers of the build', () => {
    expect(vercel.installCommand).toBe('npm ci');
    expect(vercel.buildCommand).toMatch(/\bnpm run build && npx tsx scripts\/hosts\/write-vercel-output\.ts$/);
    expect(existsSync(new URL('../../scripts/hosts/write-vercel-output.ts', import.meta.url))).toBe(true);
  });

  test('sets no headers, routes or rewrites of its own, which could not know the style hashes', () => {
    expect(Object.keys(vercel).filter((key) => /headers|routes|rewrites|redirects/i.test(key))).toEqual([]);
  });
});

describe('Cloudflare Pages and Netlify', () => {
  test('get no _redirects file: their defaults already redirect /dir to /dir/ and serve 404.html', () => {
    expect(existsSync(new URL('../../public/_redirects', import.meta.url))).toBe(false);
    expect(existsSync(join(SITE_DIST, '_redirects'))).toBe(false);
  });
});

describe('the other hosts: .github/workflows/daily-build-hook.yml', () => {
  const workflow = loadYaml(repoFile('.github/workflows/daily-build-hook.yml')) as {
    on: { schedule: { cron: string }[] };
    permissions: Record<string, string>;
    jobs: Record<string, { env: Record<string, string>; steps: { if?: string; run?: string }[] }>;
  };
  const [job] = Object.values(workflow.jobs);

  test('posts to the host’s build hook every day, so that scheduled articles appear on their day', () => {
    expect(workflow.on.schedule.map(({ cron }) => cron)).toEqual([expect.stringMatching(/^\d{1,2} \d{1,2} \* \* \*$/)]);
    expect(job!.env.BUILD_HOOK_URL).toBe('${{ secrets.BUILD_HOOK_URL }}');
    expect(job!.steps.map((step) => step.run)).toEqual([
      expect.stringMatching(/^curl .*--request POST "\$BUILD_HOOK_URL"$/),
    ]);
  });

  test('does nothing without a hook, with no token permissions at all', () => {
    expect(job!.steps.every((step) => step.if === "env.BUILD_HOOK_URL != ''")).toBe(true);
    expect(workflow.permissions).toEqual({});
  });
});

describe('GitHub Pages: .github/workflows/deploy.yml', () => {
  interface Step {
    id?: string;
    uses?: string;
    run?: string;
    with?: Record<string, unknown>;
    env?: Record<string, string>;
  }
  interface Job {
    needs?: string;
    environment?: { name: string };
    steps: Step[];
  }
  const workflow = loadYaml(repoFile('.github/workflows/deploy.yml')) as {
    on: { push: { branches: string[] }; schedule?: { cron: string }[] };
    permissions: Record<string, string>;
    jobs: { build: Job; deploy: Job };
  };
  const { build, deploy } = workflow.jobs;
  const action = (job: Job, name: string) => job.steps.find((step) => step.uses?.startsWith(`actions/${name}@`));
  const runIndex = (command: string) => build.steps.findIndex((step) => step.run === command);

  test('deploys every push to main, with the permissions a Pages deployment needs', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.permissions).toMatchObject({ pages: 'write', 'id-token': 'write' });
  });

  test('builds again every day, so that scheduled articles appear on their day', () => {
    // Minute and hour fixed, every day of every month, any weekday: once a day.
    expect(workflow.on.schedule?.map(({ cron }) => cron)).toEqual([
      expect.stringMatching(/^\d{1,2} \d{1,2} \* \* \*$/),
    ]);
  });

  test('installs with npm ci and builds on the pinned Node major', () => {
    expect(action(build, 'setup-node')?.with?.['node-version']).toBe(pinnedNodeMajor);
    expect(runIndex('npm ci')).toBeGreaterThan(-1);
    expect(runIndex('npm run build')).toBeGreaterThan(runIndex('npm ci'));
  });

  test("keeps Astro's build cache between deploys, restored after npm ci empties node_modules/", () => {
    const cache = action(build, 'cache');
    expect(cache?.with).toMatchObject({ path: 'node_modules/.astro', 'restore-keys': expect.any(String) });
    // A key of its own for every run (a cache entry is never overwritten), restored by its prefix.
    expect(String(cache!.with!.key)).toContain('${{ github.run_id }}');
    expect(String(cache!.with!.key).startsWith(String(cache!.with!['restore-keys']))).toBe(true);
    const cacheIndex = build.steps.indexOf(cache!);
    expect(cacheIndex).toBeGreaterThan(runIndex('npm ci'));
    expect(cacheIndex).toBeLessThan(runIndex('npm run build'));
  });

  test("builds with the Pages origin as SITE_URL, the repository's path as BASE_PATH, and redirect pages", () => {
    const pages = action(build, 'configure-pages');
    expect(pages?.id).toBeDefined();
    expect(build.steps[runIndex('npm run build')]!.env).toEqual({
      SITE_URL: `\${{ steps.${pages!.id}.outputs.origin }}`,
      BASE_PATH: `\${{ steps.${pages!.id}.outputs.base_path }}`,
      REDIRECT_PAGES: 'true',
    });
  });

  test('uploads dist/ and deploys it to the github-pages environment', () => {
    expect(String(action(build, 'upload-pages-artifact')?.with?.path).replace(/\/$/, '')).toBe('dist');
    expect(deploy.needs).toBe('build');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(action(deploy, 'deploy-pages')).toBeDefined();
  });

  test.each([
    ['/my-repo', '/my-repo/'],
    ['', '/'],
  ])('the base path configure-pages reports, "%s", becomes the site\'s base path %s', async (basePath, expected) => {
    vi.stubEnv('BASE_PATH', basePath);
    vi.resetModules();
    const { site } = await import('@/config/site');
    vi.unstubAllEnvs();
    expect(site.basePath).toBe(expected);
  });
});
