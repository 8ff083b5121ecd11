import { describe, expect, test } from 'vitest';

import { serializeJsonLd } from '@/lib/seo/json-ld';

describe('serializeJsonLd', () => {
  const hostile = {
    '@type': 'Article',
    headline: 'Cramps</script><script>alert(1)</script> & <!-- more -->',
  };

  test('writes no "<", ">" or "&", so nothing can end the script element or open a comment', () => {
    const json = serializeJsonLd(hostile);
    expect(json).not.toMatch(/[<>&]/);
    expect(json.toLowerCase()).not.toContain('</script');
  });

  test('parses back to the same value', () => {
    expect(JSON.parse(serializeJsonLd(hostile))).toEqual(hostile);
  });

  test('escapes line and paragraph separators, which old parsers took for line ends', () => {
    const json = serializeJsonLd({ text: 'a\u2028b\u2029c' });
    expect(json).toBe('{"text":"a\\u2028b\\u2029c"}');
  });

  test('leaves other text as JSON writes it', () => {
    expect(serializeJsonLd({ name: 'Crème “quoted”', n: 1 })).toBe('{"name":"Crème “quoted”","n":1}');
  });

  test('refuses a value that is not JSON', () => {
    expect(() => serializeJsonLd(undefined)).toThrow(TypeError);
  });
});
