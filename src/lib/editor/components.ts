/**
 * The site's MDX components as blocks of the browser editor (Decap CMS's editor components): a writer
 * inserts a care card, key points, a warning or an owner's note from the editor's block menu and fills in
 * a form, and the editor writes the MDX the content check and the build read (`src/schemas/components.ts`
 * declares their props). Each block is read back from the MDX it writes, or that a writer typed, so an
 * article opened in the editor shows its callouts as blocks.
 *
 * A citation (`<Cite n={1} />`) sits inside a sentence, and Decap's blocks are whole paragraphs: it is
 * typed in the text, as its hint says.
 */
import { CARE_URGENCY_LABELS, type CareUrgency } from '@/lib/editorial/callouts';

/** A field of a block's form (Decap widget options). */
export interface BlockField {
  name: string;
  label: string;
  widget: 'string' | 'select' | 'markdown';
  required?: boolean;
  hint?: string;
  options?: { value: string; label: string }[];
  default?: string;
}

/** One component as a block of the editor. */
export interface EditorBlock {
  /** The component's name in MDX. */
  id: string;
  label: string;
  fields: BlockField[];
  /** Matches the block at the start of the text. */
  pattern: RegExp;
  /** The form's values from a match of `pattern`. */
  fromBlock: (match: RegExpMatchArray) => Record<string, string>;
  /** The MDX for the form's values. */
  toBlock: (data: Record<string, string | undefined>) => string;
  /** A plain HTML preview inside the editor. */
  toPreview: (data: Record<string, string | undefined>) => string;
}

const URGENCIES = Object.keys(CARE_URGENCY_LABELS) as CareUrgency[];

/** Heading levels a callout takes: its place in the article's outline. */
const LEVEL_FIELD: BlockField = {
  name: 'level',
  label: 'Heading level',
  widget: 'select',
  required: false,
  hint: 'Under a "##" section heading, choose 3.',
  options: [
    { value: '2', label: '2 (a section of its own)' },
    { value: '3', label: '3 (inside a section)' },
    { value: '4', label: '4' },
  ],
};

const BODY_FIELD: BlockField = { name: 'body', label: 'Text', widget: 'markdown', required: true };

/** One attribute as MDX reads it: `name="value"`, or `name={"value"}` when the value holds a quote. */
function attribute(name: string, value: string | undefined): string {
  if (value === undefined || value.trim() === '') return '';
  return value.includes('"') ? ` ${name}={${JSON.stringify(value)}}` : ` ${name}="${value}"`;
}

/** `level={3}` for a chosen level. */
const levelAttribute = (level: string | undefined) => (level && /^[234]$/.test(level) ? ` level={${level}}` : '');

/**
 * The attributes of a tag as text: `name="…"`, `name='…'`, `name={"…"}`, `name={3}`. Anything else is
 * left out: such a tag is then not read as a block, and stays as the writer typed it.
 */
export function readAttributes(text: string): Record<string, string> | undefined {
  const values: Record<string, string> = {};
  const pattern = /\s*([A-Za-z]+)=(?:"([^"]*)"|'([^']*)'|\{(\d+)\}|\{("(?:[^"\\]|\\.)*")\})/y;
  let index = 0;
  while (index < text.length) {
    pattern.lastIndex = index;
    const match = pattern.exec(text);
    if (!match) return text.slice(index).trim() === '' ? values : undefined;
    values[match[1]!] = match[2] ?? match[3] ?? match[4] ?? (JSON.parse(match[5]!) as string);
    index = pattern.lastIndex;
  }
  return values;
}

const escapeHtml = (text = '') => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/** A callout block: `<Name attributes>`, its Markdown text, `</Name>`. */
function callout(
  id: string,
  label: string,
  fields: BlockField[],
  attributes: (data: Record<string, string | undefined>) => string,
  previewHeading: (data: Record<string, string | undefined>) => string,
): EditorBlock {
  return {
    id,
    label,
    fields: [...fields, BODY_FIELD],
    pattern: new RegExp(`^<${id}((?:\\s+[A-Za-z]+=(?:"[^"]*"|'[^']*'|\\{[^}]*\\}))*)\\s*>\\n([\\s\\S]*?)\\n</${id}>`),
    fromBlock: (match) => ({ ...readAttributes(match[1] ?? ''), body: (match[2] ?? '').trim() }),
    toBlock: (data) => `<${id}${attributes(data)}>\n\n${(data.body ?? '').trim()}\n\n</${id}>`,
    toPreview: (data) =>
      `<aside><strong>${escapeHtml(previewHeading(data))}</strong><div>${escapeHtml(data.body)}</div></aside>`,
  };
}

/** The blocks an article's or a site page's text may hold. */
export const EDITOR_BLOCKS: readonly EditorBlock[] = [
  callout(
    'CareCard',
    'Care card',
    [
      {
        name: 'urgency',
        label: 'How soon to act',
        widget: 'select',
        required: true,
        options: URGENCIES.map((value) => ({ value, label: CARE_URGENCY_LABELS[value] })),
        default: 'urgent',
      },
      { name: 'heading', label: 'Heading', widget: 'string', required: true, hint: 'Such as "Call 999 if:".' },
      LEVEL_FIELD,
    ],
    (data) => `${attribute('urgency', data.urgency)}${attribute('heading', data.heading)}${levelAttribute(data.level)}`,
    (data) => `${CARE_URGENCY_LABELS[data.urgency as CareUrgency] ?? ''}: ${data.heading ?? ''}`,
  ),
  callout(
    'KeyPoints',
    'Key points',
    [
      { name: 'heading', label: 'Heading', widget: 'string', required: false, hint: 'Empty for "Key points".' },
      LEVEL_FIELD,
    ],
    (data) => `${attribute('heading', data.heading)}${levelAttribute(data.level)}`,
    (data) => data.heading || 'Key points',
  ),
  callout(
    'Warning',
    'Warning',
    [
      { name: 'heading', label: 'Heading', widget: 'string', required: false, hint: 'Empty for "Important".' },
      LEVEL_FIELD,
    ],
    (data) => `${attribute('heading', data.heading)}${levelAttribute(data.level)}`,
    (data) => (data.heading ? `Important: ${data.heading}` : 'Important'),
  ),
  callout(
    'OwnerToFill',
    'Owner to fill in (site pages)',
    [],
    () => '',
    () => 'For the owner to fill in',
  ),
];

/** The props each block's form sets, by component: compared with the components' schemas by a test. */
export const BLOCK_PROPS: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  EDITOR_BLOCKS.map((block) => [
    block.id,
    block.fields.filter((field) => field.name !== 'body').map((field) => field.name),
  ]),
);
