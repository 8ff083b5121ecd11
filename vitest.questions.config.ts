/// <reference types="vitest/config" />
import { getViteConfig } from 'astro/config';
export default getViteConfig(
  { test: { include: ['tests/browser/questions.test.ts'], hookTimeout: 300_000, testTimeout: 120_000 } },
  { devToolbar: { enabled: false } },
);
