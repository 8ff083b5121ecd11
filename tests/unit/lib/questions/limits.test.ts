import { describe, expect, test } from 'vitest';

import { checkFormToken, issueFormToken } from '@/lib/questions/form-token';
import { countLinks, hasVisibleText } from '@/lib/questions/limits';

describe('countLinks', () => {
  test('counts http(s) addresses, www. addresses and HTML links', () => {
    expect(countLinks('see https://a.example and http://b.example')).toBe(2);
    expect(countLinks('www.c.example or <a href="d">d</a> or <A>')).toBe(3);
  });

  test('counts an address once, and plain words as none', () => {
    expect(countLinks('https://www.example.org/page')).toBe(1);
    expect(countLinks('I was away www-less for a while, and my abstract <abbr>x</abbr>')).toBe(0);
  });
});

describe('hasVisibleText', () => {
  test('is false for empty text, spaces and invisible characters alone', () => {
    for (const text of ['', '  \n\t', '\u200b\u200c\u200d', '\u2060\ufeff', '\u3164\u115f', '\u00a0\u2800', '\u00ad']) {
      expect(hasVisibleText(text), JSON.stringify(text)).toBe(false);
    }
  });

  test('is true for any letter, digit, punctuation or emoji', () => {
    for (const text of ['a', '1', '?', '語', '😀', ' \u200b x ']) expect(hasVisibleText(text), text).toBe(true);
  });
});

describe('form tokens', () => {
  const served = new Date('2026-12-05T10:00:00Z');
  const after = (seconds: number) => new Date(served.getTime() + seconds * 1000);

  test('pass for the article they were issued for, after a person’s writing time', async () => {
    const token = await issueFormToken('secret', 'a', served);
    expect(await checkFormToken('secret', token, 'a', after(30))).toEqual({ ok: true });
  });

  test('are too fast within 3 seconds, saying how long to wait', async () => {
    const token = await issueFormToken('secret', 'a', served);
    expect(await checkFormToken('secret', token, 'a', after(1))).toEqual({
      ok: false,
      reason: 'too-fast',
      retryAfterSeconds: 2,
    });
  });

  test('expire after a day', async () => {
    const token = await issueFormToken('secret', 'a', served);
    expect(await checkFormToken('secret', token, 'a', after(24 * 3600 - 1))).toEqual({ ok: true });
    expect(await checkFormToken('secret', token, 'a', after(24 * 3600 + 1))).toEqual({ ok: false, reason: 'expired' });
  });

  test('are invalid for another article, another secret, from the future, or altered', async () => {
    const token = await issueFormToken('secret', 'a', served);
    const invalid = { ok: false, reason: 'invalid' };
    expect(await checkFormToken('secret', token, 'b', after(30))).toEqual(invalid);
    expect(await checkFormToken('other', token, 'a', after(30))).toEqual(invalid);
    expect(await checkFormToken('secret', token, 'a', after(-120))).toEqual(invalid);
    const [version, issued, signature] = token.split('.');
    expect(await checkFormToken('secret', `${version}.${Number(issued) - 100}.${signature}`, 'a', after(30))).toEqual(
      invalid,
    );
    for (const broken of ['', 'v1', 'v1..', 'v2.1.abc', `${token}.x`, 'v1.1.!!!']) {
      expect(await checkFormToken('secret', broken, 'a', after(30)), broken).toEqual(invalid);
    }
  });
});
