import { describe, expect, test } from 'vitest';

import { CARE_URGENCY_LABELS, usesCallouts } from '@/lib/editorial/callouts';

describe('care card urgency', () => {
  test('is said in the words NHS.UK uses at the start of its care card headings', () => {
    expect(CARE_URGENCY_LABELS).toEqual({
      'non-urgent': 'Non-urgent advice',
      urgent: 'Urgent advice',
      emergency: 'Immediate action required',
    });
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
