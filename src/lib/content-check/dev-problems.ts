/**
 * The content check's problems while `npm run dev` runs, shared between the integration that checks
 * the content whenever a file changes and the middleware that shows them in the browser. Both run in
 * the dev server's process but load their modules apart (the middleware through Vite), so the problems
 * are kept on `globalThis` under a registered symbol.
 */
import { resolve } from 'node:path';

import { formatProblem, type ContentProblem } from '@/lib/content-check/problems';

const KEY = Symbol.for('health-site:content-problems');

type Store = { [KEY]?: readonly ContentProblem[] };

export function setDevContentProblems(problems: readonly ContentProblem[]): void {
  (globalThis as Store)[KEY] = problems;
}

export function devContentProblems(): readonly ContentProblem[] {
  return (globalThis as Store)[KEY] ?? [];
}

/**
 * The error the dev server shows in place of a page while the content has problems: its message is the
 * build's lines, one per problem; the overlay points at the first problem with a line and column.
 */
export class ContentProblemsError extends Error {
  override name = 'ContentProblemsError';
  readonly loc: { file: string; line: number; column: number } | undefined;
  constructor(problems: readonly ContentProblem[], summary: string) {
    const message = [...problems.map(formatProblem), summary].join('\n');
    super(message);
    // The lines say all there is: a JavaScript stack would only point at the site's code.
    this.stack = `${this.name}: ${message}`;
    const placed = problems.find((problem) => problem.line !== undefined);
    this.loc = placed && { file: resolve(placed.file), line: placed.line!, column: placed.column ?? 1 };
  }
}
