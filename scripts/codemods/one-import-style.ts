/**
 * Rewrites every import of a project file to the one import style, and follows files that have moved.
 * Re-runnable: a file already in that style is left byte for byte as it is.
 *
 * The style (enforced by `no-restricted-imports` in eslint.config.js):
 * - a file under `src/` is imported as `@/<path under src>` without `.ts`, from anywhere: src, scripts,
 *   tests, functions, netlify and the root config files (Vite, tsx, esbuild and Astro's config loader all
 *   resolve tsconfig `paths`);
 * - except inside `src/workers/`, whose files Node runs as they are in worker threads: they import each
 *   other by relative full file names (`./brand.ts`) and nothing outside the folder but packages;
 * - a file outside `src/` (tests/helpers, scripts/bench) is imported by a relative path, as before.
 *
 * Usage: `tsx scripts/codemods/one-import-style.ts [--only-broken] [--moved old/path.ts=new/path.ts …]`;
 * `--only-broken` re-points only the specifiers a move broke (the rename scripts use it). With `--moved`
 * (written by rename-for-meaning.sh after its `git mv`s), specifiers that named a moved file name its new
 * place, and the relative specifiers of a moved file are read from where it was.
 *
 * Rewritten: import and export-from declarations, `import()` in code and in types, `vi.mock()` and
 * `vi.importActual()`, and `new URL('<relative>', import.meta.url)` (kept relative, re-pointed if moved).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

import ts from 'typescript';

const ROOT = resolve(dirname(new URL(import.meta.url).pathname), '../..');
const SRC = 'src/';
const WORKERS = 'src/workers/';
const SCOPE = ['src', 'scripts', 'tests', 'functions', 'netlify', 'astro.config.ts', 'vitest.config.ts'];
const SKIPPED = [/^tests\/fixtures\//, /^scripts\/codemods\//];
const RESOLVED_EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.js', '.mjs', '/index.ts'];

/** Repository-relative path (posix) → where it is now, for files moved by a rename codemod. */
const moved = new Map<string, string>();
const movedFrom = new Map<string, string>();
const args = process.argv.slice(2);
/** Only re-point specifiers that no longer name a file (after a move), leaving the rest as written. */
const onlyBroken = args.includes('--only-broken');
for (let i = 0; i < args.length; i++) {
  if (args[i] !== '--moved') continue;
  const [from, to] = (args[++i] ?? '').split('=');
  if (!from || !to) throw new Error(`--moved wants old=new, got "${args[i]}"`);
  moved.set(from, to);
  movedFrom.set(to, from);
}

const isFile = (path: string) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isFile();
const isFolder = (path: string) => existsSync(join(ROOT, path)) && statSync(join(ROOT, path)).isDirectory();

interface Found {
  /** Repository-relative path of the file. */
  file: string;
  /** What was added to the specifier to find it: '', '.ts', '/index.ts'… */
  suffix: string;
  /** Whether the specifier as written no longer names it: it, or the file that imports it, moved. */
  moved: boolean;
}

/** The file `base` names (as written, with an extension added, or a moved file's new place). */
function findFile(base: string): Found | undefined {
  for (const suffix of RESOLVED_EXTENSIONS) {
    const candidate = base + suffix;
    if (isFile(candidate)) return { file: candidate, suffix, moved: false };
    const now = moved.get(candidate);
    if (now && isFile(now)) return { file: now, suffix, moved: true };
  }
  // A moved folder (src/scripts → src/client): follow its files.
  for (const [from, to] of moved) {
    if (base.startsWith(`${from}/`) && isFolder(to)) {
      const found = findFile(to + base.slice(from.length));
      return found && { ...found, moved: true };
    }
  }
  return undefined;
}

/** Where a specifier written in `file` points: a repository-relative path, or undefined for a package. */
function target(file: string, specifier: string): Found | undefined {
  if (specifier.startsWith('@/')) return findFile(SRC + specifier.slice(2));
  if (!specifier.startsWith('./') && !specifier.startsWith('../') && specifier !== '.' && specifier !== '..') return;
  const here = findFile(posix.normalize(posix.join(posix.dirname(file), specifier)));
  if (here) return here;
  const wasAt = movedFrom.get(file);
  const found = wasAt && findFile(posix.normalize(posix.join(posix.dirname(wasAt), specifier)));
  return found ? { ...found, moved: true } : undefined;
}

function relativeSpecifier(from: string, to: string): string {
  const path = posix.relative(posix.dirname(from), to);
  return path.startsWith('.') ? path : `./${path}`;
}

/** The specifier in the one style, for an import written in `file`; undefined leaves it alone. */
function styled(file: string, specifier: string): string | undefined {
  const found = target(file, specifier);
  if (!found) return undefined;
  if (onlyBroken && !found.moved) return undefined;
  if (file.startsWith(WORKERS)) {
    // Node resolves these as written: full file names, relative.
    return found.file.startsWith(WORKERS) ? relativeSpecifier(file, found.file) : undefined;
  }
  if (found.file.startsWith(SRC)) {
    const path = found.file.slice(SRC.length);
    if (found.suffix === '/index.ts') return `@/${path.slice(0, -'/index.ts'.length)}`;
    return `@/${/\.(ts|tsx|mts|js)$/.test(path) ? path.replace(/\.(ts|tsx|mts|js)$/, '') : path}`;
  }
  // Outside src/: relative, as the file was written (with or without its extension).
  const path = relativeSpecifier(file, found.file);
  return found.suffix ? path.slice(0, -found.suffix.length) : path;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

const isImportMetaUrl = (node: ts.Node) =>
  ts.isPropertyAccessExpression(node) &&
  node.name.text === 'url' &&
  ts.isMetaProperty(node.expression) &&
  node.expression.keywordToken === ts.SyntaxKind.ImportKeyword;

/** Edits for one chunk of TypeScript starting at `offset` in `file`'s text. */
function editsIn(file: string, code: string, offset: number): Edit[] {
  const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: Edit[] = [];
  const rewrite = (literal: ts.Node | undefined, to: (specifier: string) => string | undefined) => {
    if (!literal || !ts.isStringLiteralLike(literal)) return;
    const next = to(literal.text);
    if (next === undefined || next === literal.text) return;
    const quote = literal.getText(source)[0];
    edits.push({
      start: offset + literal.getStart(source),
      end: offset + literal.getEnd(),
      text: `${quote}${next}${quote}`,
    });
  };
  const imported = (specifier: string) => styled(file, specifier);
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) rewrite(node.moduleSpecifier, imported);
    else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) rewrite(node.argument.literal, imported);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression.getText(source);
      if (
        node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        /^vi\.(mock|doMock|unmock|importActual)$/.test(callee)
      ) {
        rewrite(node.arguments[0], imported);
      }
    } else if (ts.isNewExpression(node) && node.expression.getText(source) === 'URL' && node.arguments?.length === 2) {
      if (isImportMetaUrl(node.arguments[1]!)) {
        // Kept relative (it is a file's address, not an import); re-pointed only when the file moved.
        rewrite(node.arguments[0], (specifier) => {
          if (!specifier.startsWith('.') || isFile(posix.normalize(posix.join(posix.dirname(file), specifier)))) return;
          const found = target(file, specifier);
          return found && found.suffix === '' ? relativeSpecifier(file, found.file) : undefined;
        });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edits;
}

/** The TypeScript in an .astro file: its frontmatter and its `<script>` elements. */
function astroChunks(text: string): { code: string; offset: number }[] {
  const chunks: { code: string; offset: number }[] = [];
  const frontmatter = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  if (frontmatter)
    chunks.push({ code: frontmatter[1]!, offset: frontmatter.index + frontmatter[0].indexOf(frontmatter[1]!) });
  for (const script of text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)) {
    chunks.push({ code: script[1]!, offset: script.index + script[0].indexOf(script[1]!, script[0].indexOf('>')) });
  }
  return chunks;
}

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '--', ...SCOPE], {
  cwd: ROOT,
  encoding: 'utf8',
})
  .split('\n')
  .filter(
    (file) => /\.(ts|tsx|mts|astro)$/.test(file) && !SKIPPED.some((pattern) => pattern.test(file)) && isFile(file),
  );

let changed = 0;
for (const file of files) {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const chunks = file.endsWith('.astro') ? astroChunks(text) : [{ code: text, offset: 0 }];
  const edits = chunks.flatMap(({ code, offset }) => editsIn(file, code, offset)).sort((a, b) => b.start - a.start);
  if (edits.length === 0) continue;
  let next = text;
  for (const { start, end, text: replacement } of edits) next = next.slice(0, start) + replacement + next.slice(end);
  writeFileSync(join(ROOT, file), next);
  changed++;
  console.log(`${relative(ROOT, join(ROOT, file))}: ${edits.length} import${edits.length === 1 ? '' : 's'} rewritten`);
}
console.log(`${changed} file${changed === 1 ? '' : 's'} changed of ${files.length}.`);
