import { describe, expect, test } from 'vitest';

import { CARE_URGENCY_LABELS, checkCalloutLevel, checkCareUrgency } from '@/lib/editorial/callouts';

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
