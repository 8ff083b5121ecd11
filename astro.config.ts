import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import tailwindcss from '@tailwindcss/vite';
import { defineConfig } from 'astro/config';

import { site } from './src/config/site';

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  integrations: [mdx()],
  markdown: {
    // Astro's built-in processor (GitHub-flavoured Markdown included). No smart punctuation:
    // articles are published word for word, straight quotes and all.
    processor: satteri({ features: { smartPunctuation: false } }),
  },
  build: {
    // One HTML request and no render-blocking stylesheet request: the page's CSS is small.
    inlineStylesheets: 'always',
  },
  vite: {
    plugins: [tailwindcss()],
  },
});
