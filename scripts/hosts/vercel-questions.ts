/**
 * Adds the question handler to Vercel's Build Output API folder: a Node.js function at `<base>api/questions`
 * (`functions/<base>api/questions.func/`), bundled with esbuild, with a copy of every ask page.
 * https://vercel.com/docs/build-output-api/primitives#serverless-functions
 */
import { cpSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { build } from 'esbuild';

/** `.vc-config.json` of the function: Node 22, the default export `(request, response)` of `index.mjs`. */
export const QUESTIONS_FUNCTION_CONFIG = {
  runtime: 'nodejs22.x',
  handler: 'index.mjs',
  launcherType: 'Nodejs',
  shouldAddHelpers: false,
} as const;

/** Writes the function; returns its folder and how many ask pages it carries. */
export async function writeVercelQuestionsFunction({
  dist,
  output,
  base,
}: {
  dist: string;
  output: string;
  base: string;
}): Promise<{ folder: string; askPages: number }> {
  const folder = join(output, 'functions', base, 'api', 'questions.func');
  mkdirSync(join(folder, 'ask-pages'), { recursive: true });
  await build({
    entryPoints: ['scripts/hosts/vercel-questions-function.ts'],
    outfile: join(folder, 'index.mjs'),
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'esm',
    // Bundled CommonJS libraries (proper-lockfile) call require(); an ES module has none of its own.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    logLevel: 'warning',
  });
  writeFileSync(join(folder, '.vc-config.json'), `${JSON.stringify(QUESTIONS_FUNCTION_CONFIG, null, 2)}\n`);
  writeFileSync(join(folder, 'package.json'), '{ "type": "module" }\n');
  const articles = join(dist, 'articles');
  let askPages = 0;
  for (const slug of existsSync(articles) ? readdirSync(articles) : []) {
    const page = join(articles, slug, 'ask', 'index.html');
    if (!existsSync(page)) continue;
    cpSync(page, join(folder, 'ask-pages', `${slug}.html`));
    askPages++;
  }
  return { folder, askPages };
}
