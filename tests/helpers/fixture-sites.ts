/**
 * The built sites that the site and browser tests read. A test file asks for the ones it needs at its top:
 *
 *     const FIXTURE_DIST = await builtSite('fixture');
 *
 * and gets the folder once the site is built. Each site is built on first use, at most once per run
 * across all test files and workers (a lock file makes the others wait), and not at all when nothing
 * it is built from has changed since the last build: a digest of its inputs (src/, public/, its content,
 * astro.config.ts, package-lock.json, the environment, this file…) is stored beside the build and
 * compared first. So `vitest run tests/browser/search.test.ts` builds only the sites that file uses, and
 * a second run builds nothing. A clean clone (CI) has no digest and builds everything it runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, globSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cp, mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { dump as dumpYaml, load as loadYaml } from 'js-yaml';
import lockfile from 'proper-lockfile';

import { importWordPress } from '@/lib/import/wordpress';
import { MediaImporter } from '@/lib/import/wordpress/media';
import { astroBuild, buildEnvironment } from './astro-build';
import { writeGeneratedFixtures } from './generated-fixtures';
import { startMediaHost, THEME_DATA_MEDIA_HOST } from './media-host';
import { FIXTURE_CONTENT, FIXTURE_SOURCE, TEST_CACHE, WORDPRESS_CONTENT } from './paths';
import { SUB_PATH, SUB_PATH_SITE_URL } from './sub-path';

const REPO = fileURLToPath(new URL('../../', import.meta.url));

/** Everything every build depends on: the site's code and settings, the packages, and how it is built. */
const SHARED_INPUTS = [
  'src',
  'public',
  'astro.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
  'tests/helpers/fixture-sites.ts',
  'tests/helpers/astro-build.ts',
  'tests/helpers/paths.ts',
  'tests/helpers/sub-path.ts',
  'tests/helpers/media-host.ts',
];

const WORDPRESS_EXPORTS = [
  'themeunittestdata.wordpress.xml',
  'hostile.wordpress.xml',
  'many-comments.wordpress.xml',
].map((name) => `tests/fixtures/wordpress/${name}`);

interface SiteRecipe {
  /** Where the build goes. */
  dist: string;
  /** Files and folders (below the repository) this site is built from, besides SHARED_INPUTS. */
  inputs: string[];
  /** Variables the build gets on top of the owner's environment. */
  env: Record<string, string>;
  /** Writes the content folder the build reads, when it is made from other files. */
  prepare?: () => Promise<void>;
  /** That content folder, which the tests read too. */
  content?: string;
}

export const SITES = {
  /** The real site, built into `dist/` as the owner builds it (in a test project: tests/helpers/astro-build.ts). */
  site: { dist: join(REPO, 'dist'), inputs: ['content'], env: {} },
  /** The same code built from the fixture content, copied and extended with generated comments. */
  fixture: {
    dist: join(TEST_CACHE, 'fixture-dist'),
    inputs: ['tests/fixtures/site', 'tests/fixtures/xss', 'tests/helpers/generated-fixtures.ts'],
    env: { CONTENT_DIR: FIXTURE_CONTENT },
    prepare: prepareFixtureContent,
    content: FIXTURE_CONTENT,
  },
  /** The real site under a sub-path, as for a GitHub project site. */
  'sub-path': {
    dist: join(TEST_CACHE, 'sub-path-dist'),
    inputs: ['content'],
    env: { CONTENT_DIR: resolve(REPO, 'content'), BASE_PATH: SUB_PATH, SITE_URL: SUB_PATH_SITE_URL },
  },
  /** WordPress's theme test data (pages too, and its media), a hostile export and one with 60 conversations, imported, then built. */
  wordpress: {
    dist: join(TEST_CACHE, 'wordpress-dist'),
    inputs: WORDPRESS_EXPORTS,
    env: { CONTENT_DIR: WORDPRESS_CONTENT },
    prepare: importWordPressContent,
    content: WORDPRESS_CONTENT,
  },
} satisfies Record<string, SiteRecipe>;

export type SiteName = keyof typeof SITES;

/** Copies the fixture articles and comments into FIXTURE_CONTENT and adds the generated ones. */
async function prepareFixtureContent() {
  rmSync(FIXTURE_CONTENT, { recursive: true, force: true });
  await cp(FIXTURE_SOURCE, FIXTURE_CONTENT, { recursive: true });
  writeGeneratedFixtures(FIXTURE_CONTENT);
}

/**
 * Imports the WordPress exports into WORDPRESS_CONTENT, with their media: the theme test data's media host
 * is rewritten to a local stand-in (tests/helpers/media-host.ts), as if the owner's WordPress were online.
 * Both blogs had a `/feed/`: the archive redirects of the second are added to the first's, each old
 * address once, as an owner merging two blogs would.
 */
async function importWordPressContent() {
  rmSync(WORDPRESS_CONTENT, { recursive: true, force: true });
  const host = await startMediaHost();
  try {
    for (const path of WORDPRESS_EXPORTS) {
      const xml = readFileSync(join(REPO, path), 'utf8').replaceAll(THEME_DATA_MEDIA_HOST, host.origin);
      await importWordPress({
        includePages: true,
        openExport: () => [xml],
        onFile: async (file) => {
          const target = join(WORDPRESS_CONTENT, file.path);
          await mkdir(dirname(target), { recursive: true });
          const merged = file.path === 'redirects.yaml' && existsSync(target);
          await writeFile(
            target,
            merged ? mergedRedirects(readFileSync(target, 'utf8'), file.contents) : file.contents,
          );
        },
        media: new MediaImporter({ outDir: WORDPRESS_CONTENT }),
      });
    }
  } finally {
    await host.close();
  }
}

function mergedRedirects(first: string, second: string): string {
  type Redirects = { redirects: { from: string; to: string }[] };
  const kept = (loadYaml(first) as Redirects).redirects;
  const taken = new Set(kept.map(({ from }) => from));
  const added = (loadYaml(second) as Redirects).redirects.filter(({ from }) => !taken.has(from));
  return dumpYaml({ redirects: [...kept, ...added] });
}

/**
 * Variables that differ between shells, npm and Vitest's workers but that no build reads: left out of
 * the digest, so that `npm test` and `npx vitest` share their builds. Every other variable counts.
 */
const VOLATILE_VARIABLE = /^(npm_|VITEST|TINYPOOL|INIT_CWD$|PWD$|OLDPWD$|SHLVL$|_$|PATH$|COLOR|FORCE_COLOR$|TERM)/;

/** SHA-256 of a site's inputs: every file's path and bytes, the build's environment, Node's version. */
export function inputDigest(name: SiteName): string {
  const recipe: SiteRecipe = SITES[name];
  const hash = createHash('sha256');
  const environment = Object.entries(buildEnvironment(recipe.env))
    .filter(([variable]) => !VOLATILE_VARIABLE.test(variable))
    .sort(([a], [b]) => (a < b ? -1 : 1));
  hash.update(JSON.stringify({ name, node: process.version, environment }));
  for (const input of [...SHARED_INPUTS, ...recipe.inputs]) {
    const path = join(REPO, input);
    const files = statSync(path).isDirectory()
      ? globSync('**/*', { cwd: path, withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => join(entry.parentPath, entry.name))
      : [path];
    for (const file of files.sort()) {
      hash.update(`\0${relative(REPO, file)}\0`);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}

/**
 * Every file a build wrote (the site and its prepared content) with its size and time of change: a
 * build that anyone changed or removed since (`npm run build` into `dist/`…) no longer matches.
 */
function outputFingerprint(recipe: SiteRecipe): string {
  const hash = createHash('sha256');
  for (const folder of [recipe.dist, recipe.content].filter((path) => path !== undefined)) {
    if (!existsSync(folder)) return '';
    const entries = globSync('**/*', { cwd: folder, withFileTypes: true }).filter((entry) => entry.isFile());
    for (const file of entries.map((entry) => join(entry.parentPath, entry.name)).sort()) {
      const { size, mtimeMs } = statSync(file);
      hash.update(`${relative(REPO, file)}\0${size}\0${mtimeMs}\n`);
    }
  }
  return hash.digest('hex');
}

/** Where the digest of a site's last build is kept: beside the builds, outside the built folder. */
const stampFile = (name: SiteName) => join(TEST_CACHE, 'digests', `${name}.json`);

interface Stamp {
  inputs: string;
  output: string;
}

function readStamp(name: SiteName): Stamp | undefined {
  try {
    return JSON.parse(readFileSync(stampFile(name), 'utf8')) as Stamp;
  } catch {
    return undefined;
  }
}

/** Whether the site's last build was made from these very inputs and is still as the build left it. */
export function isUpToDate(name: SiteName): boolean {
  const stamp = readStamp(name);
  return stamp?.inputs === inputDigest(name) && stamp.output === outputFingerprint(SITES[name]);
}

/** Builds a site now, whatever its digest says, and stores the digest of what it was built from. */
async function build(name: SiteName) {
  const recipe: SiteRecipe = SITES[name];
  rmSync(stampFile(name), { force: true });
  const inputs = inputDigest(name);
  await recipe.prepare?.();
  await astroBuild(recipe.dist, recipe.env);
  mkdirSync(dirname(stampFile(name)), { recursive: true });
  writeFileSync(stampFile(name), JSON.stringify({ inputs, output: outputFingerprint(recipe) }));
}

/** Longest a worker waits for another one's build of the same site. */
const LOCK_WAIT_MS = 15 * 60_000;

/**
 * The same build, one process at a time: the lock is a folder beside the stamp, refreshed while its
 * holder lives and taken over once it is a minute old (its holder has died).
 */
async function withBuildLock<T>(name: SiteName, work: () => Promise<T>): Promise<T> {
  const target = join(TEST_CACHE, 'digests', name);
  mkdirSync(dirname(target), { recursive: true });
  const release = await lockfile.lock(target, {
    realpath: false,
    stale: 60_000,
    retries: { retries: LOCK_WAIT_MS / 500, factor: 1, minTimeout: 500, maxTimeout: 500 },
  });
  try {
    return await work();
  } finally {
    await release();
  }
}

/**
 * The builds this worker asked for, kept for the worker's life (its files share their modules): a later
 * file gets the same folder without reading a digest again, and a build that failed fails the files after
 * it with the same error.
 */
const builds = new Map<SiteName, Promise<string>>();

/**
 * The folder of a built site, building it first unless its last build was made from the same inputs.
 * @throws Error with Astro's output when the build fails
 */
export function builtSite(name: SiteName): Promise<string> {
  let built = builds.get(name);
  if (!built) {
    built = withBuildLock(name, async () => {
      if (!isUpToDate(name)) await build(name);
      return SITES[name].dist;
    });
    builds.set(name, built);
  }
  return built;
}

/** Several built sites, built side by side when none is up to date; in the order named. */
export function builtSites<const Names extends readonly SiteName[]>(
  ...names: Names
): Promise<{ [Index in keyof Names]: string }> {
  return Promise.all(names.map((name) => builtSite(name))) as Promise<{ [Index in keyof Names]: string }>;
}
