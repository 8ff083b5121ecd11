import { visible } from '@/lib/text/visible-text';

/** A content problem, said so that a site editor (not a programmer) can act on it. */
export interface ContentProblem {
  /** File path relative to the project, such as `content/articles/leg-cramps.mdx`. */
  file: string;
  /** 1-based line and column in the file, when the problem is at one place in it (a tag in MDX). */
  line?: number | undefined;
  column?: number | undefined;
  /** Which entry: `article "leg-cramps"`, `comment "q3"`, or absent for the whole file. */
  entry?: string | undefined;
  /** The field at fault, such as `published` or `parent`, when there is one. */
  field?: string | undefined;
  /** What is wrong, as a phrase without a final full stop. */
  problem: string;
  /** What to do, as a sentence. */
  fix: string;
}

/**
 * One line per problem: file (with line and column when known, `file:line:column`, which editors and
 * terminals turn into a link), entry, field, what is wrong, what to do.
 */
export function formatProblem({ file, line, column, entry, field, problem, fix }: ContentProblem): string {
  const where = [entry, field && `field "${field}"`].filter(Boolean).join(', ');
  const place = line === undefined ? file : `${file}:${line}:${column ?? 1}`;
  // Shown on a terminal and in the browser: a control or bidi character an editor pasted is named, so it
  // can neither rewrite the terminal nor turn the line around.
  return visible(`${place}: ${where ? `${where}: ` : ''}${problem}. Fix: ${fix}`);
}

/** 1-based line and column of a character offset in `text`. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
