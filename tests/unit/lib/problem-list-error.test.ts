import { expect, test } from 'vitest';

import { ProblemListError } from '@/lib/problem-list-error';

const problems = [
  { file: 'a.json', problem: 'no body' },
  { file: 'b.json', problem: 'no id' },
];

test('writes one line of its message per problem, in order, as describe words them', () => {
  const error = new ProblemListError(problems, ({ file, problem }) => `${file}: ${problem}`);
  expect(error.message).toBe('a.json: no body\nb.json: no id');
});

test('keeps the problems themselves for callers that report them their own way', () => {
  expect(new ProblemListError(problems, String).problems).toEqual(problems);
});
