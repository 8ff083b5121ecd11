/**
 * What the MDX of an article or a site page does with the site's components: compiles it as the build
 * does (Sätteri, Astro's MDX compiler) and checks every component tag against its declared props
 * (`src/schemas/components.ts`). The content check reports these problems for every file; the compiler
 * plugin (`component-check-plugin.ts`) stops the build and `npm run dev` at the first, with the same words.
 */
import {
  createMdxMdastHandle,
  dropHandle,
  resolveMdastSubscriptions,
  visitMdastHandle,
  type MdastPluginDefinition,
} from 'satteri';

import {
  citationProblem,
  COMPONENTS,
  componentPropProblems,
  type ComponentName,
  type ComponentProblem,
} from '@/schemas/components';

/** A problem at a place in the file: 1-based line and column, as editors' editors count them. */
export interface MdxProblem extends ComponentProblem {
  line: number;
  column: number;
}

/** What the check of one file needs to know besides its text. */
export interface MdxContext {
  /** Component names the file may use: an article's, or a site page's. */
  components: readonly ComponentName[];
  /** How many references the frontmatter lists, for `<Cite n={…} />`; undefined where nothing cites. */
  referenceCount?: number | undefined;
}

/** The parts of an mdast MDX JSX element this module reads (Sätteri's and mdast-util-mdx's shapes). */
export interface JsxElementNode {
  type: string;
  name?: string | null;
  attributes?: readonly JsxAttributeNode[];
  position?: { start: { line: number; column: number } } | undefined;
  children?: readonly unknown[];
}

interface JsxAttributeNode {
  type: string;
  name?: string;
  value?: string | null | { type: string; value: string };
}

/** A JavaScript literal written in an attribute expression: `{3}`, `{"x"}`, `{'x'}`, `{true}`. */
function literalValue(expression: string): { value: unknown } | undefined {
  const text = expression.trim();
  const singleQuoted = /^'([^'\\]*)'$/.exec(text);
  if (singleQuoted) return { value: singleQuoted[1] };
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

const NOT_A_VALUE_FIX = 'write a plain value, such as level={3} or heading="Call 999 if:".';

/** The props a tag's attributes give, and what cannot be read as a value. */
function tagProps(name: string, attributes: readonly JsxAttributeNode[]) {
  const props: Record<string, unknown> = {};
  const problems: ComponentProblem[] = [];
  for (const attribute of attributes) {
    if (attribute.type !== 'mdxJsxAttribute' || attribute.name === undefined) {
      problems.push({ problem: `<${name}> takes its props one by one, not spread with {…}`, fix: NOT_A_VALUE_FIX });
      continue;
    }
    const { value } = attribute;
    if (value === null || value === undefined) props[attribute.name] = true;
    else if (typeof value === 'string') props[attribute.name] = value;
    else {
      const literal = literalValue(value.value);
      if (literal) props[attribute.name] = literal.value;
      else
        problems.push({
          problem: `<${name}> ${attribute.name}={${value.value}} is not a plain value the check can read`,
          fix: NOT_A_VALUE_FIX,
        });
    }
  }
  return { props, problems };
}

/** What to say about a component used where it does not belong (the content check's lists of components). */
const ELSEWHERE_ONLY: Record<ComponentName, ComponentProblem> = {
  OwnerToFill: {
    problem: '<OwnerToFill> is for site pages only, not articles',
    fix: 'remove it, or move this text to a page in content/pages.',
  },
  Cite: {
    problem: '<Cite> is for articles only: a site page has no references for it to link to',
    fix: 'link to the source instead, such as [NHS: leg cramps](https://www.nhs.uk/conditions/leg-cramps/).',
  },
  CareCard: { problem: '<CareCard> cannot be used here', fix: 'remove it.' },
  KeyPoints: { problem: '<KeyPoints> cannot be used here', fix: 'remove it.' },
  Warning: { problem: '<Warning> cannot be used here', fix: 'remove it.' },
};

/**
 * What is wrong with one JSX tag: a component the file may not use, or props its schema refuses, or a
 * citation beyond the references. Lowercase tags are HTML elements and `<>` a fragment: left to MDX.
 */
export function jsxElementProblems(node: JsxElementNode, context: MdxContext): ComponentProblem[] {
  const name = node.name;
  if (!name || !/^[A-Z]/.test(name)) return [];
  if (!(context.components as readonly string[]).includes(name)) {
    if (Object.hasOwn(COMPONENTS, name)) return [ELSEWHERE_ONLY[name as ComponentName]];
    return [
      {
        problem: `there is no component <${name}>`,
        fix: `use one of ${context.components.map((component) => `<${component}>`).join(', ')} (check the spelling and capitals), or write the text without it.`,
      },
    ];
  }
  const component = name as ComponentName;
  const { props, problems } = tagProps(component, node.attributes ?? []);
  if (problems.length > 0) return problems;
  const propProblems = componentPropProblems(component, props);
  if (propProblems.length > 0 || component !== 'Cite' || context.referenceCount === undefined) return propProblems;
  const cited = citationProblem(Number(props.n), context.referenceCount);
  return cited ? [cited] : [];
}

/** "7:1: Expected a closing tag for `<CareCard>` (7:1) (mdx-jsx:unexpected-character)" → its parts. */
export function compileErrorProblem(message: string): MdxProblem {
  const match = /^(\d+):(\d+):\s*(.*?)(?:\s*\(\d+:\d+\))?(?:\s*\([\w:-]+\))?\s*$/s.exec(message.trim());
  const [line, column, reason] = match ? [Number(match[1]), Number(match[2]), match[3]!] : [1, 1, message];
  const unclosed = /closing tag for `<([^>]*)>`/.exec(reason);
  return {
    line,
    column,
    problem: `the MDX does not compile: ${reason.replace(/\.$/, '').replace(/^\w/, (letter) => letter.toLowerCase())}`,
    fix: unclosed
      ? `close it with </${unclosed[1]}> after its content (a blank line before and after), or write <${unclosed[1]} … /> if it has none.`
      : 'check the tags and braces there: close every component tag, and write a literal { or < in text as \\{ or \\<.',
  };
}

/**
 * A Sätteri visitor that reports every component tag used against `context`, at its line and column:
 * the content check collects what it reports, the compiler plugin stops at the first.
 */
export function componentUseVisitor(context: MdxContext, report: (problem: MdxProblem) => void): MdastPluginDefinition {
  const visit = (node: Readonly<unknown>) => {
    const element = node as JsxElementNode;
    const problems = jsxElementProblems(element, context);
    if (problems.length === 0) return;
    const { line, column } = element.position?.start ?? { line: 1, column: 1 };
    for (const problem of problems) report({ line, column, ...problem });
  };
  return {
    name: 'health-site:check-component-uses',
    options: { position: true },
    mdxJsxFlowElement: visit,
    mdxJsxTextElement: visit,
  };
}

/** A component's tag starts with a capital; a file without one has no component to check. */
const COMPONENT_TAG = /<[A-Z]/;

/**
 * Every problem with the components of an MDX file, in the file's order. The file is parsed by the
 * compiler the build uses, so what does not compile here does not compile there.
 * @param source the whole file, frontmatter included, so lines and columns are the file's
 */
export function mdxProblems(source: string, context: MdxContext): MdxProblem[] {
  let tree: ReturnType<typeof createMdxMdastHandle>;
  try {
    tree = createMdxMdastHandle(source, undefined, true);
  } catch (error) {
    return [compileErrorProblem(error instanceof Error ? error.message : String(error))];
  }
  const problems: MdxProblem[] = [];
  try {
    if (COMPONENT_TAG.test(source)) {
      const visitor = componentUseVisitor(context, (problem) => problems.push(problem));
      // Only component tags are visited: walking the whole tree in JavaScript would cost more than parsing it.
      void visitMdastHandle(tree, visitor, resolveMdastSubscriptions(visitor), source, undefined);
    }
  } finally {
    dropHandle(tree);
  }
  return problems;
}
