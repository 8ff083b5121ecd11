/**
 * Runs build work in a worker thread, on the processor core that Astro's single-threaded build leaves
 * idle. Worker files are run by Node as they are, with its own TypeScript support, so they and everything
 * they import live in this folder, src/workers/, and import each other by full file names without `@/`
 * paths: eslint.config.js enforces it, and tests/unit/worker-imports.test.ts checks the whole graph.
 */
import { Worker } from 'node:worker_threads';

/**
 * Starts the worker at `file` with `workerData`. Resolves with the first message it posts (undefined if it
 * posts none) once it has exited cleanly; rejects with its error, or when it exits with another code.
 */
export function runWorker<T>(file: URL, workerData: unknown): Promise<T> {
  if (!process.features.typescript) {
    return Promise.reject(
      new Error(
        `Node ${process.version} cannot run ${file.pathname.split('/').pop()}: the build needs Node 22.18 or later, which runs TypeScript files itself. Run it with \`npm run build\`, which uses the Node that package.json pins.`,
      ),
    );
  }
  return new Promise((resolve, reject) => {
    let result: T | undefined;
    const worker = new Worker(file, { workerData });
    worker.once('message', (message: T) => {
      result = message;
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code === 0) resolve(result as T);
      else reject(new Error(`the worker ${file.pathname.split('/').pop()} stopped with exit code ${code}`));
    });
  });
}
