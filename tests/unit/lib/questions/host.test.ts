/** The host adapters over the question handler: Cloudflare Pages Functions, Netlify Functions, and what they bundle. */
import { build } from 'esbuild';
import * as cheerio from 'cheerio';
import { afterEach, describe, expect, test, vi } from 'vitest';

import { hostSink } from '@/lib/questions/host';

import { onRequest } from '../../../../functions/api/questions';
import netlifyQuestions, { config as netlifyConfig } from '../../../../netlify/functions/questions';
import { LEG_CRAMPS_ASK_PAGE, LEG_CRAMPS_ASK_PATH } from '../../../helpers/ask-page';

const HOST_ENV = {
  QUESTIONS: 'github',
  GITHUB_TOKEN: 'github_pat_test',
  GITHUB_REPOSITORY: 'owner/site',
  QUESTIONS_SECRET: 'a-secret-of-at-least-thirty-two-characters',
};

/** The site's static files: the one ask page, 404 for anything else. */
const staticFiles = async (url: URL | string | Request) =>
  new URL(String(url instanceof Request ? url.url : url)).pathname === LEG_CRAMPS_ASK_PATH
    ? new Response(LEG_CRAMPS_ASK_PAGE)
    : new Response('Not found', { status: 404 });

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('Cloudflare Pages Functions adapter', () => {
  const context = (request: Request, env: Record<string, string | undefined> = HOST_ENV) => ({
    request,
    env: { ...env, ASSETS: { fetch: staticFiles } },
  });

  test('serves the form, reading the ask page from the deployment’s static files', async () => {
    const response = await onRequest(context(new Request('https://site.example/api/questions?article=leg-cramps')));
    expect(response.status).toBe(200);
    expect(
      cheerio
        .load(await response.text())('input[name="token"]')
        .val(),
    ).toMatch(/^v1\./);
  });

  test('answers 503 and logs which setting is missing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const response = await onRequest(
      context(new Request('https://site.example/api/questions?article=leg-cramps'), { QUESTIONS: 'github' }),
    );
    expect(response.status).toBe(503);
    expect(String(errors.mock.calls[0]?.[0])).toMatch(/GITHUB_TOKEN and GITHUB_REPOSITORY are not set/);
    expect(await response.text()).not.toContain('GITHUB');
  });

  test('bundles for Workers without any Node module or process.env', async () => {
    const result = await build({
      entryPoints: ['functions/api/questions.ts'],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
    });
    expect(new TextDecoder().decode(result.outputFiles[0]!.contents)).not.toMatch(/\bprocess\.env|from "node:/);
  });
});

describe('Netlify Functions adapter', () => {
  test('is mounted at /api/questions and serves the form, reading the ask page from the site', async () => {
    expect(netlifyConfig.path).toBe('/api/questions');
    for (const [name, value] of Object.entries(HOST_ENV)) vi.stubEnv(name, value);
    vi.stubGlobal('fetch', staticFiles);
    const response = await netlifyQuestions(new Request('https://site.example/api/questions?article=leg-cramps'), {
      site: { url: 'https://site.example' },
    });
    expect(response.status).toBe(200);
    expect(
      cheerio
        .load(await response.text())('form')
        .attr('action'),
    ).toBe('/api/questions');
    vi.unstubAllEnvs();
  });
});

describe('hostSink', () => {
  test('is the GitHub sink', () => {
    expect(hostSink(HOST_ENV).name).toBe('GitHub pull requests');
  });

  test('names every missing setting, and says a host needs QUESTIONS=github', () => {
    expect(() => hostSink({ QUESTIONS: 'local' })).toThrow(
      /QUESTIONS is "local": set QUESTIONS=github on a host\. GITHUB_TOKEN and GITHUB_REPOSITORY are not set/,
    );
    expect(() => hostSink({ ...HOST_ENV, GITHUB_REPOSITORY: ' ' })).toThrow(/GITHUB_REPOSITORY is not set/);
  });
});
