/**
 * The old addresses a content folder declares: each article's `redirectFrom` and `content/redirects.yaml`,
 * read the way the content check reads every file, with the problems that would make a redirect lead
 * nowhere or to the wrong page (the same address twice, an address this site's own pages use). The content
 * check reports the problems; the build writes the redirects (`src/integrations/redirects.ts`).
 */
import { existsSync, globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parseFrontmatter, parseYaml, readContentFile } from '@/lib/content-files';
import type { DisplayPath } from '@/lib/content-check/files';
import type { ContentProblem } from '@/lib/content-check/problems';
import { fieldOf, schemaProblems } from '@/lib/content-check/schema-problems';
import { addressKey, splitAddress } from '@/lib/redirects/redirect-rules';
import { oldAddressProblem, redirectsFileSchema } from '@/schemas/redirects';

/** The file of old addresses that are not an article's own, in the content folder. */
export const REDIRECTS_FILE = 'redirects.yaml';

/** An old address and the page of this site it leads to. */
export interface OldAddress {
  from: string;
  /** An article by slug, or a path below the base path (`/tags/pregnancy/`). */
  to: { article: string } | { path: string };
  /** Where it is declared, for messages: the file, and the entry and field in it. */
  file: string;
  entry: string;
  field: string;
}

export interface OldAddresses {
  addresses: OldAddress[];
  problems: ContentProblem[];
}

/** The articles' `redirectFrom` entries that pass the schema; the article check reports the others. */
function articleAddresses(contentDir: string, display: DisplayPath): OldAddress[] {
  const addresses: OldAddress[] = [];
  for (const path of globSync('articles/*.mdx', { cwd: contentDir }).sort()) {
    const slug = path.slice('articles/'.length, -'.mdx'.length);
    // Most articles have none: their frontmatter is not read again.
    const bytes = readFileSync(join(contentDir, path));
    if (!bytes.includes('redirectFrom')) continue;
    const text = readContentFile(join(contentDir, path));
    const read = 'data' in text ? parseFrontmatter(text.data, 'title') : text;
    if (!('data' in read)) continue;
    const list = (read.data as { redirectFrom?: unknown } | null)?.redirectFrom;
    if (!Array.isArray(list)) continue;
    list.forEach((from: unknown, index) => {
      if (typeof from !== 'string' || oldAddressProblem(from)) return;
      addresses.push({
        from,
        to: { article: slug },
        file: display(path),
        entry: `article "${slug}"`,
        field: `redirectFrom[${index + 1}]`,
      });
    });
  }
  return addresses;
}

/** The redirects of `redirects.yaml`, and its problems. */
function fileAddresses(contentDir: string, display: DisplayPath): OldAddresses {
  const path = join(contentDir, REDIRECTS_FILE);
  if (!existsSync(path)) return { addresses: [], problems: [] };
  const file = display(REDIRECTS_FILE);
  const entry = 'redirects';
  const text = readContentFile(path);
  const read = 'data' in text ? parseYaml(text.data) : text;
  if (!('data' in read)) return { addresses: [], problems: [{ file, ...read }] };
  const parsed = redirectsFileSchema().safeParse(read.data);
  if (!parsed.success) {
    return { addresses: [], problems: schemaProblems(file, parsed.error, read.data, fieldOf(entry)) };
  }
  return {
    addresses: parsed.data.redirects.map(({ from, to }, index) => ({
      from,
      to: { path: to },
      file,
      entry,
      field: `redirects[${index + 1}].from`,
    })),
    problems: [],
  };
}

export interface SiteAddresses {
  /** The site's base path, with leading and trailing slash. */
  base: string;
  /** First path segments below the base that the site's own pages take (`articles`, `tags`, site pages…). */
  takenSegments: ReadonlySet<string>;
}

/**
 * Whether an old address is one of this site's own: a path below the base whose first segment a route
 * takes, or the home page itself. A redirect there would hide the page, or never be followed.
 */
function ownAddress(from: string, site: SiteAddresses): boolean {
  const { path, query } = splitAddress(from);
  const base = site.base.replace(/\/$/, '');
  if (path !== base && !path.startsWith(`${base}/`)) return false;
  const rest = path.slice(base.length).replace(/^\/+/, '');
  if (rest === '') return query.length === 0;
  return site.takenSegments.has(decodeURIComponentSafe(rest.split('/')[0]!));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Every old address the content declares, and every problem with them. */
export function readOldAddresses(contentDir: string, display: DisplayPath, site: SiteAddresses): OldAddresses {
  const fromFile = fileAddresses(contentDir, display);
  const all = [...articleAddresses(contentDir, display), ...fromFile.addresses];
  const problems = [...fromFile.problems];
  const addresses: OldAddress[] = [];
  const firstByKey = new Map<string, OldAddress>();
  for (const address of all) {
    const located = { file: address.file, entry: address.entry, field: address.field };
    if (ownAddress(address.from, site)) {
      problems.push({
        ...located,
        problem: `${address.from} is an address of this site's own pages, so it cannot lead elsewhere`,
        fix: 'remove it: the page at that address is served as it is.',
      });
      continue;
    }
    const key = addressKey(address.from);
    const first = firstByKey.get(key);
    if (first) {
      problems.push({
        ...located,
        problem: `${address.from} is also an old address in ${first.file} (${first.entry}, ${first.field})`,
        fix: 'keep it in one place only, where the page it should lead to is.',
      });
      continue;
    }
    firstByKey.set(key, address);
    addresses.push(address);
  }
  return { addresses, problems };
}
