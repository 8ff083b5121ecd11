/**
 * Fake content for the route data tests (`tests/unit/lib/routes/`), as Starlight's tests do it: the real
 * `astro:content` module with `getCollection` answering from entries parsed by the site's real schemas,
 * so a test's content is exactly what a build would give the page. Use it from a `vi.mock` factory:
 *
 *   vi.mock('astro:content', async () => (await import('../../../helpers/route-content')).mockedAstroContent({ … }));
 *   vi.mock('@/config/content-dir', async () => (await import('../../../helpers/route-content')).mockedContentDir());
 *
 * The second mock points the content folder at one that has `people/` and `pages/`, which `lib/content.ts`
 * looks for before it asks for those collections.
 */
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { z } from 'astro/zod';
import { vi } from 'vitest';

import { articleSchema } from '@/schemas/article';
import type { commentsFileSchema } from '@/schemas/comments';
import { sitePageSchema } from '@/schemas/page';
import { personSchema } from '@/schemas/person';

import { storedCommentsEntry } from './stored-comments';

type Input<Schema extends () => z.ZodType> = z.input<ReturnType<Schema>>;

/** A content entry as the glob loader gives it. */
interface FakeEntry {
  id: string;
  collection: string;
  data: unknown;
  body?: string | undefined;
  filePath: string;
  digest: string;
}

export interface FakeContent {
  /** `[slug, frontmatter, body]`: `content/articles/<slug>.mdx`. */
  articles?: [slug: string, frontmatter: Input<typeof articleSchema>, body?: string][];
  /** `[id, fields]`: `content/people/<id>.yaml`. */
  people?: [id: string, fields: Input<typeof personSchema>][];
  /** `[file id, comments]`: `content/comments/<file id>.json`. */
  comments?: [fileId: string, comments: Input<typeof commentsFileSchema>['comments']][];
  /** `[slug, frontmatter, body]`: `content/pages/<slug>.mdx`. */
  pages?: [slug: string, frontmatter: Input<typeof sitePageSchema>, body?: string][];
}

/** A content entry as the glob loader gives it, its data parsed by the real schema. */
function entry(
  collection: string,
  folder: string,
  id: string,
  data: unknown,
  extension: string,
  body?: string,
): FakeEntry {
  return {
    id,
    collection,
    data,
    body,
    filePath: `content/${folder}/${id}.${extension}`,
    // Stands for the file's hash: the same content gives the same digest.
    digest: JSON.stringify([data, body]),
  };
}

/** The real `astro:content` with `getCollection` answering from `content`. */
export async function mockedAstroContent(content: FakeContent) {
  const actual = await vi.importActual<typeof import('astro:content')>('astro:content');
  const collections: Record<string, FakeEntry[]> = {
    articles: (content.articles ?? []).map(([slug, data, body = '']) =>
      entry('articles', 'articles', slug, articleSchema().parse(data), 'mdx', body),
    ),
    people: (content.people ?? []).map(([id, data]) =>
      entry('people', 'people', id, personSchema().parse(data), 'yaml'),
    ),
    comments: (content.comments ?? []).map(([id, comments]) => storedCommentsEntry(id, comments)),
    sitePages: (content.pages ?? []).map(([slug, data, body = '']) =>
      entry('sitePages', 'pages', slug, sitePageSchema().parse(data), 'mdx', body),
    ),
  };
  return {
    ...actual,
    getCollection: async (collection: string, filter?: (entry: FakeEntry) => unknown) => {
      const entries = collections[collection] ?? [];
      return filter ? entries.filter(filter) : [...entries];
    },
  };
}

/** `config/content-dir` naming an empty content folder that has `people/` and `pages/`. */
export function mockedContentDir() {
  const contentDir = join(tmpdir(), 'health-site-route-content');
  for (const folder of ['articles', 'comments', 'people', 'pages'])
    mkdirSync(join(contentDir, folder), { recursive: true });
  return { DEFAULT_CONTENT_DIR: './content', contentDir };
}
