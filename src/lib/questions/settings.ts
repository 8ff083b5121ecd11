/**
 * The question handler's settings, read from an environment (Node's, or a Cloudflare Worker's
 * `env`): the HMAC secret, Turnstile's keys and the base path, and how it loads an ask page from the
 * site's own files. Web-standard only, for every host.
 */
import { siteSettingsFrom } from '@/config/site-settings';

import type { TurnstileSettings } from '@/lib/questions/handler';

export type Environment = Readonly<Record<string, string | undefined>>;

/** Fewer characters than this in `QUESTIONS_SECRET` would make the form tokens guessable. */
const MINIMUM_SECRET_CHARACTERS = 32;

export interface HandlerSettings {
  secret: string;
  turnstile: TurnstileSettings | undefined;
}

/**
 * @param fallbackSecret a secret to use when `QUESTIONS_SECRET` is unset (the local mounts keep one in a file)
 * @throws Error naming each setting that is missing or wrong
 */
export function handlerSettingsFromEnvironment(env: Environment, fallbackSecret?: () => string): HandlerSettings {
  const problems: string[] = [];
  const secret = env.QUESTIONS_SECRET?.trim() || fallbackSecret?.();
  if (!secret) {
    problems.push(
      `QUESTIONS_SECRET is not set: set it to a long random text (for example the output of \`openssl rand -hex 32\`).`,
    );
  } else if (secret.length < MINIMUM_SECRET_CHARACTERS) {
    problems.push(`QUESTIONS_SECRET is too short: use at least ${MINIMUM_SECRET_CHARACTERS} random characters.`);
  }
  const siteKey = env.TURNSTILE_SITE_KEY?.trim();
  const secretKey = env.TURNSTILE_SECRET_KEY?.trim();
  if (Boolean(siteKey) !== Boolean(secretKey)) {
    problems.push(
      `Only ${siteKey ? 'TURNSTILE_SITE_KEY' : 'TURNSTILE_SECRET_KEY'} is set: set both Turnstile keys, or neither to do without Turnstile.`,
    );
  }
  if (problems.length > 0) throw new Error(`Question handler: ${problems.join(' ')}`);
  return { secret: secret!, turnstile: siteKey && secretKey ? { siteKey, secretKey } : undefined };
}

/**
 * `BASE_PATH` read and checked as the build reads it (`config/site-settings.ts`), with a leading and a
 * trailing slash.
 * @throws Error naming the setting when it cannot be used
 */
export const basePathFrom = (env: Environment) => siteSettingsFrom(env).basePath;

/**
 * `loadAskPage` over HTTP: the article's ask page from the site's own files (`fetchFile` is the host's
 * static files, or plain `fetch`). A 404 means the article takes no questions.
 */
export function askPageOverHttp(
  fetchFile: (url: URL) => Promise<Response>,
  origin: string,
  basePath: string,
): (slug: string) => Promise<string | undefined> {
  return async (slug) => {
    const response = await fetchFile(new URL(`${basePath}articles/${slug}/ask/`, origin));
    if (response.status === 404) return undefined;
    if (!response.ok) throw new Error(`the ask page answered ${response.status}`);
    return response.text();
  };
}
