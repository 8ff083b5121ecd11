import { describe, expect, test } from 'vitest';

import { PAGES, useSitesAndBrowser } from '../helpers/sites';

const suite = await useSitesAndBrowser({ viewport: { width: 1280, height: 800 } }, { sites: ['site', 'fixture'] });
// Every test loads its page afresh, in the one tab of the file.
const tab = suite.useTab();

describe.each(PAGES)('on the $name page, using only the keyboard', (testPage) => {
  test('the skip link is the first Tab stop, visible, and moves focus to the main content', async () => {
    const { page } = await tab.visit(suite.sites.url(testPage));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement;
      const box = element.getBoundingClientRect();
      return { text: element.textContent, width: box.width, height: box.height };
    });
    expect(focused.text).toBe('Skip to main content');
    expect(focused.width).toBeGreaterThanOrEqual(24);
    expect(focused.height).toBeGreaterThanOrEqual(24);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
  });

  test('every Tab stop shows a visible focus indicator and is not hidden behind anything', async () => {
    const { page } = await tab.visit(suite.sites.url(testPage));
    const problems: string[] = [];
    const visited = new Set<string>();
    // Tab until focus leaves the page or comes back round; each stop is checked where it lands.
    for (let step = 0; step < 500; step++) {
      await page.keyboard.press('Tab');
      const stop = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null;
        if (!element || element === document.body) return undefined;
        const path = [...document.querySelectorAll('*')].indexOf(element);
        const style = getComputedStyle(element);
        const indicated =
          (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
        const box = element.getBoundingClientRect();
        const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
        const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 8), 0), innerHeight - 1);
        const onTop = document.elementFromPoint(x, y);
        const label = `"${element.textContent?.trim().slice(0, 30)}"`;
        let problem: string | undefined;
        if (!indicated) problem = `${label} has no focus indicator`;
        else if (box.bottom < 0 || box.top > innerHeight) problem = `${label} is focused off screen`;
        else if (!onTop || !(element === onTop || element.contains(onTop) || onTop.contains(element))) {
          problem = `${label} is covered by ${onTop?.tagName}`;
        }
        return { path, problem };
      });
      if (!stop || visited.has(String(stop.path))) break;
      visited.add(String(stop.path));
      if (stop.problem) problems.push(stop.problem);
    }
    expect(visited.size).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  });
});
