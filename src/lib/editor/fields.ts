/**
 * The browser editor's fields (Decap CMS), made from the content schemas in `src/schemas/`: which fields
 * exist, which are required, their patterns and their choices come from the schema itself (as JSON
 * Schema, `z.toJSONSchema`), so the editor asks for what the content check accepts. What a schema cannot
 * say, a person's label, a hint and the widget, is written here once per field. A schema field with no
 * entry here, or an entry for a field the schema no longer has, stops the editor's configuration with a
 * message naming it: a field added to a schema cannot be forgotten in the editor.
 */
import { z } from 'astro/zod';

/** A widget of Decap CMS and its options, as its configuration file takes them. */
export type DecapField = Record<string, unknown> & { name: string; label: string; widget: string };

/** What the editor shows for one schema field. */
export interface FieldSpec {
  label: string;
  /** One sentence under the field. */
  hint?: string;
  /**
   * The widget, when the schema's type does not say it: `text` for several lines, `markdown` for a body,
   * `person` for a choice among `content/people/`, `date` for a calendar date. Otherwise: a string is
   * `string`, a boolean `boolean`, a whole number `number`, a list `list`, an object `object`, a set of
   * values `select`.
   */
  widget?: 'text' | 'markdown' | 'person' | 'date';
  /** The message shown when the value does not match the schema's pattern. */
  patternMessage?: string;
  /** Fields of an object, or of each item of a list of objects. */
  fields?: FieldSpecs;
  /** Names of the choices of a set of values, by value. */
  options?: Record<string, string>;
  /** Fields to show for each item of a list in its collapsed summary (`{{fields.title}}`). */
  summary?: string;
}

export type FieldSpecs = Readonly<Record<string, FieldSpec>>;

/** The part of JSON Schema that `z.toJSONSchema` writes for the content schemas. */
interface JsonSchema {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  pattern?: string;
  format?: string;
  default?: unknown;
}

/** A content schema's input as JSON Schema: what a file may hold before defaults are filled in. */
export function inputJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/** The people of `content/people/`, chosen by name, stored by id (the file name). */
const PERSON_WIDGET = {
  widget: 'relation',
  collection: 'people',
  value_field: '{{slug}}',
  search_fields: ['name'],
  display_fields: ['name'],
} as const;

/** A calendar date, stored as `YYYY-MM-DD` as the schema reads it. */
const DATE_WIDGET = {
  widget: 'datetime',
  format: 'YYYY-MM-DD',
  date_format: 'YYYY-MM-DD',
  time_format: false,
  picker_utc: true,
} as const;

/** Every alternative of a JSON Schema `anyOf`, or the schema itself. */
const alternatives = (schema: JsonSchema): JsonSchema[] => schema.anyOf?.flatMap(alternatives) ?? [schema];

/** The one type the schema's alternatives agree on (a date is a string or a YAML date), if any. */
function typeOf(schema: JsonSchema): string | undefined {
  const types = new Set(alternatives(schema).flatMap((part) => (part.type ? [part.type] : [])));
  return types.size === 1 ? [...types][0] : types.has('string') ? 'string' : undefined;
}

/**
 * Decap fields for the properties of an object schema, in the schema's order.
 * @param where the field's path in messages, such as `articles` or `articles.references`
 * @throws Error naming a schema field with no editor entry, or an entry for a field the schema lacks
 */
export function decapFields(schema: JsonSchema, specs: FieldSpecs, where: string, optional = false): DecapField[] {
  const properties = schema.properties ?? {};
  const unknown = Object.keys(specs).filter((name) => !(name in properties));
  if (unknown.length > 0) {
    throw new Error(
      `The editor describes ${unknown.map((name) => `"${where}.${name}"`).join(', ')}, which the schema does not have: remove ${unknown.length === 1 ? 'it' : 'them'} from src/lib/editor/fields.ts.`,
    );
  }
  return Object.entries(properties).map(([name, property]) => {
    const spec = specs[name];
    if (!spec) {
      throw new Error(
        `The schema field "${where}.${name}" has no field in the browser editor: add it to src/lib/editor/fields.ts (a label, and a hint if it needs one).`,
      );
    }
    // The fields of a group that may be left out (a medical review) are required only once it is filled
    // in, which Decap cannot say: there the content check asks for them, when the editor saves.
    const required = !optional && (schema.required?.includes(name) ?? false);
    return decapField(name, property, spec, required, `${where}.${name}`);
  });
}

function decapField(name: string, schema: JsonSchema, spec: FieldSpec, required: boolean, where: string): DecapField {
  const common = { name, label: spec.label, required, ...(spec.hint && { hint: spec.hint }) };
  const values = alternatives(schema).flatMap((part) => part.enum ?? []);
  const pattern = alternatives(schema).find((part) => part.pattern)?.pattern;
  const patternRule = pattern && spec.patternMessage ? { pattern: [pattern, spec.patternMessage] } : {};
  const fallback = schema.default === undefined ? {} : { default: schema.default };
  switch (spec.widget) {
    case 'person':
      return { ...common, ...PERSON_WIDGET, ...patternRule };
    case 'date':
      return { ...common, ...DATE_WIDGET };
    case 'text':
    case 'markdown':
      return { ...common, widget: spec.widget, ...patternRule };
  }
  if (values.length > 0) {
    return {
      ...common,
      // A choice with a default cannot be emptied: an emptied status would read as the default
      // (`approved`), publishing a comment nobody approved.
      required: required || schema.default !== undefined,
      widget: 'select',
      options: values.map((value) => ({ value, label: spec.options?.[String(value)] ?? String(value) })),
      ...fallback,
    };
  }
  const type = typeOf(schema);
  if (type === 'boolean') return { ...common, widget: 'boolean', ...fallback };
  if (type === 'integer' || type === 'number') {
    return { ...common, widget: 'number', value_type: type === 'integer' ? 'int' : 'float', ...fallback };
  }
  if (type === 'object') {
    return {
      ...common,
      widget: 'object',
      collapsed: false,
      fields: decapFields(schema, spec.fields ?? {}, where, !required),
    };
  }
  if (type === 'array') {
    const items = schema.items ?? {};
    const list = { ...common, widget: 'list', ...(spec.summary && { summary: spec.summary }) };
    if (typeOf(items) === 'object') return { ...list, fields: decapFields(items, spec.fields ?? {}, where) };
    // A list of strings: one field per item, so an item may hold a comma.
    return { ...list, field: { name: 'item', label: spec.label, widget: 'string' } };
  }
  return { ...common, widget: 'string', ...patternRule };
}

const SLUG_MESSAGE = 'Lowercase letters, digits and hyphens only, such as "jane-smith".';

/** Article frontmatter (`src/schemas/article.ts`). */
export const ARTICLE_FIELDS: FieldSpecs = {
  title: { label: 'Title', hint: 'The headline: shown on the page, in the browser tab and in search results.' },
  description: {
    label: 'Description',
    widget: 'text',
    hint: 'One or two sentences for search results and the article list.',
  },
  published: { label: 'Published', widget: 'date', hint: 'The date this site first published the article.' },
  updated: { label: 'Updated', widget: 'date', hint: 'The date of the last meaningful change. Leave empty if never.' },
  author: { label: 'Writer', widget: 'person', hint: 'Leave empty if not known: the page then shows no byline.' },
  tags: { label: 'Tags', hint: 'Topics, each with its own page.' },
  redirectFrom: {
    label: 'Old addresses',
    hint: 'Paths this article had on an old site (a WordPress import writes them), redirected here. Usually empty.',
  },
  questions: { label: 'Readers may ask questions', hint: 'Off keeps the published questions as they are.' },
  draft: { label: 'Draft', hint: 'A draft is neither listed nor published. Turn it off to publish.' },
  medicalReview: {
    label: 'Medical review',
    hint: 'Who checked the article for medical accuracy, and when. Leave empty if nobody has yet.',
    fields: {
      reviewer: { label: 'Reviewer', widget: 'person', patternMessage: SLUG_MESSAGE },
      date: { label: 'Date of the review', widget: 'date' },
    },
  },
  lastReviewed: {
    label: 'Last reviewed',
    widget: 'date',
    hint: 'The date an editor last checked the whole page was still accurate, if later than the medical review.',
  },
  references: {
    label: 'References',
    hint: 'Sources, numbered in this order. Cite one by typing <Cite n={1} /> after its sentence in the text.',
    summary: '{{fields.title}}',
    fields: {
      title: { label: 'Title', hint: 'The title of the source as its publisher gives it.' },
      publisher: { label: 'Publisher', hint: 'Such as "NHS" or "BMJ". Leave empty if none.' },
      url: { label: 'Address', hint: 'A full http:// or https:// address.' },
      date: { label: 'Date', widget: 'date', hint: 'When the source was published or last updated, if it says.' },
    },
  },
};

/** Writers and medical reviewers (`src/schemas/person.ts`). */
export const PERSON_FIELDS: FieldSpecs = {
  name: { label: 'Name', hint: 'As shown in bylines and review notes, such as "Dr Jane Smith".' },
  credentials: { label: 'Credentials', hint: 'Qualifications shown after the name, such as "MBBS, MRCGP".' },
  role: { label: 'Role', hint: 'As readers would name it, such as "GP", "Pharmacist" or "Editor".' },
  bio: { label: 'About', widget: 'text', hint: 'One to three sentences, shown on their page.' },
  profileUrl: { label: 'Profile address', hint: 'Their page elsewhere, such as a professional register.' },
};

/** Site pages (`src/schemas/page.ts`). */
export const SITE_PAGE_FIELDS: FieldSpecs = {
  title: { label: 'Title' },
  description: { label: 'Description', widget: 'text', hint: 'One or two sentences for search results.' },
  footer: {
    label: 'Footer position',
    hint: 'Its place in the footer list, lowest first. Leave empty to keep the page out of the footer.',
  },
  updated: { label: 'Updated', widget: 'date', hint: 'Shown at the foot of the page. Leave empty if never.' },
};

/** A comments file (`src/schemas/comments.ts`). */
export const COMMENTS_FILE_FIELDS: FieldSpecs = {
  comments: {
    label: 'Comments',
    hint: 'Every comment on the article. A reply names the comment it answers in "Replies to".',
    summary: '{{fields.id}} · {{fields.status}} · {{fields.title}}',
    fields: {
      id: { label: 'Id', hint: 'Never change it: links point at it. A new comment needs an id no other has.' },
      parent: { label: 'Replies to', hint: 'The id of the comment this one answers. Empty for a question.' },
      author: { label: 'Name', hint: 'The name the reader gave. Empty shows "Anonymous".' },
      authorUrl: { label: 'Web page', hint: 'The reader’s own web page, if they gave one.' },
      date: { label: 'Date', hint: 'When it was written: YYYY-MM-DD or an ISO date and time.' },
      person: {
        label: 'Answered by',
        widget: 'person',
        hint: 'For the site’s own answer: the writer or clinician who wrote it.',
        patternMessage: SLUG_MESSAGE,
      },
      title: { label: 'Question line' },
      body: { label: 'Text', widget: 'text', hint: 'Plain text: a blank line starts a new paragraph.' },
      status: {
        label: 'Status',
        options: { approved: 'Published', pending: 'Waiting for review', spam: 'Spam (never shown)' },
      },
    },
  },
};
