import { load } from 'cheerio';
import { describe, expect, test } from 'vitest';

import { redirectPageFile, redirectPageHtml } from '@/lib/redirects/redirect-page';

describe('the redirect page for hosts without redirects', () => {
  const $ = load(redirectPageHtml('/articles/leg-cramps/', 'https://health.example/articles/leg-cramps/'));

  test('names the new page as canonical and keeps itself out of search results', () => {
    expect($('link[rel=canonical]').attr('href')).toBe('https://health.example/articles/leg-cramps/');
    expect($('meta[name=robots]').attr('content')).toBe('noindex');
  });

  test('carries the fragment (an old #comment-123 link) across with a script', () => {
    expect($('script').text()).toBe('location.replace("/articles/leg-cramps/" + location.hash)');
  });

  test('still leads to the page without JavaScript, and shows a link to it', () => {
    expect(load($('noscript').html()!)('meta[http-equiv=refresh]').attr('content')).toBe(
      '0; url=/articles/leg-cramps/',
    );
    expect($('body a').attr('href')).toBe('/articles/leg-cramps/');
  });

  test('cannot be broken out of by the address it leads to', () => {
    const html = redirectPageHtml('/x/</script><script>alert(1)</script>/"', 'https://health.example/x/');
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toContain('"/x/</script>');
  });
});

describe('the file that answers an old path', () => {
  test.each([
    ['2019/05/leg-cramps/', '2019/05/leg-cramps/index.html'],
    ['2019/05/leg-cramps', '2019/05/leg-cramps/index.html'],
    ['/category/pregnancy/', 'category/pregnancy/index.html'],
    ['old-page.html', 'old-page.html'],
  ])('%s is answered by %s', (path, file) => {
    expect(redirectPageFile(path)).toBe(file);
  });

  test.each(['', '/', 'feed.xml', 'wp-content/uploads/x.pdf'])('%j cannot be answered by a page', (path) => {
    expect(redirectPageFile(path)).toBeUndefined();
  });
});
