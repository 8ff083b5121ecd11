import { describe, expect, test } from 'vitest';

import { checkedProps, componentPropProblems, problemText } from '@/schemas/components';

describe('the declared props of the site’s components', () => {
  test('accept the three urgencies of a care card and the heading levels 2 to 4', () => {
    for (const urgency of ['non-urgent', 'urgent', 'emergency'])
      expect(componentPropProblems('CareCard', { urgency, heading: 'See a GP if:' })).toEqual([]);
    for (const level of [2, 3, 4]) expect(componentPropProblems('Warning', { level })).toEqual([]);
  });

  test('refuse a misspelt urgency, naming the ones a care card takes', () => {
    expect(componentPropProblems('CareCard', { urgency: 'Urgent', heading: 'x' }).map(problemText)).toEqual([
      '<CareCard> urgency="Urgent" is not accepted. Fix: write urgency="non-urgent", "urgent" or "emergency" (how soon to act).',
    ]);
    // An urgency named like a property every object has is no urgency either.
    expect(componentPropProblems('CareCard', { urgency: 'toString', heading: 'x' })).toHaveLength(1);
  });

  test('say which required prop is missing', () => {
    expect(componentPropProblems('CareCard', { heading: 'x' }).map(problemText)).toEqual([
      '<CareCard> needs urgency="…". Fix: write urgency="non-urgent", "urgent" or "emergency" (how soon to act).',
    ]);
  });

  test('refuse a heading level outside 2 to 4 once, though the level is one of several values', () => {
    expect(componentPropProblems('KeyPoints', { level: 1 }).map(problemText)).toEqual([
      '<KeyPoints> level={1} is not accepted. Fix: write level={2}, level={3} or level={4} (the heading level), or leave it out for 2.',
    ]);
    expect(componentPropProblems('KeyPoints', { level: '3' })).toHaveLength(1);
  });

  test('refuse a prop the component does not take, naming the ones it does', () => {
    expect(componentPropProblems('Warning', { title: 'x' }).map(problemText)).toEqual([
      '<Warning> has no prop "title". Fix: check the spelling against its props (heading, level), or remove it.',
    ]);
  });

  test('take a citation’s number from 1, written as a number or as digits', () => {
    expect(checkedProps('Cite', { n: 2 })).toEqual({ n: 2 });
    expect(checkedProps('Cite', { n: '3' })).toEqual({ n: 3 });
    expect(() => checkedProps('Cite', { n: 0 })).toThrow(
      '<Cite> n={0} is not accepted. Fix: write the number of a reference in the frontmatter, from 1: <Cite n={1} />.',
    );
  });

  test('leave out the content between the tags, which MDX passes as children', () => {
    expect(checkedProps('OwnerToFill', { children: 'Say who runs the site.' })).toEqual({});
  });
});
