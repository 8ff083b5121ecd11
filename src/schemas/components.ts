/**
 * The props of the site's own MDX components, one declared schema each. The content check validates
 * every use in every MDX file against these (with the line and column of the tag), the MDX compiler's
 * plugin does the same while building and in `npm run dev`, and each component validates its props
 * with the same schema when it renders, so all three say the same one-line thing.
 */
import { z } from 'astro/zod';

import { CARE_URGENCY_LABELS, type CalloutLevel, type CareUrgency } from '@/lib/editorial/callouts';
import { countOf, plural } from '@/lib/text/plural';

/** Heading level of a callout, so it fits the article's outline (`level={3}` under an `##` section). */
const calloutLevel = () => z.union([z.literal(2), z.literal(3), z.literal(4)]).optional();

/** One line of text, such as a callout's heading. */
const headingText = () => z.string().trim().min(1);

/** The urgencies a care card takes, in the order of `CARE_URGENCY_LABELS`. */
const URGENCIES = Object.keys(CARE_URGENCY_LABELS) as [CareUrgency, ...CareUrgency[]];

const LEVEL_FIX = 'write level={2}, level={3} or level={4} (the heading level), or leave it out for 2.';

/** Every component a writer may type in MDX: its props and what to do about each bad one. */
export const COMPONENTS = {
  CareCard: {
    props: z.strictObject({
      /** How soon to act: shown in colour and in the heading's words. */
      urgency: z.enum(URGENCIES),
      /** What the card is about, such as "Call 999 if:". */
      heading: headingText(),
      /** Heading level; default 2. */
      level: calloutLevel(),
    }),
    fixes: {
      urgency: `write urgency="non-urgent", "urgent" or "emergency" (how soon to act).`,
      heading: 'write heading="…", what the card is about, such as heading="Call 999 if:".',
      level: LEVEL_FIX,
    },
  },
  KeyPoints: {
    props: z.strictObject({
      /** Heading of the box; default "Key points". */
      heading: headingText().optional(),
      level: calloutLevel(),
    }),
    fixes: { heading: 'write heading="…", or leave it out for "Key points".', level: LEVEL_FIX },
  },
  Warning: {
    props: z.strictObject({
      /** What the warning is about; without one the heading is just "Important". */
      heading: headingText().optional(),
      level: calloutLevel(),
    }),
    fixes: { heading: 'write heading="…", or leave it out for "Important".', level: LEVEL_FIX },
  },
  Cite: {
    props: z.strictObject({
      /** Number of the reference in the article's `references`, from 1 (`n={2}`; `n="2"` is read as 2). */
      n: z.preprocess((n) => (typeof n === 'string' && /^\s*\d+\s*$/.test(n) ? Number(n) : n), z.number().int().min(1)),
    }),
    fixes: { n: 'write the number of a reference in the frontmatter, from 1: <Cite n={1} />.' },
  },
  OwnerToFill: {
    props: z.strictObject({}),
    fixes: {},
  },
} as const;

export type ComponentName = keyof typeof COMPONENTS;

/** The props a component may be given, as MDX or a page writes them (its `Props`). */
export type ComponentInput<N extends ComponentName> = z.input<(typeof COMPONENTS)[N]['props']>;

/** The props a component receives once checked. */
export type ComponentProps<N extends ComponentName> = z.output<(typeof COMPONENTS)[N]['props']>;

/** Components an article may use. */
export const ARTICLE_COMPONENT_NAMES = ['CareCard', 'KeyPoints', 'Warning', 'Cite'] as const;

/** Components a site page may use: the callouts and the owner's placeholders, but no citations (it has no references). */
export const PAGE_COMPONENT_NAMES = ['CareCard', 'KeyPoints', 'Warning', 'OwnerToFill'] as const;

/** A problem with a component's use, said as the content check says it: what is wrong and what to do. */
export interface ComponentProblem {
  /** A phrase without a final full stop. */
  problem: string;
  /** A sentence. */
  fix: string;
}

/** A value as it would be written in MDX: `"urgnet"` for text, `{5}` for anything else. */
const asWritten = (value: unknown) =>
  typeof value === 'string' ? JSON.stringify(value) : `{${JSON.stringify(value)}}`;

function issueProblem(name: ComponentName, issue: z.core.$ZodIssue, props: Record<string, unknown>): ComponentProblem {
  const fixes: Readonly<Record<string, string>> = COMPONENTS[name].fixes;
  if (issue.code === 'unrecognized_keys') {
    const known = Object.keys(COMPONENTS[name].props.shape);
    return {
      problem: `<${name}> has no ${plural(issue.keys.length, 'prop')} ${issue.keys.map((key) => `"${key}"`).join(', ')}`,
      fix:
        known.length === 0
          ? `remove it: <${name}> takes no props.`
          : `check the spelling against its props (${known.join(', ')}), or remove it.`,
    };
  }
  const prop = String(issue.path[0]);
  const value = props[prop];
  const fix = fixes[prop] ?? 'see the README for what it accepts.';
  return value === undefined
    ? { problem: `<${name}> needs ${prop}="…"`, fix }
    : { problem: `<${name}> ${prop}=${asWritten(value)} is not accepted`, fix };
}

/** A component's props without `children`, the content MDX passes between its tags. */
const ownProps = (props: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(props).filter(([key]) => key !== 'children'));

/**
 * What is wrong with a component's props, one problem per prop (nothing if they are right).
 * `children`, which MDX passes as the content between the tags, is not a prop here.
 */
export function componentPropProblems(name: ComponentName, props: Record<string, unknown>): ComponentProblem[] {
  const own = ownProps(props);
  const parsed = COMPONENTS[name].props.safeParse(own);
  if (parsed.success) return [];
  // One problem per prop: a union reports each of its branches.
  const byProp = new Map<string, ComponentProblem>();
  for (const issue of parsed.error.issues) {
    const key = issue.code === 'unrecognized_keys' ? `?${issue.keys.join()}` : String(issue.path[0]);
    if (!byProp.has(key)) byProp.set(key, issueProblem(name, issue, own));
  }
  return [...byProp.values()];
}

/** A reference cited by number that the article does not list. */
export function citationProblem(n: number, referenceCount: number): ComponentProblem | undefined {
  if (n <= referenceCount) return undefined;
  return {
    problem: `<Cite n={${n}} /> cites reference ${n}, but the article lists ${countOf(referenceCount, 'reference')}`,
    fix: 'add the source to "references" in the frontmatter (they are numbered from 1 in order), or correct the number.',
  };
}

/** The one-line text of a problem: "what is wrong. Fix: what to do". */
export const problemText = ({ problem, fix }: ComponentProblem) => `${problem}. Fix: ${fix}`;

/** Thrown by a component whose props are wrong: its message is the content check's line for it. */
export class ComponentPropsError extends Error {
  override name = 'ComponentPropsError';
}

/**
 * A component's props, checked as the content check checks them, for the component itself to call.
 * @throws ComponentPropsError whose message is the same one line the content check prints
 */
export function checkedProps<N extends ComponentName>(name: N, props: Record<string, unknown>): ComponentProps<N> {
  const problems = componentPropProblems(name, props);
  if (problems.length > 0) throw new ComponentPropsError(problems.map(problemText).join(' '));
  return COMPONENTS[name].props.parse(ownProps(props)) as ComponentProps<N>;
}

export type { CalloutLevel, CareUrgency };
