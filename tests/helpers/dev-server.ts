/**
 * `npm run dev` (the real `astro dev`) on a content folder, for tests of what only the dev server does:
 * drafts under a banner, the browser editor. It runs in a test project of its own, held while it runs
 * (tests/helpers/astro-build.ts, takeProject).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';

import { ASTRO_BIN, buildEnvironment, contentFolderOf, takeProject } from './astro-build';

export interface DevServer {
  /** `http://127.0.0.1:<port>`. */
  origin: string;
  /** The project folder it serves: the paths in its messages are relative to it. */
  project: string;
  /** Stops the server and lets the next build start. */
  stop(): Promise<void>;
}

/** A port nobody listens on now. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/**
 * Starts `astro dev` on `contentDir`, with extra environment variables, and waits until it answers
 * `readyPath` (the first answer waits for Vite to bundle the dependencies).
 * @throws Error with what the server printed when it does not answer within 2 minutes
 */
export async function startDevServer(
  contentDir: string,
  readyPath: string,
  env: Record<string, string> = {},
): Promise<DevServer> {
  const contentFolder = contentFolderOf({ CONTENT_DIR: contentDir });
  const { project, release: unlock } = await takeProject(contentFolder);
  let port: number;
  try {
    port = await freePort();
  } catch (error) {
    await unlock();
    throw error;
  }
  const origin = `http://127.0.0.1:${port}`;
  // --strictPort: a server that cannot have this port stops instead of answering on another one.
  const args = ['dev', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--root', project];
  const dev = spawn(process.execPath, [ASTRO_BIN, ...args], {
    cwd: project,
    env: {
      // Without VITEST: Astro's dev server serves no pages inside Vitest.
      ...Object.fromEntries(Object.entries(buildEnvironment()).filter(([name]) => !name.startsWith('VITEST'))),
      CONTENT_DIR: contentFolder,
      QUESTIONS: 'off',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  dev.on('error', (error) => (output += `${error.message}\n`));
  dev.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  dev.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    if (dev.exitCode === null && dev.pid !== undefined) {
      const exited = new Promise((resolve) => dev.once('exit', resolve));
      dev.kill();
      await exited;
    }
    await unlock();
  };
  let last = 'no answer';
  for (const started = Date.now(); Date.now() - started < 120_000;) {
    if (dev.exitCode !== null) break;
    try {
      const response = await fetch(`${origin}${readyPath}`, { signal: AbortSignal.timeout(60_000) });
      if (response.ok) return { origin, project, stop };
      last = `status ${response.status}`;
    } catch (error) {
      last = String(error);
    }
    await new Promise((wait) => setTimeout(wait, 500));
  }
  await stop();
  throw new Error(`astro dev did not answer ${readyPath} within 2 minutes (${last}). It said:\n${output}`);
}
