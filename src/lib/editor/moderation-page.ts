/**
 * Reader questions in the browser (`{base}admin/questions/`, served by `npm run dev`): every comment
 * waiting for review across all articles, each with Publish, Spam and Delete, and an answer written as a
 * person of `content/people/`. Each button runs the same command as `npm run comments` (its checks, its
 * locking, its messages): the page is that command with buttons. Plain HTML forms, no script.
 */
import { globSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { parse as parseYaml } from 'yaml';

import { pendingComments, runCommentsCommand, type PendingComment } from '@/lib/questions/moderation';
import { visible } from '@/lib/text/visible-text';
import { commentSchema } from '@/schemas/comments';

export interface ModerationPageOptions {
  root: string;
  contentDir: string;
  /** The site's base path, ending in `/`. */
  base: string;
  /** The moment ages are counted from (tests). */
  now?: () => Date;
}

export interface ModerationAnswer {
  status: number;
  html: string;
  headers?: Record<string, string>;
}

/** The choices of the page's buttons, and the `npm run comments` command each runs. */
export const MODERATION_ACTIONS = ['approve', 'spam', 'delete', 'answer'] as const;
type ModerationAction = (typeof MODERATION_ACTIONS)[number];

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);

/**
 * Reader text for the page: escaped, with control and direction characters shown as `<U+…>`, line breaks
 * kept (the text is shown with its line breaks).
 */
const readerText = (text: string) => escapeHtml(text.split(/\r?\n/).map(visible).join('\n'));

interface Person {
  id: string;
  name: string;
}

function people(contentDir: string): Person[] {
  return globSync('people/*.yaml', { cwd: contentDir })
    .map((path) => {
      const id = path.slice('people/'.length, -'.yaml'.length);
      let name = id;
      try {
        const data = parseYaml(readFileSync(join(contentDir, path), 'utf8')) as { name?: unknown } | null;
        if (typeof data?.name === 'string') name = data.name;
      } catch {
        // The content check names the problem; the id still identifies the person.
      }
      return { id, name };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function createModerationPage({ root, contentDir, base, now = () => new Date() }: ModerationPageOptions) {
  const context = () => ({ contentDir, root, now: now() });

  async function render(
    status: number,
    notice?: { kind: 'done' | 'problem'; lines: string[] },
    typed?: URLSearchParams,
  ) {
    const { waiting, problems } = await pendingComments(context());
    const everyone = people(contentDir);
    return { status, html: page({ base, waiting, problems, people: everyone, notice, typed }) };
  }

  /** Answers a GET (the list) or a POST (one button) of the page. */
  async function answer(method: string, query: URLSearchParams, form?: string): Promise<ModerationAnswer> {
    if (method !== 'POST') {
      const done = query.get('done');
      return render(200, done ? { kind: 'done', lines: [done] } : undefined);
    }
    const fields = new URLSearchParams(form ?? '');
    const action = fields.get('action') as ModerationAction | null;
    const target = fields.get('target') ?? '';
    if (!action || !MODERATION_ACTIONS.includes(action)) {
      return render(
        400,
        { kind: 'problem', lines: ['Choose Publish, Spam, Delete or Publish with this answer.'] },
        fields,
      );
    }
    const lines: string[] = [];
    const run = async (argv: string[]) => {
      const result = await runCommentsCommand(argv, context());
      lines.push(...result.out);
      if (result.code !== 0) throw new Error(result.err.join('\n'));
    };
    try {
      if (action === 'answer') {
        const person = fields.get('person') ?? '';
        const body = fields.get('body') ?? '';
        if (body.trim() === '') throw new Error('Write the answer first: nothing was changed.');
        // Checked before the question is published, so that a refused answer leaves nothing half done.
        const text = commentSchema().shape.body.safeParse(body.replace(/\s+$/, ''));
        if (!text.success)
          throw new Error(`The answer ${text.error.issues[0]?.message ?? 'is refused'}: nothing was changed.`);
        if (!people(contentDir).some(({ id }) => id === person)) {
          throw new Error('Choose who answers, a person of content/people: nothing was changed.');
        }
        // An answer goes under a published question: publish it first, as a moderator answering would.
        await run(['approve', target]);
        await run(['answer', target, '--as', person, '--body', body]);
      } else {
        await run([action, target]);
      }
    } catch (error) {
      const message = (error as Error).message.split('\n').filter(Boolean);
      return render(422, { kind: 'problem', lines: [...lines, ...message] }, fields);
    }
    return {
      status: 303,
      html: '',
      headers: { Location: `${base}admin/questions/?done=${encodeURIComponent(lines.join(' '))}` },
    };
  }

  return { answer };
}

interface PageData {
  base: string;
  waiting: PendingComment[];
  problems: string[];
  people: Person[];
  notice?: { kind: 'done' | 'problem'; lines: string[] } | undefined;
  typed?: URLSearchParams | undefined;
}

const STYLE = `
body { font: 1rem/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 48rem; padding: 1rem; color: #0b0c0c; }
h1 { font-size: 1.75rem; } h2 { font-size: 1.25rem; margin: 0 0 .25rem; }
article { border: 1px solid #b1b4b6; border-radius: .25rem; padding: 1rem; margin: 1rem 0; }
.meta { color: #505a5f; margin: 0 0 .5rem; } .text { white-space: pre-wrap; overflow-wrap: anywhere; }
.actions { display: flex; flex-wrap: wrap; gap: .5rem; margin: .75rem 0; }
button { font: inherit; padding: .4rem .9rem; border: 2px solid #0b0c0c; border-radius: .25rem; background: #fff; cursor: pointer; }
button.primary { background: #00703c; border-color: #00703c; color: #fff; }
label { display: block; font-weight: 600; margin-top: .5rem; } textarea, select { font: inherit; width: 100%; box-sizing: border-box; }
textarea { min-height: 6rem; } .notice { border-left: .4rem solid #00703c; padding: .5rem 1rem; background: #f3f2f1; }
.notice.problem { border-color: #d4351c; } :focus-visible { outline: 3px solid #fd0; outline-offset: 0; }
`;

function page({ base, waiting, problems, people: everyone, notice, typed }: PageData): string {
  const options = (chosen: string | null) =>
    [
      '<option value="">Choose a person</option>',
      ...everyone.map(
        ({ id, name }) =>
          `<option value="${escapeHtml(id)}"${id === chosen ? ' selected' : ''}>${escapeHtml(name)}</option>`,
      ),
    ].join('');
  const card = ({ target, article, comment }: PendingComment, index: number) => {
    const same = typed?.get('target') === target;
    const id = `q${index}`;
    return `<article aria-labelledby="${id}-title">
<h2 id="${id}-title">${readerText(comment.title ?? (comment.parent ? `Reply to ${comment.parent}` : 'A question'))}</h2>
<p class="meta">On <a href="${escapeHtml(`${base}articles/${article}/`)}">${escapeHtml(article)}</a> · ${escapeHtml(target)} · ${readerText(comment.author ?? 'Anonymous')}${comment.date ? ` · ${escapeHtml(comment.date.toISOString().slice(0, 10))}` : ''}</p>
<div class="text">${readerText(comment.body)}</div>
<form method="post" action="${escapeHtml(`${base}admin/questions/`)}">
<input type="hidden" name="target" value="${escapeHtml(target)}">
<div class="actions">
<button class="primary" name="action" value="approve">Publish</button>
<button name="action" value="spam">Spam</button>
<button name="action" value="delete">Delete</button>
</div>
<label for="${id}-body">Answer as the site (published with the question)</label>
<textarea id="${id}-body" name="body">${same ? escapeHtml(typed?.get('body') ?? '') : ''}</textarea>
<label for="${id}-person">Answered by</label>
<select id="${id}-person" name="person">${options(same ? (typed?.get('person') ?? null) : null)}</select>
<div class="actions"><button class="primary" name="action" value="answer">Publish with this answer</button></div>
</form>
</article>`;
  };
  const noticeHtml = notice
    ? `<div class="notice${notice.kind === 'problem' ? ' problem' : ''}" role="${notice.kind === 'problem' ? 'alert' : 'status'}">${notice.lines
        .map((line) => `<p>${escapeHtml(line)}</p>`)
        .join('')}</div>`
    : '';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>Reader questions · Editor</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<p><a href="${escapeHtml(`${base}admin/`)}">Editor</a></p>
<h1>Reader questions</h1>
${noticeHtml}
<p>${waiting.length === 0 ? 'Nothing is waiting.' : `${waiting.length} waiting, oldest first. Published ones appear on the next build.`}</p>
${problems.map((line) => `<p class="notice problem">${escapeHtml(line)}</p>`).join('\n')}
${waiting.map(card).join('\n')}
</main>
</body>
</html>
`;
}
