import { expect, test } from 'vitest';

import { notFoundPageData } from '@/lib/routes/not-found-page';

test('leads a lost reader back to the list of articles', () => {
  expect(notFoundPageData()).toEqual({ homeHref: '/' });
});
