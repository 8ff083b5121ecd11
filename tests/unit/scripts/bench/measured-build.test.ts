/** The benchmark reads from a build's log how long Astro took to render the pages. */
import { describe, expect, test } from 'vitest';

import { buildPhases, pageRenderingMs, parseAstroDuration } from '../../../../scripts/bench/measured-build';

describe('parseAstroDuration', () => {
  test('reads the three forms Astro prints', () => {
    expect(parseAstroDuration('78ms')).toBe(78);
    expect(parseAstroDuration('7.99s')).toBe(7990);
    expect(parseAstroDuration('1m 4s')).toBe(64_000);
  });

  test('reads nothing else', () => {
    expect(parseAstroDuration('soon')).toBeUndefined();
    expect(parseAstroDuration('4 s')).toBeUndefined();
  });
});

describe('pageRenderingMs', () => {
  test('takes the first "Completed in" after "generating static routes", colours and all', () => {
    const log = [
      '11:48:34 [build] \u001b[32m✓ Completed in 7.99s.\u001b[39m',
      '\u001b[42m generating static routes \u001b[49m',
      '11:49:06   ├─ /articles/a/index.html (+7ms) ',
      '11:50:09 \u001b[32m✓ Completed in 1m 4s.\u001b[39m',
      '',
      '11:50:10 [build] ✓ Completed in 1m 37s.',
    ].join('\n');
    expect(pageRenderingMs(log)).toBe(64_000);
  });

  test('is undefined when the log does not say', () => {
    expect(pageRenderingMs('11:48:34 [build] ✓ Completed in 7.99s.\n')).toBeUndefined();
    expect(pageRenderingMs(' generating static routes \n11:49:06   ├─ /a/index.html (+7ms)\n')).toBeUndefined();
  });
});

describe('buildPhases', () => {
  /** A site build's log, shortened, as Astro writes it (colours removed). */
  const LOG = [
    '11:56:51 [health-site:content-integrity] Content check: 1000 articles to publish',
    '11:56:54 [content] Syncing content',
    '11:56:59 [content] Synced content',
    '11:56:59 [types] Generated 7.84s',
    '11:57:00 [build] ✓ Completed in 10.07s.',
    '11:57:00 [build] Building static entrypoints...',
    '11:57:25 [vite] ✓ built in 24.50s',
    '11:57:25 [vite] ✓ built in 122ms',
    '11:57:26 [build] Rearranging server assets...',
    '',
    ' generating static routes ',
    '11:57:27   ├─ /articles/a/index.html (+7ms) ',
    '11:58:09 ✓ Completed in 43.08s.',
    '',
    '11:58:11 [build] ✓ Completed in 1m 11s.',
    '11:58:42 [health-site:share-images] Sharing images: 1001 in og/',
    '11:58:53 [build] 2366 page(s) built in 2m 3s',
    '11:58:53 [build] Complete!',
  ].join('\n');

  test('splits the wall time into the phases the log shows, the rest being what it does not', () => {
    // The log runs from 11:56:51 to 11:58:53, 122 s of the 130.5 s: 8.5 s came before its first line.
    expect(buildPhases(LOG, 130_500)).toEqual({
      'start and content check': 8500 + 3000,
      'content sync': 5000,
      'types and build info': 1000,
      bundling: 25_000,
      rendering: 43_080,
      'after the pages': 44_000,
      'the rest': 130_500 - 11_500 - 5000 - 1000 - 25_000 - 43_080 - 44_000,
    });
  });

  test('follows a build past midnight', () => {
    const log = LOG.replace('11:58:09', '23:59:59').replace(/11:58:(11|42|53)/g, '00:00:$1');
    expect(buildPhases(log, 200_000)['after the pages']).toBe(54_000);
  });

  test('leaves out the phases a log does not show, and counts all the time as the rest without a log', () => {
    const withoutSync = LOG.split('\n')
      .filter((line) => !line.includes('[content]'))
      .join('\n');
    expect(buildPhases(withoutSync, 130_500)).not.toHaveProperty('content sync');
    expect(buildPhases('', 5000)).toEqual({ 'the rest': 5000 });
  });
});
