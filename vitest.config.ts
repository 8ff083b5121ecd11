/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';

export default getViteConfig(
  {
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: 'unit',
            include: ['tests/unit/**/*.test.ts', 'tests/components/**/*.test.ts', 'tests/import/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'site',
            include: ['tests/site/**/*.test.ts', 'tests/browser/**/*.test.ts'],
            globalSetup: ['tests/site/build-site.ts'],
            hookTimeout: 300_000,
            testTimeout: 60_000,
          },
        },
      ],
    },
  },
  // Without the toolbar, rendered HTML carries no source-file attributes.
  { devToolbar: { enabled: false } },
);
