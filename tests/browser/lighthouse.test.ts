/**
 * Lighthouse mobile (simulated throttling) on the built seed article, served offline on 127.0.0.1 and
 * gzip-compressed as a static host serves it: the targets of issue 6. One Lighthouse run, about 20 s.
 */
import { beforeAll, describe, expect, test } from 'vitest';

import { CATEGORIES, runLighthouse, TARGETS, targetLines, type LighthouseSummary } from '../../scripts/lighthouse';
import { findChromium, NO_CHROMIUM } from '../helpers/browser';
import { SITE_DIST } from '../helpers/paths';

const chromePath = findChromium();
if (!chromePath) console.warn(`Lighthouse tests skipped. ${NO_CHROMIUM}`);

describe.skipIf(!chromePath)('Lighthouse mobile on the seed article', () => {
  let summary: LighthouseSummary;
  beforeAll(async () => {
    summary = await runLighthouse({ chromePath: chromePath!, dist: SITE_DIST });
    console.log([...targetLines(summary), `HTML report: ${summary.reports.html}`].join('\n'));
  }, 180_000);

  /** What to look at when a target is missed. */
  const why = () => [...summary.imperfectAudits, ...summary.runWarnings].join('\n') || 'see the HTML report';

  test.each(CATEGORIES)(`scores ${TARGETS.score} in %s`, (category) => {
    expect(summary.scores[category], why()).toBe(TARGETS.score);
  });

  test(`paints the largest content within ${TARGETS.largestContentfulPaintMs} ms`, () => {
    expect(summary.metrics.largestContentfulPaintMs, why()).toBeLessThanOrEqual(TARGETS.largestContentfulPaintMs);
  });

  test('never shifts its layout', () => {
    expect(summary.metrics.cumulativeLayoutShift).toBe(TARGETS.cumulativeLayoutShift);
  });

  test('never blocks the main thread', () => {
    expect(summary.metrics.totalBlockingTimeMs, why()).toBe(TARGETS.totalBlockingTimeMs);
  });
});

// Without a browser the run shows why nothing was measured, instead of passing quietly.
if (!chromePath) test.skip(`Lighthouse needs a browser. ${NO_CHROMIUM}`, () => {});
