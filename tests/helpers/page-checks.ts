/**
 * Checks run inside a page. Each returns the problems it found (empty when the page passes), so the
 * same check is proven to pass on the real pages and to fail on deliberately broken ones.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * axe-core violations as "rule: target" lines. Every rule of AXE_TAGS runs; two settings only spare work
 * whose output is never read, which makes a scan three to four times faster (15 s to 4 s on the
 * 10,000-comment thread's page): `axe.run` in the page itself (legacy mode) instead of a partial run in
 * each frame that is sent to a blank tab to be finished (our pages have no frames from other origins),
 * and unique selectors computed for the violations only, not for every node that passed.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(AXE_TAGS)
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${violation.help})`),
  );
}

/** The page scrolls sideways: "scrollWidth > clientWidth". */
export async function horizontalScroll(page: Page): Promise<string[]> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  return scrollWidth > clientWidth ? [`page is ${scrollWidth} px wide in a ${clientWidth} px viewport`] : [];
}

/**
 * Elements whose content spills out of their box sideways or is clipped, except boxes meant to scroll
 * (overflow auto/scroll, such as code blocks) and visually hidden text.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (element: Element) =>
      `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${element.className && typeof element.className === 'string' ? `.${element.className.trim().split(/\s+/).slice(0, 2).join('.')}` : ''}`;
    const problems: string[] = [];
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(element);
      if (style.display === 'inline' || style.display === 'none' || style.position === 'absolute') continue;
      if (['auto', 'scroll'].includes(style.overflowX)) continue;
      if (element.closest('.sr-only')) continue;
      if (element.scrollWidth > element.clientWidth + 1 && element.clientWidth > 0) {
        problems.push(
          `${describe(element)}: content ${element.scrollWidth} px wide in a ${element.clientWidth} px box`,
        );
      }
      if (style.overflowY === 'hidden' && element.scrollHeight > element.clientHeight + 1) {
        problems.push(
          `${describe(element)}: content ${element.scrollHeight} px tall clipped to ${element.clientHeight} px`,
        );
      }
    }
    return problems;
  });
}

/** Paragraphs of reading text squeezed narrower than `minWidth` CSS pixels. */
export async function narrowTextColumns(page: Page, minWidth: number): Promise<string[]> {
  return page.evaluate((min) => {
    const problems: string[] = [];
    for (const paragraph of document.querySelectorAll('main p')) {
      const width = paragraph.getBoundingClientRect().width;
      if (paragraph.textContent?.trim() && width < min) {
        problems.push(`"${paragraph.textContent.trim().slice(0, 40)}…" is ${Math.round(width)} px wide`);
      }
    }
    return problems;
  }, minWidth);
}

/**
 * Pointer targets smaller than 24 × 24 CSS px (WCAG 2.5.8). Links inside running text are exempt,
 * as the criterion allows.
 */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const target of document.querySelectorAll<HTMLElement>('a[href], button, summary, input, select, textarea')) {
      if (target.closest('.prose, .comment-body, [data-running-text]')) continue;
      const box = target.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue; // not rendered (hidden skip link, folded thread)
      if (box.width < 24 || box.height < 24) {
        problems.push(`"${target.textContent?.trim()}" is ${Math.round(box.width)} × ${Math.round(box.height)} px`);
      }
    }
    return problems;
  });
}

/** WCAG 1.4.12 text spacing, applied to every element. */
export const TEXT_SPACING_CSS = `* {
  line-height: 1.5 !important;
  letter-spacing: 0.12em !important;
  word-spacing: 0.16em !important;
}
p { margin-bottom: 2em !important; }`;
