/**
 * The benchmark judges issue 18's targets itself: each a ratio to the bare Astro baseline of the same run,
 * met or not met with the numbers it compared, or not measured with the options that would measure it.
 */
import { describe, expect, test } from 'vitest';

import type { BuildMeasurement } from '../../../../scripts/bench/measured-build';
import {
  evaluateTargets,
  formatPhases,
  formatTargets,
  type BenchReport,
  type SizeResult,
} from '../../../../scripts/bench/report';

const build = (wallS: number, peakGb: number, pages: number, renderS?: number): BuildMeasurement => ({
  wallMs: wallS * 1000,
  userCpuMs: wallS * 1200,
  systemCpuMs: 0,
  peakRssMb: peakGb * 1024,
  pages,
  msPerPage: (wallS * 1000) / pages,
  renderMs: renderS === undefined ? undefined : renderS * 1000,
  phases: { bundling: wallS * 400, rendering: (renderS ?? 0) * 1000 },
  distBytes: 0,
  warningLines: 0,
  warningKinds: {},
  loadAverage: 1,
});

/** A size whose bare baseline builds 1,000 pages cold in 20 s at 1.2 GB, rendering them in 8 s. */
function size(
  articles: number,
  site: { coldS: number; peakGb?: number; renderS?: number; rebuildS?: number },
  commentsPerArticle = 30,
): SizeResult {
  return {
    articles,
    commentsPerArticle,
    site: build(site.coldS, site.peakGb ?? 1.5, 2 * articles, site.renderS ?? 0.016 * articles),
    siteRebuild: build(site.rebuildS ?? 10, 1.4, 2 * articles),
    baseline: build(20 * (articles / 1000), 1.2, articles, 8 * (articles / 1000)),
    baselineRebuild: build(19 * (articles / 1000), 1.2, articles),
  };
}

const verdicts = (sizes: SizeResult[]) =>
  Object.fromEntries(evaluateTargets(sizes).map(({ target, met }) => [target, met]));

describe('evaluateTargets', () => {
  test('meets every target at 1,000 articles when each ratio is within its limit', () => {
    // Cold 40 s = 2 × 20 s; 1.7 GB = 1.2 + 0.5 GB; 16 s / 2,000 pages = 8 ms = 2 × 8 s / 1,000; rebuild 14 s = 35 % of 40 s.
    const result = verdicts([size(1000, { coldS: 40, peakGb: 1.7, renderS: 32, rebuildS: 14 })]);
    expect(result).toMatchObject({
      '1,000 × 30: cold build ≤ 2 × bare': true,
      '1,000 × 30: peak RSS ≤ bare + 0.50 GB': true,
      '1,000 × 30: page render ≤ 2 × bare page': true,
      '1,000 × 30: rebuild after one comment ≤ bare cold build': true,
      '1,000 × 30: rebuild after one comment ≤ 35 % of site cold build': true,
    });
  });

  test('fails each target whose ratio is over its limit, and only that one', () => {
    expect(verdicts([size(1000, { coldS: 40.1 })])['1,000 × 30: cold build ≤ 2 × bare']).toBe(false);
    expect(verdicts([size(1000, { coldS: 30, peakGb: 1.71 })])['1,000 × 30: peak RSS ≤ bare + 0.50 GB']).toBe(false);
    expect(verdicts([size(1000, { coldS: 30, renderS: 33 })])['1,000 × 30: page render ≤ 2 × bare page']).toBe(false);
    const slowRebuild = verdicts([size(1000, { coldS: 80, rebuildS: 21 })]);
    expect(slowRebuild['1,000 × 30: rebuild after one comment ≤ bare cold build']).toBe(false);
    // 21 s is 26 % of 80 s: the share target is met while the bare-cold one is not.
    expect(slowRebuild['1,000 × 30: rebuild after one comment ≤ 35 % of site cold build']).toBe(true);
    const rebuildShare = verdicts([size(1000, { coldS: 40, rebuildS: 15 })]);
    expect(rebuildShare['1,000 × 30: rebuild after one comment ≤ bare cold build']).toBe(true);
    expect(rebuildShare['1,000 × 30: rebuild after one comment ≤ 35 % of site cold build']).toBe(false);
  });

  test('compares the whole build per page when a log does not say how long rendering took', () => {
    const withoutRenderTimes = size(1000, { coldS: 30 });
    withoutRenderTimes.site.renderMs = undefined;
    withoutRenderTimes.baseline.renderMs = undefined;
    // 30 s / 2,000 pages = 15 ms against 20 s / 1,000 = 20 ms.
    const render = evaluateTargets([withoutRenderTimes]).find(({ target }) => target.includes('page render'))!;
    expect(render.met).toBe(true);
    expect(render.detail).toMatch(/^15\.0 vs 20\.0 ms a page \(whole build; 2,000 vs 1,000 pages\)/);
  });

  test('prints the numbers behind each verdict', () => {
    const text = formatTargets(evaluateTargets([size(1000, { coldS: 50, peakGb: 2, renderS: 40, rebuildS: 12 })]));
    expect(text).toContain('✗ 1,000 × 30: cold build ≤ 2 × bare: 50.0 s vs 20.0 s = 2.50 × (user CPU 2.50 ×)');
    expect(text).toContain('✗ 1,000 × 30: peak RSS ≤ bare + 0.50 GB: 2.00 GB vs 1.20 GB = +0.80 GB');
    expect(text).toContain(
      '✗ 1,000 × 30: page render ≤ 2 × bare page: 20.0 vs 8.0 ms a page (rendering; 2,000 vs 1,000 pages) = 2.50 ×',
    );
    expect(text).toContain(
      '✓ 1,000 × 30: rebuild after one comment ≤ 35 % of site cold build: 12.0 s vs 50.0 s = 24 %',
    );
  });

  test('says how to measure the targets a run did not reach, and judges none of them', () => {
    const targets = evaluateTargets([size(100, { coldS: 5 })]);
    expect(targets.every(({ met }) => met === undefined)).toBe(true);
    expect(targets.find(({ target }) => target.startsWith('5,000 × 30: cold build'))!.detail).toBe(
      'not measured: run with --sizes 5000 (30 comments is the default)',
    );
    expect(targets.at(-1)!.detail).toBe('not measured: run with --sizes 5000 --comments 30,100');
  });

  test('holds 5,000 articles × 100 comments to 1.5 × the wall time of 5,000 × 30', () => {
    const linear = (manyS: number) =>
      evaluateTargets([size(5000, { coldS: 200 }), size(5000, { coldS: manyS }, 100)]).at(-1)!;
    expect(linear(300)).toMatchObject({ target: '5,000 × 100 cold build ≤ 1.5 × 5,000 × 30', met: true });
    expect(linear(300.1).met).toBe(false);
    // The 100-comment build is not taken for the 30-comment targets.
    expect(
      evaluateTargets([size(5000, { coldS: 300 }, 100)]).find(({ target }) => target.startsWith('5,000 × 30: cold'))!
        .met,
    ).toBeUndefined();
  });
});

test('formatPhases prints where each build’s time went, in seconds, with – for a phase its log did not show', () => {
  const report = { sizes: [size(1000, { coldS: 40, renderS: 16 })] } as BenchReport;
  const table = formatPhases(report).split('\n');
  expect(table[0]).toMatch(
    /^\| articles × comments \| build +\| start and content check s \| content sync s \| types and build info s \| bundling s \| rendering s \|/,
  );
  expect(table).toHaveLength(2 + 4);
  expect(table[2]).toMatch(/^\| +1,000 × 30 \| site, cold +\| +– \| +– \| +– \| +16\.0 \| +16\.0 \| +– \| +– \|$/);
});
