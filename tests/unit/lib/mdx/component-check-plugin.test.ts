import { pathToFileURL } from 'node:url';

import { mdxToJs } from 'satteri';
import { describe, expect, test } from 'vitest';

import { checkComponentUses } from '@/lib/mdx/component-check-plugin';

const contentDir = '/site/content';

/** Compiles MDX as Astro does for a file of the content folder, with the frontmatter Astro read. */
const compile = (path: string, body: string, frontmatter: Record<string, unknown> = {}) =>
  mdxToJs(body, {
    mdastPlugins: [checkComponentUses(contentDir, '/site')],
    fileURL: pathToFileURL(`${contentDir}/${path}`),
    // What Astro's MDX renderer passes: the frontmatter it read, and what its own plugins fill in.
    data: { astro: { frontmatter, headings: [], localImagePaths: new Set(), remoteImagePaths: new Set() } },
  });

/** The error a compile stops with, or undefined. */
async function compileError(...args: Parameters<typeof compile>) {
  try {
    await compile(...args);
    return undefined;
  } catch (error) {
    return error as Error & { line?: number; column?: number };
  }
}

// Astro replaces the frontmatter with blank lines before compiling, so lines are the file's.
const afterFrontmatter = '\n\n\n\n';

describe('the MDX compiler’s component check, for the build and npm run dev', () => {
  test('stops at a misspelt urgency with the content check’s line, at the tag’s line and column', async () => {
    const error = await compileError(
      'articles/cramps.mdx',
      `${afterFrontmatter}Text.\n\n<CareCard urgency="urgnet" heading="See a GP if:">\nx\n</CareCard>\n`,
    );
    expect(error?.message).toBe(
      'content/articles/cramps.mdx:7:1: article "cramps": <CareCard> urgency="urgnet" is not accepted. Fix: write urgency="non-urgent", "urgent" or "emergency" (how soon to act).',
    );
    expect([error?.line, error?.column]).toEqual([7, 1]);
  });

  test('stops at a citation beyond the references of the frontmatter', async () => {
    const error = await compileError(
      'articles/cramps.mdx',
      `${afterFrontmatter}One.<Cite n={1} /> Two.<Cite n={2} />\n`,
      {
        references: [{ title: 'Only one', url: 'https://example.org/' }],
      },
    );
    expect(error?.message).toBe(
      'content/articles/cramps.mdx:5:24: article "cramps": <Cite n={2} /> cites reference 2, but the article lists 1 reference. Fix: add the source to "references" in the frontmatter (they are numbered from 1 in order), or correct the number.',
    );
  });

  test('stops at a misspelt component', async () => {
    const error = await compileError('articles/cramps.mdx', '<Warnig>\nx\n</Warnig>\n');
    expect(error?.message).toMatch(
      /^content\/articles\/cramps\.mdx:1:1: article "cramps": there is no component <Warnig>\. Fix: /,
    );
  });

  test('lets a site page use the owner’s placeholder, which an article may not', async () => {
    const placeholder = '<OwnerToFill>\nWho runs the site.\n</OwnerToFill>\n';
    expect(await compileError('pages/about.mdx', placeholder)).toBeUndefined();
    expect((await compileError('articles/cramps.mdx', placeholder))?.message).toContain(
      '<OwnerToFill> is for site pages only, not articles.',
    );
  });

  test('compiles components used as their props say, and leaves MDX outside the content folder alone', async () => {
    const body =
      '<CareCard urgency="urgent" heading="Ask for help if:" level={3}>\nx\n</CareCard>\n\nText.<Cite n={1} />\n';
    expect(await compileError('articles/cramps.mdx', body, { references: [{}] })).toBeUndefined();
    const elsewhere = await mdxToJs('<CareCrad />\n', {
      mdastPlugins: [checkComponentUses(contentDir, '/site')],
      fileURL: pathToFileURL('/site/src/pages/x.mdx'),
    });
    expect(elsewhere.code).toContain('CareCrad');
  });
});
