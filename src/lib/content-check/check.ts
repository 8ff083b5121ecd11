/**
 * Checks the content folder before a build: every article's frontmatter, every comments file, every
 * thread. Reads the files itself, so it runs in a second without building (`npm run check:content`)
 * and reports every problem of the run at once, one line each.
 */
import { existsSync, globSync, readdirSync } from 'node:fs';
import { basename, extname, join, relative } from 'node:path';

import { buildThread, CommentThreadError } from '@/lib/comments/thread';
import { parseFrontmatter, parseJson, parseYaml, readContentFile } from '@/lib/content-files';
import { CommentsFileError, validateComments } from '@/lib/questions/comments-file';
import { citedReferences } from '@/lib/editorial/references';
import { RESERVED_PAGE_SLUGS } from '@/lib/urls';
import { articleSchema, type ArticleData } from '@/schemas/article';
import type { CommentData } from '@/schemas/comments';
import { sitePageSchema } from '@/schemas/page';
import { PERSON_ID, personSchema } from '@/schemas/person';

import type { ContentProblem } from './problems';
import { schemaProblems } from './schema-problems';

/** What the check found for one article. */
export interface ArticleCounts {
  slug: string;
  draft: boolean;
  /** The day the article is published: a later day than the build's is a scheduled article. */
  published: Date;
  /** Comments that will be published. */
  approved: number;
  pending: number;
  spam: number;
}

export interface ContentReport {
  /** Problems that must stop a build. */
  problems: ContentProblem[];
  /** Things worth knowing that are not errors, one line each. */
  notes: string[];
  /** Every valid article, with its comment counts. */
  articles: ArticleCounts[];
}

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Marks text in a site page that the owner must replace with facts: see `components/OwnerToFill.astro`. */
const OWNER_TO_FILL = /<OwnerToFill[\s>]/g;

const PERSON_ID_FIX = 'write the id of a person in content/people: their file name without .yaml, such as jane-smith.';

/** Fixes for article fields whose values follow rules of their own. */
const ARTICLE_FIXES = { author: PERSON_ID_FIX, 'medicalReview.reviewer': PERSON_ID_FIX };

/** Locates a schema issue in a file that holds one entry: the field is the issue's whole path. */
const fieldOf = (entry: string) => (fieldPath: readonly PropertyKey[]) => ({
  entry,
  field: fieldPath.length > 0 ? fieldPath.map(String).join('.') : undefined,
});

/**
 * @param contentDir folder holding `articles/`, `comments/`, `people/` and `pages/`
 * @param root folder that file names in messages are relative to (the project)
 */
export function checkContent(contentDir: string, root = process.cwd()): ContentReport {
  const problems: ContentProblem[] = [];
  const notes: string[] = [];
  const display = (path: string) => relative(root, join(contentDir, path)) || path;
  // Made once: building a schema costs more than checking a file with it.
  const frontmatterSchema = articleSchema();

  problems.push(...ignoredFiles(contentDir, display));
  notes.push(...unreadEntries(contentDir, display));

  // People, first: articles name them.
  const people = checkPeople(contentDir, display, problems);

  // Articles
  const articles = new Map<string, ArticleCounts>();
  for (const path of globSync('articles/**/*.mdx', { cwd: contentDir }).sort()) {
    const file = display(path);
    const slug = path.slice('articles/'.length, -'.mdx'.length);
    const entry = `article "${slug}"`;
    if (!SLUG.test(slug)) {
      problems.push({
        file,
        entry,
        problem: 'the file name is not a valid page address',
        fix: 'rename the file using only lowercase letters, digits and hyphens, such as leg-cramps.mdx.',
      });
      continue;
    }
    const decoded = readContentFile(join(contentDir, path));
    if (!('data' in decoded)) {
      problems.push({ file, entry, ...decoded });
      continue;
    }
    const text = decoded.data;
    const read = parseFrontmatter(text, 'title, description and published');
    if (!('data' in read)) {
      problems.push({ file, entry, ...read });
      continue;
    }
    const parsed = frontmatterSchema.safeParse(read.data);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, parsed.error, read.data, fieldOf(entry), ARTICLE_FIXES));
      continue;
    }
    problems.push(...creditProblems(parsed.data, people).map((problem) => ({ file, entry, ...problem })));
    problems.push(
      ...citationProblems(text, parsed.data.references.length).map((problem) => ({ file, entry, ...problem })),
    );
    articles.set(slug, {
      slug,
      draft: parsed.data.draft,
      published: parsed.data.published,
      approved: 0,
      pending: 0,
      spam: 0,
    });
  }

  // Comments: an article's thread is its comments file plus one file per submitted comment.
  const threads = new Map<string, { comments: CommentData[]; files: string[] }>();
  const foldersWithoutArticle = new Set<string>();
  for (const path of globSync('comments/**/*.json', { cwd: contentDir }).sort()) {
    const file = display(path);
    const place = commentsFilePlace(path);
    if (!place) {
      problems.push({
        file,
        problem: 'is not where comments go',
        fix: 'move it to comments/<article-slug>.json, or to comments/<article-slug>/<comment-id>.json for one comment.',
      });
      continue;
    }
    const { slug, inFolder } = place;
    const text = readContentFile(join(contentDir, path));
    const read = 'data' in text ? parseJson(text.data) : text;
    if (!('data' in read)) {
      problems.push({ file, ...read });
      continue;
    }
    const data = read.data;
    let comments: CommentData[];
    try {
      comments = validateComments(data, file);
    } catch (error) {
      if (!(error instanceof CommentsFileError)) throw error;
      problems.push(...error.problems);
      continue;
    }
    problems.push(
      ...comments
        .filter((comment) => comment.person !== undefined && !people.has(comment.person))
        .map((comment) => ({
          file,
          entry: `comment "${comment.id}"`,
          field: 'person',
          problem: `names "${comment.person}", who is not in content/people`,
          fix: `add content/people/${comment.person}.yaml with at least their name, or correct the id to the file name of a person there.`,
        })),
    );
    const article = articles.get(slug);
    if (!article) {
      if (!inFolder) {
        problems.push({
          file,
          problem: `there is no article "${slug}" for these comments`,
          fix: `name the file after its article (content/articles/<slug>.mdx → content/comments/<slug>.json), or add the article.`,
        });
      } else if (!foldersWithoutArticle.has(slug)) {
        foldersWithoutArticle.add(slug);
        problems.push({
          file: `${display(`comments/${slug}`)}/`,
          problem: `there is no article "${slug}" for the comments in this folder`,
          fix: `name the folder after its article (content/articles/<slug>.mdx → content/comments/<slug>/), or add the article.`,
        });
      }
      continue;
    }
    const thread = threads.get(slug) ?? { comments: [], files: [] };
    threads.set(slug, thread);
    for (const comment of comments) {
      thread.comments.push(comment);
      thread.files.push(file);
    }
    if (article.draft && comments.length > 0) {
      notes.push(`${file}: ${comments.length} comments kept but not published, because article "${slug}" is a draft.`);
    }
  }
  for (const [slug, { comments, files }] of threads) {
    try {
      buildThread(comments, (index) => files[index]!);
    } catch (error) {
      if (!(error instanceof CommentThreadError)) throw error;
      problems.push(
        ...error.problems.map(({ source, commentId, field, problem, fix }) => ({
          file: source,
          entry: `comment "${commentId}"`,
          field,
          problem,
          fix,
        })),
      );
      continue;
    }
    const article = articles.get(slug)!;
    for (const comment of comments) article[comment.status]++;
  }

  checkPages(contentDir, display, problems, notes);

  return { problems, notes, articles: [...articles.values()] };
}

/** The extension of the files each content folder is read for; the build reads nothing else there. */
const CONTENT_FILE_EXTENSIONS = { articles: '.mdx', comments: '.json', people: '.yaml', pages: '.mdx' } as const;

/** What each folder holds, for messages: "people files end in .yaml". */
const FOLDER_FILES = { articles: 'articles', comments: 'comments files', people: 'people files', pages: 'site pages' };

/**
 * Files in a content folder that the build would skip without a word, such as `articles/x.md` or
 * `people/x.yml`. Hidden files (`.DS_Store`, an editor's `.x.swp`) are left alone.
 */
function ignoredFiles(contentDir: string, display: (path: string) => string): ContentProblem[] {
  return Object.entries(CONTENT_FILE_EXTENSIONS).flatMap(([folder, extension]) =>
    globSync(`${folder}/**/*`, { cwd: contentDir, withFileTypes: true })
      .filter((found) => found.isFile() && !found.name.startsWith('.') && !found.name.endsWith(extension))
      .map((found) => relative(contentDir, join(found.parentPath, found.name)))
      .sort()
      .map((path) => ({
        file: display(path),
        problem: `is ignored: ${FOLDER_FILES[folder as keyof typeof FOLDER_FILES]} end in ${extension}`,
        fix: `rename it to ${basename(path, extname(path))}${extension}, or move it out of the content folder.`,
      })),
  );
}

/**
 * Files and folders at the top of the content folder that the site does not read, such as a misspelt
 * `article/`: a note, since a content folder may also hold the editors' own notes.
 */
function unreadEntries(contentDir: string, display: (path: string) => string): string[] {
  const folders = Object.keys(CONTENT_FILE_EXTENSIONS);
  if (!existsSync(contentDir)) return [];
  return readdirSync(contentDir, { withFileTypes: true })
    .filter((found) => !found.name.startsWith('.') && !(found.isDirectory() && folders.includes(found.name)))
    .map((found) => found.name)
    .sort()
    .map(
      (name) =>
        `${display(name)}: not read by the site, which reads only ${folders.map((folder) => `${folder}/`).join(', ')} in the content folder.`,
    );
}

/**
 * Which article a file under `comments/` belongs to: `comments/<slug>.json` (the article's comments file)
 * or `comments/<slug>/<id>.json` (one submitted comment). Anything deeper is in no article's thread.
 */
export function commentsFilePlace(path: string): { slug: string; inFolder: boolean } | undefined {
  const segments = path.slice('comments/'.length, -'.json'.length).split('/');
  if (segments.length === 1) return { slug: segments[0]!, inFolder: false };
  if (segments.length === 2) return { slug: segments[0]!, inFolder: true };
  return undefined;
}

/**
 * Checks `people/*.yaml`: a valid id as the file name, valid YAML, the person schema.
 * @returns the id of every person file whose name is a valid id, even if its contents have problems:
 *   an article naming them is not reported again for a problem that the person's file already shows
 */
function checkPeople(contentDir: string, display: (path: string) => string, problems: ContentProblem[]): Set<string> {
  const ids = new Set<string>();
  const schema = personSchema();
  for (const path of globSync('people/**/*.yaml', { cwd: contentDir }).sort()) {
    const file = display(path);
    const id = path.slice('people/'.length, -'.yaml'.length);
    const entry = `person "${id}"`;
    if (!PERSON_ID.test(id)) {
      problems.push({
        file,
        entry,
        problem: 'the file name is not a valid id for a page address',
        fix: 'rename the file using only lowercase letters, digits and hyphens, such as jane-smith.yaml, and use that id in articles.',
      });
      continue;
    }
    ids.add(id);
    const text = readContentFile(join(contentDir, path));
    const read = 'data' in text ? parseYaml(text.data) : text;
    if (!('data' in read)) {
      problems.push({ file, entry, ...read });
      continue;
    }
    const data = read.data;
    const parsed = schema.safeParse(data);
    if (!parsed.success) problems.push(...schemaProblems(file, parsed.error, data, fieldOf(entry)));
  }
  return ids;
}

/** An article's author and medical reviewer must be people in `people/`. */
function creditProblems(article: ArticleData, people: ReadonlySet<string>): Omit<ContentProblem, 'file' | 'entry'>[] {
  const credits = [
    { field: 'author', id: article.author },
    { field: 'medicalReview.reviewer', id: article.medicalReview?.reviewer },
  ];
  return credits.flatMap(({ field, id }) =>
    id === undefined || people.has(id)
      ? []
      : [
          {
            field,
            problem: `names "${id}", who is not in content/people`,
            fix: `add content/people/${id}.yaml with at least their name, or correct the id to the file name of a person there.`,
          },
        ],
  );
}

/** Every `<Cite n={…} />` must point at one of the article's references. */
function citationProblems(text: string, referenceCount: number): Omit<ContentProblem, 'file' | 'entry'>[] {
  return citedReferences(text)
    .filter((n) => n < 1 || n > referenceCount)
    .map((n) => ({
      field: 'references',
      problem: `<Cite n={${n}} /> cites reference ${n}, but the article lists ${referenceCount === 1 ? '1 reference' : `${referenceCount} references`}`,
      fix: `add the source to "references" in the frontmatter (they are numbered from 1 in order), or correct the number.`,
    }));
}

/** Checks `pages/*.mdx`: a free page address, frontmatter, the site page schema; notes what the owner must fill in. */
function checkPages(
  contentDir: string,
  display: (path: string) => string,
  problems: ContentProblem[],
  notes: string[],
): void {
  const schema = sitePageSchema();
  for (const path of globSync('pages/**/*.mdx', { cwd: contentDir }).sort()) {
    const file = display(path);
    const slug = path.slice('pages/'.length, -'.mdx'.length);
    const entry = `page "${slug}"`;
    if (!SLUG.test(slug)) {
      problems.push({
        file,
        entry,
        problem: 'the file name is not a valid page address',
        fix: 'rename the file using only lowercase letters, digits and hyphens, such as editorial-policy.mdx.',
      });
      continue;
    }
    if (RESERVED_PAGE_SLUGS.includes(slug)) {
      problems.push({
        file,
        entry,
        problem: `the address /${slug}/ is used by the site itself`,
        fix: `rename the file to something else, such as about-${slug}.mdx.`,
      });
      continue;
    }
    const decoded = readContentFile(join(contentDir, path));
    if (!('data' in decoded)) {
      problems.push({ file, entry, ...decoded });
      continue;
    }
    const text = decoded.data;
    const read = parseFrontmatter(text, 'title and description');
    if (!('data' in read)) {
      problems.push({ file, entry, ...read });
      continue;
    }
    const parsed = schema.safeParse(read.data);
    if (!parsed.success) {
      problems.push(...schemaProblems(file, parsed.error, read.data, fieldOf(entry)));
      continue;
    }
    const toFill = text.match(OWNER_TO_FILL)?.length ?? 0;
    if (toFill > 0) {
      notes.push(
        `${file}: ${toFill} ${toFill === 1 ? 'placeholder' : 'placeholders'} (<OwnerToFill>) for the site owner to replace with facts before going live.`,
      );
    }
  }
}
