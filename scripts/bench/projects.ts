/**
 * The two Astro projects the benchmark builds, both in its temporary folder and both using the repo's
 * installed packages through symlinks (one per package, so each project's own caches, Vite's and
 * Astro's, stay in its own `node_modules` and never touch the repo's):
 * - a snapshot of the real site code (everything but content, tests and build output), so a build
 *   neither sees edits made while the benchmark runs nor shares the repo's `.astro/` folder with
 *   builds other people start meanwhile (Astro writes the content module list there on every build);
 * - the bare baseline: one page template rendering each article's `<Content />`, Astro's defaults
 *   otherwise (the MDX integration, the built-in Markdown processor), no comments, no styles.
 */
import { cpSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Top-level entries of the repo a site build does not need (or must not see). */
const NOT_SITE_CODE = new Set([
  '.git',
  '.astro',
  'node_modules',
  'dist',
  'content',
  'tests',
  'reports',
  'test-results',
]);

/** Copies the site code from `repo` into `dir` and links the repo's packages. */
export function snapshotSite(repo: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of readdirSync(repo)) {
    if (!NOT_SITE_CODE.has(entry)) cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  }
  linkPackages(repo, dir);
}

/**
 * Gives `dir` a `node_modules` of its own whose entries link to the repo's packages. Dot-folders
 * (`.vite`, `.astro`, `.cache`) are caches, not packages: each project starts without them.
 */
function linkPackages(repo: string, dir: string): void {
  const modules = join(dir, 'node_modules');
  mkdirSync(modules, { recursive: true });
  for (const entry of readdirSync(join(repo, 'node_modules'))) {
    if (!entry.startsWith('.')) symlinkSync(join(repo, 'node_modules', entry), join(modules, entry), 'dir');
  }
}

/**
 * Empties every cache a build of `projectDir` reads: Astro's content cache and data store
 * (`node_modules/.astro`, where the site keeps a folder per content directory), Vite's optimised
 * dependencies (`node_modules/.vite`) and generated types (`.astro`). The next build is cold, like
 * the first build of a fresh clone.
 */
export function clearCaches(projectDir: string): void {
  for (const cache of ['node_modules/.astro', 'node_modules/.vite', '.astro']) {
    rmSync(join(projectDir, cache), { recursive: true, force: true });
  }
}

/** Environment variable naming the articles folder the baseline builds. */
export const BASELINE_ARTICLES_ENV = 'BENCH_ARTICLES_DIR';

const BASELINE_FILES: Record<string, string> = {
  'package.json': `${JSON.stringify({ name: 'bench-baseline', private: true, type: 'module' }, null, 2)}\n`,
  'astro.config.mjs': `import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({ integrations: [mdx()] });
`,
  'src/content.config.ts': `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const articles = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: process.env.${BASELINE_ARTICLES_ENV} }),
});

export const collections = { articles };
`,
  'src/pages/articles/[slug].astro': `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const articles = await getCollection('articles');
  return articles.map((article) => ({ params: { slug: article.id }, props: { article } }));
}

const { article } = Astro.props;
const { Content } = await render(article);
---

<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>{article.data.title}</title>
  </head>
  <body>
    <h1>{article.data.title}</h1>
    <Content />
  </body>
</html>
`,
};

/** Writes the bare baseline project into `dir`. */
export function writeBaselineProject(repo: string, dir: string): void {
  for (const [file, text] of Object.entries(BASELINE_FILES)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  linkPackages(repo, dir);
}
