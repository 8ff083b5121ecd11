import { describe, expect, test } from 'vitest';

import { oldAddressProblem } from '@/schemas/redirects';

describe('an old address', () => {
  test.each([
    '/2019/05/leg-cramps/',
    '/?p=123',
    '/blog/?page_id=7&lang=en',
    '/category/%E7%9D%A1%E7%9C%A0/',
    '/leg-cramps',
    "/it's-fine/",
  ])('%s is accepted', (address) => {
    expect(oldAddressProblem(address)).toBeUndefined();
  });

  test.each([
    ['https://old.example/x/', 'must be a path without a scheme or host'],
    ['//old.example/x/', 'must be a path without a scheme or host'],
    ['javascript:alert(1)', 'must be a path without a scheme or host'],
    ['2019/05/x/', 'must start with "/"'],
    ['/x/#comment-1', 'must not hold a "#" fragment'],
    ['/leg cramps/', 'holds a space or a character that must be percent-encoded'],
    ['/睡眠/', 'holds a space or a character that must be percent-encoded'],
    ['/100%/', 'holds a "%" that starts no escape such as %20'],
    ['/%FF/', 'holds a percent-escape that is not UTF-8 text'],
    ['/a/../etc/', 'must not hold "." or ".." segments or backslashes'],
    ['/a/%2E%2E/etc/', 'must not hold "." or ".." segments or backslashes'],
    ['/a%5Cb/', 'must not hold "." or ".." segments or backslashes'],
    ['/?p', 'has a query that is not name=value pairs joined by "&"'],
    ['/?p=1?q=2', 'holds more than one "?"'],
    [`/${'a'.repeat(800)}`, 'must be at most 800 characters long'],
  ])('%s is refused: %s', (address, message) => {
    expect(oldAddressProblem(address)?.message).toBe(message);
  });
});
