import { describe, expect, test } from 'vitest';

import { citationId, CitationCounter, citedReferences, fullStopAfter, referenceId } from '@/lib/editorial/references';

describe('citedReferences', () => {
  test('finds the reference numbers an MDX body cites, once each, in order of first citation', () => {
    const body = 'One.<Cite n={2} /> Two.<Cite n={1}/> Again.<Cite n={2} />';
    expect(citedReferences(body)).toEqual([2, 1]);
  });

  test('reads numbers written as strings and with spaces inside the braces', () => {
    expect(citedReferences('<Cite n="3" /> <Cite n={ 4 } /> <Cite  n=\'5\'/>')).toEqual([3, 4, 5]);
  });

  test('finds nothing in a body without citations', () => {
    expect(citedReferences('No <Citation n={1} /> here, nor <cite>a title</cite>.')).toEqual([]);
  });
});

describe('citation ids', () => {
  test('name a reference and the citations of it', () => {
    expect(referenceId(3)).toBe('ref-3');
    expect(citationId(3, 1)).toBe('cite-3');
    expect(citationId(3, 2)).toBe('cite-3-2');
  });

  test('are handed out so that a source cited twice gives each citation an id of its own', () => {
    const counter = new CitationCounter();
    expect([counter.next(1), counter.next(2), counter.next(1), counter.next(1)]).toEqual([
      'cite-1',
      'cite-2',
      'cite-1-2',
      'cite-1-3',
    ]);
  });
});

describe('fullStopAfter', () => {
  test('ends a part of a reference with a full stop unless it already ends a sentence', () => {
    expect(fullStopAfter('Leg cramps')).toBe('.');
    expect(fullStopAfter('Are leg cramps serious?')).toBe('');
    expect(fullStopAfter('Smith et al.')).toBe('');
  });
});
