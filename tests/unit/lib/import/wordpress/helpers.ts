/**
 * Shared helpers for the WordPress importer tests: fixtures, a tiny WXR writer for focused cases,
 * and reading imported files back through the site's own MDX pipeline and schemas.
 */
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import mdxRenderer from '@astrojs/mdx/server.js';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';

import { importWordPress, type WordPressImportOptions } from '@/lib/import/wordpress';
import { articleSchema } from '@/schemas/article';

export const fixturePath = (name: string) =>
  fileURLToPath(new URL(`../../../../fixtures/wordpress/${name}`, import.meta.url));

export const THEME_DATA = fixturePath('themeunittestdata.wordpress.xml');
export const SEED_EXPORT = fixturePath('leg-cramps-sign-of-pregnancy.wordpress.xml');
export const HOSTILE_EXPORT = fixturePath('hostile.wordpress.xml');

type ImportOptions = Pick<WordPressImportOptions, 'includePages' | 'includePingbacks'>;

/** Imports an export held in memory or on disk; the files come back by path. */
export async function importExport(source: { path: string } | { xml: string }, options: ImportOptions = {}) {
  const files = new Map<string, string>();
  const report = await importWordPress({
    ...options,
    openExport: () => ('path' in source ? createReadStream(source.path) : [source.xml]),
    onFile: (file) => {
      files.set(file.path, file.contents);
    },
  });
  return { report, files };
}

/** The files of one kind (`articles` or `comments`) by slug. */
export function filesOf(files: ReadonlyMap<string, string>, folder: 'articles' | 'comments') {
  const bySlug = new Map<string, string>();
  for (const [path, contents] of files) {
    const match = new RegExp(`^${folder}/(.+)\\.(?:mdx|json)$`).exec(path);
    if (match) bySlug.set(match[1]!, contents);
  }
  return bySlug;
}

/** An article file's body: what follows the frontmatter. */
export const bodyOf = (contents: string) => contents.replace(/^---\n[\s\S]*?\n---\n\n?/, '');

const temporaryFolders: string[] = [];

/** A new empty temporary folder, removed by {@link removeTemporaryFolders}. */
export async function temporaryFolder(prefix = 'wordpress-import-test-'): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), prefix));
  temporaryFolders.push(folder);
  return folder;
}

/** Removes every folder made by {@link temporaryFolder}; call it from `afterAll`. */
export async function removeTemporaryFolders() {
  await Promise.all(temporaryFolders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
}

/** Writes files into a new temporary folder, as the command would, and returns the folder. */
export async function writeToTemporaryFolder(files: ReadonlyMap<string, string>): Promise<string> {
  const folder = await temporaryFolder();
  for (const [path, contents] of files) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), contents);
  }
  return folder;
}

interface MdxModule {
  default: Parameters<AstroContainer['renderToString']>[0];
  frontmatter: Record<string, unknown>;
}

/** Loads an MDX file through the site's Vite and MDX pipeline, as the build does. */
export const loadMdx = (path: string) => import(/* @vite-ignore */ path) as Promise<MdxModule>;

/**
 * The article's frontmatter checked by the site's schema. Vite hands dates over as ISO strings;
 * they were YAML dates in the file, so they go back in as dates.
 */
export function parseFrontmatter(frontmatter: Record<string, unknown>) {
  const asDate = (value: unknown) => (typeof value === 'string' ? new Date(value) : value);
  return articleSchema().parse({
    ...frontmatter,
    published: asDate(frontmatter.published),
    ...(frontmatter.updated === undefined ? {} : { updated: asDate(frontmatter.updated) }),
  });
}

let container: AstroContainer | undefined;

/** Renders an MDX file to HTML with the site's MDX renderer. */
export async function renderMdx(path: string): Promise<string> {
  if (!container) {
    container = await AstroContainer.create();
    container.addServerRenderer({ renderer: mdxRenderer });
  }
  return container.renderToString((await loadMdx(path)).default);
}

const cdata = (value: string) => `<![CDATA[${value.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

export interface CommentSpec {
  id: number;
  parent?: number;
  approved?: '1' | '0' | 'spam' | 'trash';
  type?: '' | 'comment' | 'pingback' | 'trackback';
  author?: string;
  authorUrl?: string;
  dateGmt?: string;
  content?: string;
}

export interface ItemSpec {
  id: number;
  title?: string;
  slug?: string;
  type?: string;
  status?: string;
  password?: string;
  content?: string;
  excerpt?: string;
  dateGmt?: string;
  modifiedGmt?: string;
  creator?: string;
  parentId?: number;
  attachmentUrl?: string;
  imageAlt?: string;
  /** Attachment id of the post's featured image (`_thumbnail_id`). */
  featuredImageId?: number;
  terms?: { domain: string; slug: string; name: string }[];
  comments?: CommentSpec[];
}

function commentXml(comment: CommentSpec): string {
  return `<wp:comment>
  <wp:comment_id>${comment.id}</wp:comment_id>
  <wp:comment_author>${cdata(comment.author ?? `Reader ${comment.id}`)}</wp:comment_author>
  <wp:comment_author_email>reader${comment.id}@example.com</wp:comment_author_email>
  <wp:comment_author_url>${cdata(comment.authorUrl ?? '')}</wp:comment_author_url>
  <wp:comment_author_IP>192.0.2.${comment.id % 250}</wp:comment_author_IP>
  <wp:comment_date>${comment.dateGmt ?? `2024-01-01 10:${String(comment.id % 60).padStart(2, '0')}:00`}</wp:comment_date>
  <wp:comment_date_gmt>${comment.dateGmt ?? `2024-01-01 10:${String(comment.id % 60).padStart(2, '0')}:00`}</wp:comment_date_gmt>
  <wp:comment_content>${cdata(comment.content ?? `Comment ${comment.id}`)}</wp:comment_content>
  <wp:comment_approved>${comment.approved ?? '1'}</wp:comment_approved>
  <wp:comment_type>${comment.type ?? 'comment'}</wp:comment_type>
  <wp:comment_parent>${comment.parent ?? 0}</wp:comment_parent>
</wp:comment>`;
}

function itemXml(item: ItemSpec): string {
  const meta =
    (item.imageAlt
      ? `<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value>${cdata(item.imageAlt)}</wp:meta_value></wp:postmeta>`
      : '') +
    (item.featuredImageId
      ? `<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${item.featuredImageId}</wp:meta_value></wp:postmeta>`
      : '');
  return `<item>
  <title>${cdata(item.title ?? `Post ${item.id}`)}</title>
  <link>https://blog.example/?p=${item.id}</link>
  <dc:creator>${cdata(item.creator ?? 'writer')}</dc:creator>
  <content:encoded>${cdata(item.content ?? `<p>Body of post ${item.id}.</p>`)}</content:encoded>
  <excerpt:encoded>${cdata(item.excerpt ?? '')}</excerpt:encoded>
  <wp:post_id>${item.id}</wp:post_id>
  <wp:post_date>${item.dateGmt ?? '2024-01-01 09:00:00'}</wp:post_date>
  <wp:post_date_gmt>${item.dateGmt ?? '2024-01-01 09:00:00'}</wp:post_date_gmt>
  <wp:post_modified_gmt>${item.modifiedGmt ?? item.dateGmt ?? '2024-01-01 09:00:00'}</wp:post_modified_gmt>
  <wp:post_name>${cdata(item.slug ?? `post-${item.id}`)}</wp:post_name>
  <wp:status>${item.status ?? 'publish'}</wp:status>
  <wp:post_parent>${item.parentId ?? 0}</wp:post_parent>
  <wp:menu_order>0</wp:menu_order>
  <wp:post_type>${item.type ?? 'post'}</wp:post_type>
  <wp:post_password>${cdata(item.password ?? '')}</wp:post_password>
  ${item.attachmentUrl ? `<wp:attachment_url>${cdata(item.attachmentUrl)}</wp:attachment_url>` : ''}
  ${meta}
  ${(item.terms ?? []).map((term) => `<category domain="${term.domain}" nicename="${term.slug}">${cdata(term.name)}</category>`).join('\n  ')}
  ${(item.comments ?? []).map(commentXml).join('\n  ')}
</item>`;
}

/** A small WXR 1.2 export with the given items, written by the WordPress exporter's rules. */
export function wxr(...items: ItemSpec[]): string {
  return `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
<title>Test blog</title>
<link>https://blog.example</link>
<wp:wxr_version>1.2</wp:wxr_version>
<wp:author><wp:author_login>writer</wp:author_login><wp:author_email>writer@blog.example</wp:author_email><wp:author_display_name>${cdata('Wendy Writer')}</wp:author_display_name></wp:author>
${items.map(itemXml).join('\n')}
</channel>
</rss>
`;
}
