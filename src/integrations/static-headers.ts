/**
 * Writes `dist/_headers` after each build: the rules of `lib/headers/rules.ts`, with a hash for every
 * inline stylesheet the pages actually contain, so the Content-Security-Policy needs no 'unsafe-inline'.
 */
import { createHash } from 'node:crypto';
import { globSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import type { AstroIntegration } from 'astro';

import { headerRules, toHeadersFile, type PageStyles } from '@/lib/headers/rules';

/** The inline styles of a built site, as CSP sources. */
export function collectPageStyles(dist: string): PageStyles {
  const hashes = new Set<string>();
  let styleAttributes = false;
  for (const page of globSync('**/*.html', { cwd: dist })) {
    // Read byte for byte (latin1), several times quicker than decoding UTF-8 for patterns that are all ASCII;
    // each stylesheet is hashed as the same bytes, its UTF-8, which is what browsers hash.
    const html = readFileSync(join(dist, page), 'latin1');
    for (const [, css] of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)) {
      hashes.add(`'sha256-${createHash('sha256').update(css!, 'latin1').digest('base64')}'`);
    }
    // The quick test first: the tag-matching one backtracks over every tag of a page without style attributes.
    styleAttributes ||= /\sstyle="/i.test(html) && /<[a-z][^>]*\sstyle="/i.test(html);
  }
  return { styleHashes: [...hashes].sort(), styleAttributes };
}

/** @param editor the origins the browser editor talks to, when the build includes it (`integrations/editor.ts`) */
export function staticHeaders(editor?: { connect: readonly string[] }): AstroIntegration {
  let base = '/';
  return {
    name: 'health-site:static-headers',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base;
      },
      'astro:build:done': ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const styles = collectPageStyles(dist);
        writeFileSync(join(dist, '_headers'), toHeadersFile(headerRules(styles, editor), base));
        logger.info(`Wrote _headers (${styles.styleHashes.length} inline stylesheet hashes).`);
      },
    },
  };
}
