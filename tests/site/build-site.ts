/**
 * Builds the real site once before the built-site tests, the way the owner does: `astro build`.
 */
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export default function buildSite() {
  const astroPackage = createRequire(import.meta.url).resolve('astro/package.json');
  execFileSync(process.execPath, [join(dirname(astroPackage), 'bin/astro.mjs'), 'build', '--silent'], {
    // Astro prints a failed page's error on stdout: show it when the build fails.
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}
