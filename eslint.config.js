// @ts-check
import js from '@eslint/js';
import astro from 'eslint-plugin-astro';
import { defineConfig } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    },
  },
);
