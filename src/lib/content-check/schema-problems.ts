/**
 * Turns schema validation issues into problems an editor can act on. The wording of "what to do"
 * depends on the kind of issue: a missing field, an unknown field, a bad date, an empty text…
 */
import type { z } from 'astro/zod';
import { plural } from '@/lib/text/plural';

import { issuePath, type FieldPosition } from '@/lib/content-check/field-positions';
import type { ContentProblem } from '@/lib/content-check/problems';

type Issue = z.core.$ZodIssue;

const describeValue = (value: unknown) =>
  value === undefined ? 'missing' : value === null ? 'empty' : Array.isArray(value) ? 'a list' : typeof value;

const DATE_FIX = 'write the date as YYYY-MM-DD, for example 2024-05-01, and check that the day exists.';

const PERSON_ID_FIX = 'write the id of a person in content/people: their file name without .yaml, such as jane-smith.';

/** Fixes for article fields whose values follow rules of their own. */
export const ARTICLE_FIXES = { author: PERSON_ID_FIX, 'medicalReview.reviewer': PERSON_ID_FIX };

/** What to do about a bad value, for fields where that is clearer than a rule about its type. */
const FIX_BY_FIELD: Record<string, string> = {
  published: DATE_FIX,
  updated: DATE_FIX,
  date: DATE_FIX,
  'medicalReview.date': DATE_FIX,
  draft: 'write true or false.',
  id: 'give it an id of letters, digits, "-" and "_", unique in the file.',
  body: 'write the comment’s text, or remove the comment.',
  authorUrl: 'write a full address starting with https:// (or http://), or remove the field.',
  profileUrl: 'write a full address starting with https:// (or http://), or remove the field.',
  url: 'write the full address of the source, starting with https:// (or http://).',
  footer: 'write a whole number such as 1 (lowest first in the footer), or remove the field.',
  status: 'write "approved", "pending" or "spam", or remove the field (approved is the default).',
};

function problemFor(
  issue: Issue,
  input: unknown,
  field: string | undefined,
  fixes: Readonly<Record<string, string>>,
): Pick<ContentProblem, 'problem' | 'fix'> {
  if (input === undefined && issue.code !== 'unrecognized_keys') {
    return { problem: 'is missing', fix: 'add it; the README lists every field and what it holds.' };
  }
  const byKind = problemByKind(issue, input);
  // The schema's own advice about a rule of its own (a year out of range) is the most precise.
  if (issue.code === 'custom' && typeof issue.params?.fix === 'string') return { ...byKind, fix: issue.params.fix };
  // YAML and JSON read an unquoted 2024, 1.5 or true as a number or a yes/no, not as text.
  if (issue.code === 'invalid_type' && issue.expected === 'string' && isUnquotedValue(input)) {
    return {
      problem: `should be text, but the unquoted ${String(input)} is read as a ${typeof input === 'number' ? 'number' : 'yes/no value'}`,
      fix: `put it in quotes: "${String(input)}".`,
    };
  }
  // A nested field such as `references[1].date` takes the fix of its last part.
  const fieldFix = field === undefined ? undefined : (fixes[field] ?? fixes[field.split('.').at(-1)!]);
  return fieldFix && issue.code !== 'unrecognized_keys' ? { ...byKind, fix: fieldFix } : byKind;
}

const isUnquotedValue = (value: unknown) => typeof value === 'number' || typeof value === 'boolean';

function problemByKind(issue: Issue, input: unknown): Pick<ContentProblem, 'problem' | 'fix'> {
  switch (issue.code) {
    case 'unrecognized_keys':
      return {
        problem: `unknown ${plural(issue.keys.length, 'field')} ${issue.keys.map((key) => `"${key}"`).join(', ')}`,
        fix: 'check the spelling against the field list in the README, or remove it.',
      };
    case 'invalid_type':
      return {
        problem: `should be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${describeValue(input)}`,
        fix: `write it as a ${issue.expected}.`,
      };
    case 'invalid_format':
      return {
        problem: issue.message,
        fix:
          issue.format === 'url'
            ? 'write a full address starting with https:// (or http://).'
            : issue.format === 'regex'
              ? 'see the field list in the README for what it accepts.'
              : 'write the date as YYYY-MM-DD, for example 2024-05-01, and check the day exists.',
      };
    case 'too_small':
      return { problem: 'is empty', fix: 'write something, or leave the field out if it is optional.' };
    case 'invalid_value':
      return {
        problem: `must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`,
        fix: 'use one of those values.',
      };
    case 'invalid_union':
      return { problem: issue.message, fix: 'see the field list in the README for what it accepts.' };
    default:
      return { problem: issue.message, fix: 'see the field list in the README for what it accepts.' };
  }
}

/** The value at `path` inside `data`, or undefined. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/**
 * A field's path as editors count: list items from 1, as references are numbered on the page and in
 * `<Cite n={1} />`: `references[1].title` is the first reference's title, `tags[2]` the second tag.
 */
export const fieldPath = (path: readonly PropertyKey[]): string =>
  path
    .map((key, index) => (typeof key === 'number' ? `[${key + 1}]` : `${index > 0 ? '.' : ''}${String(key)}`))
    .join('');

/** Locates a schema issue in a file that holds one entry: the field is the issue's whole path. */
export const fieldOf = (entry: string) => (path: readonly PropertyKey[]) => ({
  entry,
  field: path.length > 0 ? fieldPath(path) : undefined,
});

export interface Located {
  /** The entry the path points into, such as `comment "q3"`. */
  entry: string | undefined;
  /** The field name inside that entry, if any. */
  field: string | undefined;
}

export interface SchemaProblemOptions {
  /**
   * What to do about a bad value of fields of this kind of file, where the shared wording does not fit
   * (an article's `author` is a person id; a comment's is a name).
   */
  fixes?: Readonly<Record<string, string>>;
  /** Where a field is written in the file (`field-positions.ts`), for `file:line:column`. */
  position?: FieldPosition;
}

/**
 * Where an issue is written: its field, or for a field that is missing the entry that lacks it (a
 * comment's or a reference's first line). A missing top-level field has no place.
 */
function issuePosition(issue: Issue, position: FieldPosition | undefined) {
  const path = issuePath(issue);
  for (let length = path.length; position && length > 0; length--) {
    const at = position(path.slice(0, length));
    if (at) return at;
  }
  return undefined;
}

/**
 * Problems for every issue of a failed parse.
 * @param locate names the entry and field a path points at
 */
export function schemaProblems(
  file: string,
  error: z.ZodError,
  data: unknown,
  locate: (path: readonly PropertyKey[]) => Located,
  { fixes = {}, position }: SchemaProblemOptions = {},
): ContentProblem[] {
  const allFixes = { ...FIX_BY_FIELD, ...fixes };
  return error.issues.map((issue) => {
    const { entry, field } = locate(issue.path);
    const at = issuePosition(issue, position);
    return {
      file,
      ...(at ? { line: at.line, column: at.column } : {}),
      entry,
      field,
      ...problemFor(issue, valueAt(data, issue.path), field, allFixes),
    };
  });
}
