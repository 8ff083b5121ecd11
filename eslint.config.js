// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * One import style (scripts/codemods/one-import-style.ts rewrites to it): a file under `src/` is imported
 * as `@/<path>` from everywhere, except inside `src/workers/`, whose files Node runs as they are in worker
 * threads (no `@/` paths, no extensionless names): they import each other as `./name.ts`, and packages.
 */
const SRC_BY_RELATIVE_PATH = {
  regex: '^(\\./|(\\.\\./)+)src(/|$)',
  message: 'Import files under src/ as `@/<path>` (one import style; see eslint.config.js).',
};
const WORKERS = 'src/workers/**';

export default defineConfig(
  { ignores: ['dist/', '.astro/', 'node_modules/', 'reports/', '.vercel/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  ...astro.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // Indexed access is `T | undefined` under noUncheckedIndexedAccess; `!` marks the places we have checked.
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-restricted-imports': ['error', { patterns: [SRC_BY_RELATIVE_PATH] }],
    },
  },
  {
    files: ['src/**'],
    ignores: [WORKERS],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Files of public/ (the favicon) are not modules of src/: they keep their relative path.
              regex: '^(?!(\\.\\./)+public/)\\.{1,2}(/|$)',
              message:
                'Inside src/, import other files of src/ as `@/<path>` (one import style; see eslint.config.js).',
            },
          ],
        },
      ],
    },
  },
  {
    files: [WORKERS],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@/*'],
              message:
                'Node runs src/workers/ files as they are, without `@/` paths: import files of this folder as `./name.ts`.',
            },
            {
              group: ['../*'],
              message:
                'A file of src/workers/ may import only files of this folder (`./name.ts`) and packages: Node runs them as they are in worker threads.',
            },
            {
              regex: '^\\./.*(?<!\\.ts)$',
              message: 'Node runs src/workers/ files as they are: give the full file name (`./name.ts`).',
            },
          ],
        },
      ],
    },
  },
);
