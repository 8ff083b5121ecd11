/**
 * The health callouts writers use in MDX, rendered with Astro's Container API.
 */
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import * as cheerio from 'cheerio';
import { beforeAll, describe, expect, test } from 'vitest';

import CareCard from '@/components/callouts/CareCard.astro';
import KeyPoints from '@/components/callouts/KeyPoints.astro';
import Warning from '@/components/callouts/Warning.astro';

let container: AstroContainer;
beforeAll(async () => {
  container = await AstroContainer.create();
});

type Component = Parameters<AstroContainer['renderToString']>[0];

const render = async (component: Component, props: Record<string, unknown> = {}) =>
  cheerio.load(await container.renderToString(component, { props, slots: { default: '<p>Advice text.</p>' } }));

const words = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('care cards', () => {
  test.each([
    ['non-urgent', 'Non-urgent advice: '],
    ['urgent', 'Urgent advice: '],
    ['emergency', 'Immediate action required: '],
  ])('a %s card starts its heading with "%s" for screen readers', async (urgency, label) => {
    const $ = await render(CareCard, { urgency, heading: 'See a GP if:' });
    expect($('h2 .sr-only').text()).toBe(label);
    expect(words($('h2').text())).toBe(`${label.trim()} See a GP if:`);
  });

  test('show their urgency in colour too, by a class for each urgency', async () => {
    const $ = await render(CareCard, { urgency: 'emergency', heading: 'Call 999 if:' });
    expect($('section').attr('class')).toBe('callout care-emergency');
  });

  test('hold the writer’s content under the heading', async () => {
    const $ = await render(CareCard, { urgency: 'urgent', heading: 'Ask for an urgent appointment if:' });
    expect($('section > h2 + .callout-body > p').text()).toBe('Advice text.');
  });

  test('take the heading level the article’s outline needs', async () => {
    const $ = await render(CareCard, { urgency: 'urgent', heading: 'Ask for help if:', level: 3 });
    expect($('h3.callout-heading')).toHaveLength(1);
    expect($('h2')).toHaveLength(0);
  });

  test('stop the build with the content check’s message on a misspelt urgency', async () => {
    await expect(render(CareCard, { urgency: 'very urgent', heading: 'x' })).rejects.toThrow(
      '<CareCard> urgency="very urgent" is not accepted. Fix: write urgency="non-urgent", "urgent" or "emergency" (how soon to act).',
    );
  });
});

describe('the key-points box', () => {
  test('is headed "Key points" unless the writer says otherwise', async () => {
    expect((await render(KeyPoints))('h2').text()).toBe('Key points');
    expect((await render(KeyPoints, { heading: 'In short' }))('h2').text()).toBe('In short');
  });

  test('holds the writer’s summary', async () => {
    expect((await render(KeyPoints))('.key-points .callout-body p').text()).toBe('Advice text.');
  });
});

describe('the warning callout', () => {
  test('is headed "Important" when the writer gives no heading', async () => {
    const $ = await render(Warning);
    expect(words($('h2').text())).toBe('Important');
    expect($('h2 .sr-only')).toHaveLength(0);
  });

  test('starts a heading of the writer’s with "Important:" for screen readers', async () => {
    const $ = await render(Warning, { heading: 'Do not take ibuprofen if:', level: 4 });
    expect(words($('h4').text())).toBe('Important: Do not take ibuprofen if:');
    expect($('h4 .sr-only').text()).toBe('Important: ');
  });

  test('rejects a heading level outside 2 to 4', async () => {
    await expect(render(Warning, { level: 7 })).rejects.toThrow(
      '<Warning> level={7} is not accepted. Fix: write level={2}, level={3} or level={4} (the heading level), or leave it out for 2.',
    );
  });
});
