/** The benchmark reads from a build's log how long Astro took to render the pages. */
import { describe, expect, test } from 'vitest';

import { pageRenderingMs, parseAstroDuration } from '../../../../scripts/bench/measured-build';

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
