import { describe, expect, test } from 'vitest';

import { CARE_URGENCY_LABELS, checkCalloutLevel, checkCareUrgency, usesCallouts } from '@/lib/editorial/callouts';

describe('care card urgency', () => {
  test('is said in the words NHS.UK uses at the start of its care card headings', () => {
    expect(CARE_URGENCY_LABELS).toEqual({
      'non-urgent': 'Non-urgent advice',
      urgent: 'Urgent advice',
      emergency: 'Immediate action required',
    });
  });

  test('accepts the three urgencies', () => {
    expect(['non-urgent', 'urgent', 'emergency'].map(checkCareUrgency)).toEqual(['non-urgent', 'urgent', 'emergency']);
  });

  test('rejects a misspelt urgency with a message naming the ones it accepts', () => {
    expect(() => checkCareUrgency('Urgent')).toThrow(
      '<CareCard urgency="…">: urgency must be "non-urgent", "urgent", "emergency", not "Urgent".',
    );
    expect(() => checkCareUrgency(undefined)).toThrow('not undefined');
    expect(() => checkCareUrgency('toString')).toThrow('not "toString"');
  });
});

describe('callout heading levels', () => {
  test('are 2, 3 or 4', () => {
    expect([2, 3, 4].map((level) => checkCalloutLevel('Warning', level))).toEqual([2, 3, 4]);
  });

  test('reject anything else, naming the component', () => {
    expect(() => checkCalloutLevel('KeyPoints', 1)).toThrow('<KeyPoints level={…}>: level must be 2, 3 or 4');
    expect(() => checkCalloutLevel('KeyPoints', '3')).toThrow('not "3"');
  });
});

describe('usesCallouts', () => {
  test('finds each callout tag, with attributes or without', () => {
    expect(usesCallouts('Text\n\n<CareCard urgency="urgent" heading="Act now">\n- x\n</CareCard>')).toBe(true);
    expect(usesCallouts('<KeyPoints>\n- a\n</KeyPoints>')).toBe(true);
    expect(usesCallouts('<Warning heading="Do not">x</Warning>')).toBe(true);
  });

  test('is false for text without callouts, even when it says their names', () => {
    expect(usesCallouts('A warning about KeyPoints and a <CareCards> tag that is not ours.')).toBe(false);
  });
});
