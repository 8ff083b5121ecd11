/**
 * The browser editor's configuration (Decap CMS's `config.yml`), made from the content schemas
 * (`lib/editor/fields.ts`) and where the site keeps its content. Two backends: `local`, this machine's
 * content folder through the dev server (`lib/editor/local-backend.ts`), and `github`, the site's
 * repository, each change a pull request (Decap's editorial workflow) that the content check runs on.
 */
import { stringify } from 'yaml';

import { articleSchema } from '@/schemas/article';
import { commentsFileSchema } from '@/schemas/comments';
import { sitePageSchema } from '@/schemas/page';
import { personSchema } from '@/schemas/person';
import {
  ARTICLE_FIELDS,
  COMMENTS_FILE_FIELDS,
  decapFields,
  inputJsonSchema,
  PERSON_FIELDS,
  SITE_PAGE_FIELDS,
  type DecapField,
} from '@/lib/editor/fields';

export type EditorBackend =
  | {
      kind: 'local';
      /** Address of the local backend, such as `/admin/api/v1`. */
      apiUrl: string;
    }
  | {
      kind: 'github';
      /** `owner/name`. */
      repository: string;
      branch: string;
      /** The OAuth helper's origin (`base_url`); Netlify's own when unset. */
      authUrl?: string | undefined;
      /** Its path (`auth_endpoint`), such as `auth`. */
      authEndpoint?: string | undefined;
    };

export interface EditorOptions {
  backend: EditorBackend;
  /** The content folder relative to the repository's root, such as `content`. */
  contentFolder: string;
  /** The site's address with its base path, for "View live" links; omitted when unknown. */
  siteUrl?: string | undefined;
}

/** The body of an article or a site page: Markdown with the site's components (`lib/editor/components.ts`). */
const BODY: DecapField = {
  name: 'body',
  label: 'Text',
  widget: 'markdown',
  hint: 'Add a care card, key points or a warning with the + button (Add Component). Cite reference 1 by typing <Cite n={1} /> after its sentence.',
};

/** Decap CMS's configuration object for this site. */
export function editorConfig({ backend, contentFolder, siteUrl }: EditorOptions): Record<string, unknown> {
  const folder = (name: string) => `${contentFolder.replace(/^\.\/|\/$/g, '')}/${name}`;
  /** A folder of MDX files with frontmatter, one entry each, named by its title. */
  const mdxCollection = (name: string, label: string, singular: string) => ({
    name,
    label,
    label_singular: singular,
    folder: folder(name),
    extension: 'mdx',
    format: 'frontmatter',
    create: true,
    slug: '{{slug}}',
    identifier_field: 'title',
    summary: '{{title}}',
  });
  return {
    backend:
      backend.kind === 'local'
        ? { name: 'proxy', proxy_url: backend.apiUrl, branch: 'main' }
        : {
            name: 'github',
            repo: backend.repository,
            branch: backend.branch,
            ...(backend.authUrl && { base_url: backend.authUrl }),
            ...(backend.authEndpoint && { auth_endpoint: backend.authEndpoint }),
            squash_merges: true,
            commit_messages: {
              create: 'Editor: new {{collection}} “{{slug}}”',
              update: 'Editor: {{collection}} “{{slug}}”',
              delete: 'Editor: delete {{collection}} “{{slug}}”',
              uploadMedia: 'Editor: upload “{{path}}”',
              deleteMedia: 'Editor: delete “{{path}}”',
            },
          },
    // On GitHub every change is a pull request, which the content check runs on before anyone merges it.
    ...(backend.kind === 'github' && { publish_mode: 'editorial_workflow' }),
    ...(siteUrl && { site_url: siteUrl, display_url: siteUrl }),
    locale: 'en',
    // Images go with the content, where an imported article's media already are, and are written into
    // the text relative to it, as Astro reads them.
    media_folder: folder('media'),
    public_folder: '../media',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        ...mdxCollection('articles', 'Articles', 'Article'),
        description: 'Health articles. A draft is saved but not published until "Draft" is turned off.',
        sortable_fields: ['title', 'published'],
        preview_path: 'articles/{{slug}}/',
        fields: [...decapFields(inputJsonSchema(articleSchema()), ARTICLE_FIELDS, 'articles'), BODY],
      },
      {
        name: 'people',
        label: 'People',
        label_singular: 'Person',
        description: 'Writers and medical reviewers, named in bylines, review notes and staff answers.',
        folder: folder('people'),
        extension: 'yaml',
        format: 'yaml',
        create: true,
        slug: '{{slug}}',
        identifier_field: 'name',
        summary: '{{name}}',
        fields: decapFields(inputJsonSchema(personSchema()), PERSON_FIELDS, 'people'),
      },
      {
        ...mdxCollection('pages', 'Site pages', 'Site page'),
        description: 'Pages such as the editorial policy, served at /<name>/.',
        preview_path: '{{slug}}/',
        fields: [...decapFields(inputJsonSchema(sitePageSchema()), SITE_PAGE_FIELDS, 'pages'), BODY],
      },
      {
        name: 'comments',
        label: 'Reader comments',
        label_singular: 'Comments of an article',
        description:
          backend.kind === 'local'
            ? 'Every comment of each article. To approve, mark as spam or answer what is waiting, open Reader questions (/admin/questions/).'
            : 'Every comment of each article. Questions readers send arrive as pull requests on GitHub: merge one to publish it.',
        folder: folder('comments'),
        extension: 'json',
        format: 'json',
        create: false,
        delete: false,
        identifier_field: 'comments',
        summary: '{{filename}}',
        fields: decapFields(inputJsonSchema(commentsFileSchema()), COMMENTS_FILE_FIELDS, 'comments'),
      },
    ],
  };
}

/** The configuration as Decap reads it, `config.yml`. */
export function editorConfigYaml(options: EditorOptions): string {
  return `# Made by src/lib/editor/config.ts from the content schemas: change those, not this file.\n${stringify(
    editorConfig(options),
    { lineWidth: 0 },
  )}`;
}
