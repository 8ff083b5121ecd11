import { fileURLToPath } from 'node:url';

import { describe, expect, test } from 'vitest';

import { checkContent } from '@/lib/content-check/check';
import { formatProblem } from '@/lib/content-check/problems';

const fixtures = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const report = checkContent(`${fixtures}broken-mdx`, fixtures);
const lines = report.problems.map(formatProblem);

/** The lines reported for a file of `broken-mdx/`, with or without a line and column. */
const linesFor = (file: string) => lines.filter((line) => line.startsWith(`broken-mdx/${file}:`));

describe('the content check of MDX and components', () => {
  test('reports a component tag that is never closed, with the line and column the compiler gives', () => {
    expect(linesFor('articles/unclosed-tag.mdx')).toEqual([
      'broken-mdx/articles/unclosed-tag.mdx:9:1: article "unclosed-tag": the MDX does not compile: expected a closing tag for `<CareCard>`. Fix: close it with </CareCard> after its content (a blank line before and after), or write <CareCard … /> if it has none.',
    ]);
  });

  test('reports a misspelt urgency, a heading level out of range and an unknown prop, each where its tag is', () => {
    expect(linesFor('articles/bad-props.mdx')).toEqual([
      'broken-mdx/articles/bad-props.mdx:7:1: article "bad-props": <CareCard> urgency="urgnet" is not accepted. Fix: write urgency="non-urgent", "urgent" or "emergency" (how soon to act).',
      'broken-mdx/articles/bad-props.mdx:11:1: article "bad-props": <KeyPoints> level={5} is not accepted. Fix: write level={2}, level={3} or level={4} (the heading level), or leave it out for 2.',
      'broken-mdx/articles/bad-props.mdx:15:1: article "bad-props": <Warning> has no prop "title". Fix: check the spelling against its props (heading, level), or remove it.',
    ]);
  });

  test('reports a citation beyond the references at the citation, not the one that is listed', () => {
    expect(linesFor('articles/cite-beyond.mdx')).toEqual([
      'broken-mdx/articles/cite-beyond.mdx:12:53: article "cite-beyond": <Cite n={7} /> cites reference 7, but the article lists 2 references. Fix: add the source to "references" in the frontmatter (they are numbered from 1 in order), or correct the number.',
    ]);
  });

  test('reports a misspelt component, and a site page’s component used in an article', () => {
    expect(linesFor('articles/unknown-component.mdx')).toEqual([
      'broken-mdx/articles/unknown-component.mdx:7:1: article "unknown-component": there is no component <CareCrad>. Fix: use one of <CareCard>, <KeyPoints>, <Warning>, <Cite> (check the spelling and capitals), or write the text without it.',
      'broken-mdx/articles/unknown-component.mdx:11:1: article "unknown-component": <OwnerToFill> is for site pages only, not articles. Fix: remove it, or move this text to a page in content/pages.',
    ]);
  });

  test('reports a prop on a site page’s placeholder, which takes none, and a citation on a page without references', () => {
    expect(linesFor('pages/about-us.mdx')).toEqual([
      'broken-mdx/pages/about-us.mdx:6:1: page "about-us": <OwnerToFill> has no prop "who". Fix: remove it: <OwnerToFill> takes no props.',
      'broken-mdx/pages/about-us.mdx:10:28: page "about-us": <Cite> is for articles only: a site page has no references for it to link to. Fix: link to the source instead, such as [NHS: leg cramps](https://www.nhs.uk/conditions/leg-cramps/).',
    ]);
  });

  test('reports a misspelt frontmatter field once, not again as comments without an article', () => {
    expect(lines.filter((line) => line.includes('misspelt-field'))).toEqual([
      'broken-mdx/articles/misspelt-field.mdx:5:1: article "misspelt-field": unknown field "medicalReveiw". Fix: check the spelling against the field list in the README, or remove it.',
    ]);
  });

  test('counts references from 1 in field names, as citations do', () => {
    expect(linesFor('articles/bad-reference.mdx')).toEqual([
      'broken-mdx/articles/bad-reference.mdx:8:5: article "bad-reference", field "references[2].title": is missing. Fix: add it; the README lists every field and what it holds.',
    ]);
  });

  test('reports nothing else', () => {
    expect(lines).toHaveLength(11);
  });
});
