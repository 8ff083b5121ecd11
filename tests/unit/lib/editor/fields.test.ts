import { z } from 'astro/zod';
import { describe, expect, test } from 'vitest';

import { editorConfig } from '@/lib/editor/config';
import { ARTICLE_FIELDS, decapFields, inputJsonSchema, type DecapField } from '@/lib/editor/fields';
import { articleSchema, referenceSchema } from '@/schemas/article';
import { commentsFileSchema } from '@/schemas/comments';
import { sitePageSchema } from '@/schemas/page';
import { personSchema } from '@/schemas/person';

const config = editorConfig({ backend: { kind: 'local', apiUrl: '/admin/api/v1' }, contentFolder: 'content' });
const collections = config.collections as { name: string; folder: string; fields: DecapField[] }[];
const collection = (name: string) => collections.find((candidate) => candidate.name === name)!;
const field = (fields: DecapField[], name: string) => fields.find((candidate) => candidate.name === name)!;

describe('the editor’s fields come from the content schemas', () => {
  test.each([
    ['articles', articleSchema(), ['body']],
    ['people', personSchema(), []],
    ['pages', sitePageSchema(), ['body']],
    ['comments', commentsFileSchema(), []],
  ] as const)('%s: every field of the schema, and nothing else', (name, schema, extra) => {
    const names = collection(name).fields.map(({ name: fieldName }) => fieldName);
    expect(names).toEqual([...Object.keys(schema.shape), ...extra]);
  });

  test('a field added to a schema stops the configuration, naming it', () => {
    const grown = articleSchema().extend({ sponsor: z.string() });
    expect(() => decapFields(inputJsonSchema(grown), ARTICLE_FIELDS, 'articles')).toThrow(
      'The schema field "articles.sponsor" has no field in the browser editor: add it to src/lib/editor/fields.ts',
    );
  });

  test('a field the schema no longer has stops it too', () => {
    const shrunk = articleSchema().omit({ lastReviewed: true });
    expect(() => decapFields(inputJsonSchema(shrunk), ARTICLE_FIELDS, 'articles')).toThrow(
      'The editor describes "articles.lastReviewed", which the schema does not have',
    );
  });

  test('a nested field added to a schema is caught as well', () => {
    const grown = articleSchema().extend({
      references: z.array(referenceSchema().extend({ doi: z.string().optional() })),
    });
    expect(() => decapFields(inputJsonSchema(grown), ARTICLE_FIELDS, 'articles')).toThrow('"articles.references.doi"');
  });
});

describe('what each field asks for', () => {
  const article = collection('articles').fields;

  test('required where the schema requires a value, optional where it has a default or may be left out', () => {
    const required = article.filter((candidate) => candidate.required).map(({ name }) => name);
    expect(required).toEqual(['title', 'description', 'published']);
  });

  test('the fields of a medical review are asked for only once it is filled in (the check then requires both)', () => {
    const review = field(article, 'medicalReview');
    expect(review.widget).toBe('object');
    expect((review.fields as DecapField[]).map(({ name, required }) => [name, required])).toEqual([
      ['reviewer', false],
      ['date', false],
    ]);
  });

  test('a reference needs a title and an address once added', () => {
    const fields = field(article, 'references').fields as DecapField[];
    expect(fields.filter(({ required }) => required).map(({ name }) => name)).toEqual(['title', 'url']);
  });

  test('people are chosen by name and stored by their file name', () => {
    expect(field(article, 'author')).toMatchObject({
      widget: 'relation',
      collection: 'people',
      value_field: '{{slug}}',
      search_fields: ['name'],
    });
  });

  test('dates are calendar dates, written as the schema reads them', () => {
    expect(field(article, 'published')).toMatchObject({ widget: 'datetime', format: 'YYYY-MM-DD', time_format: false });
  });

  test('switches keep the schema’s defaults', () => {
    expect(field(article, 'questions')).toMatchObject({ widget: 'boolean', default: true });
    expect(field(article, 'draft')).toMatchObject({ widget: 'boolean', default: false });
  });

  test('a comment’s status is a choice of the schema’s values, named for a moderator', () => {
    const comment = field(collection('comments').fields, 'comments').fields as DecapField[];
    expect(field(comment, 'status')).toMatchObject({
      widget: 'select',
      default: 'approved',
      options: [
        { value: 'approved', label: 'Published' },
        { value: 'pending', label: 'Waiting for review' },
        { value: 'spam', label: 'Spam (never shown)' },
      ],
    });
  });

  test('a staff answer’s person follows the schema’s id pattern, with a message', () => {
    const comment = field(collection('comments').fields, 'comments').fields as DecapField[];
    expect(field(comment, 'person').pattern).toEqual([expect.stringContaining('[a-z0-9]'), expect.any(String)]);
  });
});

describe('the configuration', () => {
  test('locally it talks to the dev server’s backend, and reads the content folder', () => {
    expect(config.backend).toEqual({ name: 'proxy', proxy_url: '/admin/api/v1', branch: 'main' });
    expect(collection('articles').folder).toBe('content/articles');
    expect(config.media_folder).toBe('content/media');
    expect(config.public_folder).toBe('../media');
    expect(config.publish_mode).toBeUndefined();
  });

  test('on GitHub every change is a pull request, through the sign-in helper when one is named', () => {
    const github = editorConfig({
      backend: { kind: 'github', repository: 'me/site', branch: 'main', authUrl: 'https://auth.example.org' },
      contentFolder: 'content',
    });
    expect(github.backend).toMatchObject({
      name: 'github',
      repo: 'me/site',
      branch: 'main',
      base_url: 'https://auth.example.org',
    });
    expect(github.publish_mode).toBe('editorial_workflow');
  });
});
