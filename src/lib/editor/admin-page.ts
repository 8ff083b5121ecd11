/**
 * The editor's own page (`{base}admin/`), the same in `npm run dev` and in a build: Decap CMS, then the
 * site's blocks, and the configuration beside it. Never indexed; readers' pages never link to it.
 */

/** Decap CMS's script and the site's own (`src/client/editor/editor.ts`), as files beside the page. */
export const ADMIN_SCRIPTS = ['decap-cms.js', 'editor.js'] as const;

/** @param contentFolder the content folder's path in the repository, which the site's script names in messages */
const escape = (text: string) => text.replace(/[&<>"]/g, (character) => `&#${character.charCodeAt(0)};`);

export function adminPageHtml(siteName: string, contentFolder: string): string {
  const title = escape(`Editor · ${siteName}`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="robots" content="noindex, nofollow">',
    `<title>${title}</title>`,
    '<link href="config.yml" type="text/yaml" rel="cms-config-url">',
    `<meta name="health-site:content-folder" content="${escape(contentFolder)}">`,
    '</head>',
    '<body>',
    ...ADMIN_SCRIPTS.map((script) => `<script src="${script}"></script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
