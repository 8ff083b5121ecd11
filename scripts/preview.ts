/**
 * `npm run preview`: serves the built site from `dist/` exactly as a static host would, under the
 * base path and with the headers of `dist/_headers`, so the owner can check it before deploying.
 */
import '../src/config/settings-guard';

import { site } from '../src/config/site';
import { startStaticServer } from './static-server';

const base = site.basePath;
const port = Number(process.env.PORT ?? 4321);
const host = process.env.HOST ?? 'localhost';
try {
  const server = await startStaticServer({ root: 'dist', base, port, host });
  console.log(`Serving dist/ at ${server.url} (Ctrl+C to stop)`);
} catch (error) {
  const inUse = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  console.error(
    inUse ? `Port ${port} is in use: stop the other server or run with PORT=<another port>.` : String(error),
  );
  process.exit(1);
}
