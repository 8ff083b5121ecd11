/**
 * An error about several problems at once, such as every broken reply in a comments file: its message
 * has one line per problem, worded by `describe`, and the problems stay readable as data.
 */
export class ProblemListError<Problem> extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[], describe: (problem: Problem) => string) {
    super(problems.map(describe).join('\n'));
    this.problems = problems;
  }
}
