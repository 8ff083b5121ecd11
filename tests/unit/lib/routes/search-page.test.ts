import { expect, test } from 'vitest';

import { searchPageData } from '@/lib/routes/search-page';

test('sends the form to the search page itself, loads Pagefind from the site and browses from home', () => {
  expect(searchPageData()).toEqual({ action: '/search/', libraryPath: '/pagefind/pagefind.js', homeHref: '/' });
});
