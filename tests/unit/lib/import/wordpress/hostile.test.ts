/**
 * Posts and comments written to break the build or run code in readers' browsers arrive as harmless text.
 */
import { join } from 'node:path';

import * as cheerio from 'cheerio';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

import { renderCommentBody } from '@/lib/comments/render-body';
import type { ImportReport } from '@/lib/import/wordpress';
import { commentsFileSchema } from '@/schemas/comments';

import {
  HOSTILE_EXPORT,
  importExport,
  loadMdx,
  parseFrontmatter,
  removeTemporaryFolders,
  renderMdx,
  writeToTemporaryFolder,
} from './helpers';

afterAll(removeTemporaryFolders);

/** Markup that runs code or loads a page: none of it may reach an imported page. */
const EXECUTABLE = /<script|<iframe|<form|<svg|\son[a-z]+\s*=|javascript:/i;

let report: ImportReport;
let files: Map<string, string>;
let folder: string;
let bodyHtml: string;

beforeAll(async () => {
  ({ report, files } = await importExport({ path: HOSTILE_EXPORT }));
  folder = await writeToTemporaryFolder(files);
  bodyHtml = await renderMdx(join(folder, 'articles/hostile-body.mdx'));
});

const textOf = (html: string) => cheerio.load(html).root().text().replace(/\s+/g, ' ');

describe('hostile posts', () => {
  test('compile with MDX and show braces as the writer typed them', () => {
    expect(textOf(bodyHtml)).toContain('Braces {props.secret} and {`template`} and a lone } brace.');
  });

  test('show JSX-like text as text and drop unknown tags, keeping their words', () => {
    expect(textOf(bodyHtml)).toContain('JSX-like text: <Alert message={danger} /> and a real tag widget text.');
  });

  test('show lines starting with import or export as text', () => {
    expect(textOf(bodyHtml)).toContain("import { secret } from './secrets'");
    expect(textOf(bodyHtml)).toContain('export const leak = secret');
  });

  test('keep character references and comparisons as written', () => {
    expect(textOf(bodyHtml)).toContain('Entity &lt;b&gt; and &#123; stay as written; 2 < 3 and 4 > 1.');
  });

  test('lose every script, event handler, frame, form and javascript: address', () => {
    expect(bodyHtml).not.toMatch(EXECUTABLE);
    expect(bodyHtml).toContain('<a href="https://ok.example/">safe link</a>');
    expect(textOf(bodyHtml)).toContain('click me');
  });

  test('keep code blocks verbatim', () => {
    expect(cheerio.load(bodyHtml)('pre code').text()).toBe('const answer = {value: 42}; // not emphasis');
  });

  test('report what was removed', () => {
    expect(
      report.warnings.filter((warning) => warning.article === 'hostile-body').map((warning) => warning.message),
    ).toEqual([
      'removed 1 <script> element',
      'removed 1 <iframe> element',
      'removed 1 <input> element',
      'removed 1 <button> element',
      'removed 1 <form> element',
    ]);
  });

  test('block-editor HTML blocks lose their handlers and scripts too', async () => {
    const html = await renderMdx(join(folder, 'articles/block-braces.mdx'));
    expect(html).not.toMatch(EXECUTABLE);
    expect(textOf(html)).toContain('Set the option to {"enabled": true} in config.json.');
    expect(textOf(html)).toContain('Shown');
  });

  test('keep braces and tags in titles, tags and bylines as plain frontmatter text', async () => {
    const frontmatter = parseFrontmatter((await loadMdx(join(folder, 'articles/hostile-body.mdx'))).frontmatter);
    expect(frontmatter).toMatchObject({ title: 'Braces {like.this} and', tags: ['{tag} bold'], author: 'mallory' });
    expect(files.get('people/mallory.yaml')).toContain('name: "Mallory"');
  });
});

describe('hostile comments', () => {
  test('are stored without event handlers, scripts, frames or javascript: links', () => {
    const stored = files.get('comments/hostile-body.json')!;
    expect(stored).not.toMatch(EXECUTABLE);
    const [comment] = commentsFileSchema().parse(JSON.parse(stored)).comments;
    expect(comment).toMatchObject({ id: '1', author: 'Eve' });
    expect(comment!.authorUrl).toBeUndefined();
    expect(comment!.body).toBe(
      '<a href="https://ok.example/">a link</a>  words after\n<b>bold</b> <a>js link</a> <a>encoded js link</a> {braces} stay',
    );
  });

  test('render through the site’s comment pipeline as safe HTML', () => {
    const [comment] = commentsFileSchema().parse(JSON.parse(files.get('comments/hostile-body.json')!)).comments;
    const html = renderCommentBody(comment!.body);
    expect(html).not.toMatch(EXECUTABLE);
    expect(html).toContain('<a href="https://ok.example/" rel="nofollow ugc noopener">a link</a>');
  });

  test('never carry the writer’s e-mail address, IP address or user agent', () => {
    expect([...files.values()].join('\n')).not.toMatch(/eve@evil\.example|198\.51\.100\.7|Mozilla/);
  });
});
