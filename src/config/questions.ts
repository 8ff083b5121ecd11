/**
 * Reader questions: whether this build invites them, and where submissions go. Read at build time (which
 * links and pages the site shows) and by the question handler at run time (which sink it writes to).
 *
 * `QUESTIONS` chooses the sink:
 * - `local`: the handler writes into `content/comments/` on this machine (`npm start`, `npm run preview`,
 *   `npm run dev`, a single-machine owner). The default when the build is not on a known host.
 * - `github`: the handler opens a pull request on the site's repository for each submission.
 * - `off`: no form, no "Ask a question" or "Reply" links. The default on a host's build machine
 *   (Netlify, Cloudflare Pages, Vercel, GitHub Actions) until a sink is chosen: a form that posts to an
 *   address with nothing behind it is worse than none.
 */
export type QuestionSinkKind = 'local' | 'github' | 'off';

export interface QuestionsConfig {
  /** Where submissions go; `off` shows no form at all. */
  sink: QuestionSinkKind;
  /** One line for the build log saying what was chosen and why. */
  summary: string;
}

/** Environment variables set by the hosts' build machines (each host documents its own). */
const HOST_BUILD_VARIABLES = ['NETLIFY', 'CF_PAGES', 'VERCEL', 'GITHUB_ACTIONS'] as const;

/**
 * The questions setting for an environment.
 * @throws Error naming the setting when `QUESTIONS` holds anything but `local`, `github` or `off`
 */
export function questionsConfigFrom(env: Readonly<Record<string, string | undefined>>): QuestionsConfig {
  const value = env.QUESTIONS?.trim().toLowerCase();
  if (value === 'local' || value === 'github' || value === 'off') {
    return { sink: value, summary: describe(value, 'QUESTIONS') };
  }
  if (value) {
    throw new Error(`QUESTIONS="${env.QUESTIONS}" is not a setting: use local, github or off.`);
  }
  const host = HOST_BUILD_VARIABLES.find((name) => env[name]);
  return host
    ? {
        sink: 'off',
        summary: `Reader questions: off (building on a host, ${host} is set). Set QUESTIONS=github to open them.`,
      }
    : { sink: 'local', summary: describe('local', 'default on this machine') };
}

function describe(sink: QuestionSinkKind, why: string): string {
  if (sink === 'off') return `Reader questions: off (${why}).`;
  const where = sink === 'local' ? 'stored in content/comments/ on this machine' : 'sent as GitHub pull requests';
  return `Reader questions: on, ${where} (${why}).`;
}

/**
 * The environment the question handler reads on Node (`npm run dev`, `npm run preview`): its sink, secret
 * and Turnstile keys. An edge runtime may have no `process`; its adapter passes the host's `env` instead.
 */
export const questionsEnvironment: Readonly<Record<string, string | undefined>> = globalThis.process?.env ?? {};

/** This build's questions setting (or this handler's). */
export const questions: QuestionsConfig = questionsConfigFrom(questionsEnvironment);

/** Whether this build shows the question form and the "Ask a question" and "Reply" links. */
export const questionsOpen = questions.sink !== 'off';
