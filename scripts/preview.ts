/**
 * `npm run preview`: serves the built site from `dist/` exactly as a static host would, under the
 * base path and with the headers of `dist/_headers`, so the owner can check it before deploying.
 */
import '@/config/settings-guard';

import { contentDir } from '@/config/content-dir';
import { questions } from '@/config/questions';
import { site } from '@/config/site';
import { questionsMount } from './preview-questions';
import { startStaticServer } from './static-server';

const base = site.basePath;
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
try {
  const handle = questionsMount({ root: 'dist', base, contentDir });
  const server = await startStaticServer({ root: 'dist', base, port, host, ...(handle && { handle }) });
  console.log(`Serving dist/ at ${server.url} (Ctrl+C to stop)`);
  console.log(handle ? questions.summary : 'Reader questions: off (QUESTIONS=off).');
} catch (error) {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(
    inUse ? `Port ${port} is in use: stop the other server or run with PORT=<another port>.` : String(error),
  );
  process.exit(1);
}
