/**
 * A Sätteri mdast plugin that checks the site's components while Astro compiles an article or a site
 * page, in `npm run build` and in `npm run dev`: the first component used against its declared props
 * stops the compile with the content check's own line (`file:line:column: article "x": … Fix: …`).
 * The build runs the content check first, so it rarely gets here; `npm run dev` does, and Astro shows
 * the error in the browser's error overlay at that line and column.
 */
import { relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { MdastPluginDefinition, PluginFactoryContext } from 'satteri';

import { formatProblem } from '@/lib/content-check/problems';
import { ARTICLE_COMPONENT_NAMES, PAGE_COMPONENT_NAMES } from '@/schemas/components';
import { componentUseVisitor, type MdxContext } from '@/lib/mdx/component-uses';

/** Thrown at the first bad component: `line` and `column` are where Astro's overlay points. */
export class ComponentUseError extends Error {
  override name = 'ComponentUseError';
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
  }
}

/** Which content file an MDX file is, from its path inside the content folder. */
function contentEntry(path: string, contentDir: string): { folder: 'articles' | 'pages'; slug: string } | undefined {
  const inside = relative(resolve(contentDir), path).split(sep).join('/');
  const match = /^(articles|pages)\/(.+)\.mdx$/.exec(inside);
  return match ? { folder: match[1] as 'articles' | 'pages', slug: match[2]! } : undefined;
}

/** The number of references in the frontmatter Astro read, when it is a list. */
function referenceCount(data: PluginFactoryContext['data']): number | undefined {
  const frontmatter = (data as { astro?: { frontmatter?: { references?: unknown } } }).astro?.frontmatter;
  return Array.isArray(frontmatter?.references) ? frontmatter.references.length : undefined;
}

/**
 * The plugin for `satteri({ mdastPlugins: [checkComponentUses(contentDir)] })`. Files outside the
 * content folder's `articles/` and `pages/` are left alone.
 * @param root folder that file names in messages are relative to, as in the content check
 */
export function checkComponentUses(contentDir: string, root = process.cwd()) {
  return (context: PluginFactoryContext): MdastPluginDefinition | null => {
    if (context.sourceFormat !== 'mdx' || context.fileURL === undefined) return null;
    const path = fileURLToPath(context.fileURL);
    const entry = contentEntry(path, contentDir);
    if (!entry) return null;
    const check: MdxContext =
      entry.folder === 'articles'
        ? { components: ARTICLE_COMPONENT_NAMES, referenceCount: referenceCount(context.data) }
        : { components: PAGE_COMPONENT_NAMES };
    const file = relative(root, path) || path;
    const name = `${entry.folder === 'articles' ? 'article' : 'page'} "${entry.slug}"`;
    return componentUseVisitor(check, ({ line, column, ...problem }) => {
      throw new ComponentUseError(formatProblem({ file, line, column, entry: name, ...problem }), line, column);
    });
  };
}
