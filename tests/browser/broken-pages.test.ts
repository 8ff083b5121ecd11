import { expect, test } from 'vitest';

import { visit } from '../helpers/browser';
import {
  axeViolations,
  horizontalScroll,
  narrowTextColumns,
  overflowingElements,
  smallTouchTargets,
} from '../helpers/page-checks';
import { useSitesAndBrowser } from '../helpers/sites';

// The checks that pass on the site's pages must fail on pages broken on purpose.
const suite = await useSitesAndBrowser({ viewport: { width: 320, height: 640 } }, { sites: ['broken-pages'] });

test('the accessibility check catches an image without alt text', async () => {
  const { page } = await visit(suite.browser.context, suite.sites.broken('image-without-alt.html'));
  expect((await axeViolations(page)).some((violation) => violation.startsWith('image-alt:'))).toBe(true);
});

test('the 320 px checks catch an element 1000 px wide', async () => {
  const { page } = await visit(suite.browser.context, suite.sites.broken('wide-element.html'));
  // 1000 px plus the body's 8 px margin.
  expect(await horizontalScroll(page)).toEqual(['page is 1008 px wide in a 320 px viewport']);
  expect((await overflowingElements(page)).length).toBeGreaterThan(0);
});

test('the readability check catches a text column narrower than 200 px', async () => {
  const { page } = await visit(suite.browser.context, suite.sites.broken('wide-element.html'));
  expect(await narrowTextColumns(page, 200)).toEqual(['"A squeezed column of text.…" is 120 px wide']);
});

test('the touch-target check catches a 10 × 10 px link', async () => {
  const { page } = await visit(suite.browser.context, suite.sites.broken('wide-element.html'));
  expect(await smallTouchTargets(page)).toEqual(['"tiny" is 10 × 10 px']);
});
