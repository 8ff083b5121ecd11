/**
 * The words of the health callouts (components/callouts/). Care cards say their urgency in colour and
 * in words at the start of the heading, as NHS.UK's do, so that it reaches people who cannot see the
 * colour: screen-reader users, and anyone reading a black-and-white print.
 */

/** How soon the reader should act on a care card's advice. */
export type CareUrgency = 'non-urgent' | 'urgent' | 'emergency';

/** The words that start each care card's heading (visually hidden on screen, printed on paper). */
export const CARE_URGENCY_LABELS: Readonly<Record<CareUrgency, string>> = {
  'non-urgent': 'Non-urgent advice',
  urgent: 'Urgent advice',
  emergency: 'Immediate action required',
};

/** Heading levels a callout may take, so it fits the article's outline (`level={3}` under an `##` section). */
export type CalloutLevel = 2 | 3 | 4;

/** The tags of the health callouts, as writers type them in MDX. */
export const CALLOUT_TAGS = ['CareCard', 'KeyPoints', 'Warning'] as const;

const CALLOUT_TAG = new RegExp(`<(?:${CALLOUT_TAGS.join('|')})\\b`);

/** Whether an MDX text uses a health callout, so that its page needs the callouts' styles. */
export const usesCallouts = (source: string): boolean => CALLOUT_TAG.test(source);
