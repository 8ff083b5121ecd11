/**
 * How every content file is read: one decoder and one YAML and JSON reading for the content check, the
 * build's content layer (`src/content.config.ts`) and the build's workers. Astro's own loaders read YAML
 * with js-yaml's default schema, which turns an unquoted `2024-01-01` into a date object and `0024-01-01`
 * into 1924, and refuse JSON that starts with a byte-order mark; the check read the same files otherwise,
 * so it passed what the build then failed on. Here a file is read one way, whoever reads it.
 */
import { readFileSync } from 'node:fs';

import { extractFrontmatter } from 'astro/markdown';
import { CORE_SCHEMA, load as loadYaml } from 'js-yaml';

import { decodeContentFile, parseJson, type ContentRead } from '@/lib/content-text';

export { decodeContentFile, parseJson, type ContentRead } from '@/lib/content-text';

/** A file's text, read from disk: see `decodeContentFile`. */
export const readContentFile = (path: string | URL): ContentRead<string> => decodeContentFile(readFileSync(path));

const yamlProblem = (error: unknown, firstLine: number) => {
  const mark = (error as { mark?: { line: number; column: number } }).mark;
  const where = mark ? ` at line ${mark.line + firstLine}, column ${mark.column + 1}` : '';
  return `${where} (${(error as { reason?: string }).reason ?? String(error)})`;
};

/**
 * YAML as plain data. The core schema keeps unquoted dates as the text the editor wrote: a date field
 * checks it (2024-02-30 is refused instead of becoming 1 March) and a text field keeps it as written.
 * Numbers, `true`/`false` and `null` stay what YAML makes them, so a text field refuses them.
 * @param firstLine line of the file where the YAML starts, for messages
 */
export function parseYaml(text: string, firstLine = 1): ContentRead<unknown> {
  try {
    return { data: loadYaml(text, { schema: CORE_SCHEMA }) ?? {} };
  } catch (error) {
    return {
      problem: `is not valid YAML${yamlProblem(error, firstLine)}`,
      fix: 'check quotes, colons and indentation on that line.',
    };
  }
}

/**
 * An MDX file's frontmatter as plain data, read as `parseYaml` reads YAML.
 * @param required the fields to name when the file has no frontmatter, such as "title and description"
 */
export function parseFrontmatter(text: string, required: string): ContentRead<unknown> {
  const frontmatter = extractFrontmatter(text);
  if (frontmatter === undefined) {
    return {
      problem: 'has no frontmatter',
      fix: `start the file with a block between two "---" lines holding at least ${required}.`,
    };
  }
  // The frontmatter Astro extracts starts with the newline that ends the opening "---": its first line
  // is the file's first line.
  const read = parseYaml(frontmatter, 1);
  return 'data' in read ? read : { ...read, problem: `the frontmatter ${read.problem}` };
}

/** The part of Astro's content entry types that reading a file involves (`LoaderContext['entryTypes']`). */
export interface EntryType {
  getEntryInfo(params: { contents: string; fileUrl: URL }): unknown;
}

/**
 * Astro's entry types (by file extension) with their data read as the content check reads it: the
 * text decoded by `decodeContentFile` (a byte-order mark dropped, other encodings refused), frontmatter
 * and YAML by `parseYaml`, JSON by `parseJson`. Everything else an entry type does (an MDX file's body
 * and rendering) stays Astro's. The content check runs before the build and reports these problems
 * first; the build throws them only if it is run without it.
 * @param file the file's name in messages, from its address
 */
export function readEntriesAsTheCheckDoes<T extends EntryType>(
  entryTypes: ReadonlyMap<string, T>,
  file: (fileUrl: URL) => string = (fileUrl) => fileUrl.pathname,
): Map<string, T> {
  const orThrow = <D>(read: ContentRead<D>, fileUrl: URL): D => {
    if ('data' in read) return read.data;
    throw new Error(`${file(fileUrl)}: ${read.problem}. Fix: ${read.fix}`);
  };
  /** Astro reads the file as UTF-8 with U+FFFD for bytes that are not: only then is it read again. */
  const text = ({ contents, fileUrl }: { contents: string; fileUrl: URL }) =>
    contents.includes('\uFFFD') ? orThrow(readContentFile(fileUrl), fileUrl) : contents.replace(/^\uFEFF/, '');
  const dataReader = (extension: string) =>
    extension === '.json'
      ? parseJson
      : extension === '.yaml' || extension === '.yml'
        ? parseYaml
        : extension === '.mdx' || extension === '.md'
          ? (contents: string) => parseFrontmatter(contents, 'its required fields')
          : undefined;
  return new Map(
    [...entryTypes].map(([extension, type]) => {
      const read = dataReader(extension);
      if (!read) return [extension, type];
      const isData = extension === '.json' || extension === '.yaml' || extension === '.yml';
      return [
        extension,
        {
          ...type,
          getEntryInfo: async (params: { contents: string; fileUrl: URL }) => {
            const data = orThrow(read(text(params)), params.fileUrl);
            // Data files are only data; Astro's own reading of them is what this replaces.
            if (isData) return { data };
            return { ...((await type.getEntryInfo(params)) as object), data };
          },
        },
      ];
    }),
  );
}
