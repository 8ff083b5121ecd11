/** Where a field is written, for `file:line:column` in content problems. */
import { describe, expect, test } from 'vitest';

import { issuePath, jsonFieldPositions } from '@/lib/content-check/field-positions';
import { frontmatterFieldPositions, yamlFieldPositions } from '@/lib/content-check/yaml-field-positions';

describe('yamlFieldPositions', () => {
  const yaml = 'name: Jo\nlinks:\n  - url: https://example.org/\n    title: Home\n  - plain\nflow: [a, b]\n';
  const position = yamlFieldPositions(yaml);

  test('finds a field by its key, and fields inside lists counted from 0 as the schema counts', () => {
    expect(position(['name'])).toEqual({ line: 1, column: 1 });
    expect(position(['links', 0, 'title'])).toEqual({ line: 4, column: 5 });
    expect(position(['links', 1])).toEqual({ line: 5, column: 5 });
    expect(position(['flow', 1])).toEqual({ line: 6, column: 11 });
  });

  test('has no position for a field that is not written', () => {
    expect(position(['bio'])).toBeUndefined();
    expect(position(['links', 0, 'publisher'])).toBeUndefined();
    expect(position(['links', 5])).toBeUndefined();
  });

  test('counts lines from where the YAML starts in its file', () => {
    expect(yamlFieldPositions('a: 1\nb: 2\n', 10)(['b'])).toEqual({ line: 11, column: 1 });
  });

  test('still finds fields in YAML with a duplicate key, which the reader refuses elsewhere', () => {
    expect(yamlFieldPositions('a: 1\na: 2\nb: 3\n')(['b'])).toEqual({ line: 3, column: 1 });
  });
});

describe('frontmatterFieldPositions', () => {
  test('counts lines in the whole MDX file, the opening "---" being line 1', () => {
    const position = frontmatterFieldPositions('---\ntitle: Cramps\nreferences:\n  - title: NHS\n---\n\nText.\n');
    expect(position(['title'])).toEqual({ line: 2, column: 1 });
    expect(position(['references', 0, 'title'])).toEqual({ line: 4, column: 5 });
  });

  test('has no positions in a file without frontmatter', () => {
    expect(frontmatterFieldPositions('Text only.\n')(['title'])).toBeUndefined();
  });
});

describe('jsonFieldPositions', () => {
  const json = '{\n  "comments": [\n    { "id": "q1", "body": "" },\n    {\n      "id": "q2"\n    }\n  ]\n}\n';
  const position = jsonFieldPositions(json);

  test('points at a field’s key, or a list item’s first character', () => {
    expect(position(['comments', 0, 'body'])).toEqual({ line: 3, column: 19 });
    expect(position(['comments', 1])).toEqual({ line: 4, column: 5 });
    expect(position(['comments', 1, 'id'])).toEqual({ line: 5, column: 7 });
  });

  test('has no position for what is not written, or for the whole file', () => {
    expect(position(['comments', 1, 'body'])).toBeUndefined();
    expect(position([])).toBeUndefined();
  });
});

describe('issuePath', () => {
  test('leads to the first unknown key of an unknown-field issue, and is the path of any other', () => {
    expect(issuePath({ code: 'unrecognized_keys', path: ['comments', 2], keys: ['email', 'ip'] })).toEqual([
      'comments',
      2,
      'email',
    ]);
    expect(issuePath({ code: 'invalid_type', path: ['title'] })).toEqual(['title']);
  });
});
