// First: stops on a bad SITE_URL or BASE_PATH with one line each, before anything reads them.
import '@/config/settings-guard';

import { satteri } from '@astrojs/markdown-satteri';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import tailwindcss from '@tailwindcss/vite';
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';

import { defineConfig } from 'astro/config';

import { contentDir, DEFAULT_CONTENT_DIR } from '@/config/content-dir';
import { editorSettings } from '@/config/editor';
import { focusableCodeBlocks, taskListLabels } from '@/lib/markdown/accessibility-plugins';
import { letteredNotes } from '@/lib/markdown/lettered-notes';
import { NOTES } from '@/lib/markdown/notes';
import { checkComponentUses } from '@/lib/mdx/component-check-plugin';
import { missingSiteUrlNotice, site } from '@/config/site';
import { isAskPageUrl } from '@/lib/questions/ask-page';
import { buildNotices } from '@/integrations/build-notices';
import { contentIntegrity } from '@/integrations/content-integrity';
import { contentMedia } from '@/integrations/content-media';
import { editor, GITHUB_ORIGINS } from '@/integrations/editor';
import { editorialLint } from '@/integrations/editorial-lint';
import { questionsIntegration } from '@/integrations/questions';
import { redirects } from '@/integrations/redirects';
import { searchIndex } from '@/integrations/search-index';
import { shareImages } from '@/integrations/share-images';
import { staticHeaders } from '@/integrations/static-headers';

/**
 * Builds of other content folders (fixtures, benchmarks) keep their own caches, one per folder and base
 * path, so they never mix and a build under another base path never clears another's.
 */
const cacheDir =
  contentDir === DEFAULT_CONTENT_DIR
    ? undefined
    : `./node_modules/.astro/content-${createHash('sha256')
        .update(`${resolve(contentDir)}\0${site.basePath}`)
        .digest('hex')
        .slice(0, 12)}`;

// https://docs.astro.build/en/reference/configuration-reference/
export default defineConfig({
  site: site.url,
  base: site.basePath,
  ...(cacheDir && { cacheDir }),
  trailingSlash: 'always',
  integrations: [
    contentIntegrity(contentDir),
    // Says whether the build shows the question form; answers the question handler's address in dev.
    questionsIntegration(contentDir),
    // Drawn in a worker thread from the start of the build; copied into dist/ at its end.
    shareImages(contentDir),
    // The content folder's media/ (imported from WordPress), served at <base>media/.
    contentMedia(contentDir),
    mdx(),
    // Every page (the 404 page is left out by the integration), at its full address under the base path.
    // Pages end in "/"; files made by endpoints (feed, images, robots.txt) are not pages and stay out, and
    // so do the question forms (`/articles/<slug>/ask/`), which are not for search engines.
    sitemap({
      filter: (url) => url.endsWith('/') && !isAskPageUrl(url),
      namespaces: { news: false, xhtml: false, image: false, video: false },
    }),
    editorialLint(contentDir),
    // Old addresses (a WordPress import's) → their pages: dist/_redirects, read by the hosts and the preview.
    redirects(contentDir),
    // The browser editor at <base>admin/: on this machine's content in `npm run dev`; in a build only with
    // CMS=github. Before the headers, which then give its files their own policy.
    editor(contentDir),
    staticHeaders(editorSettings.mode === 'github' ? { connect: GITHUB_ORIGINS } : undefined),
    // Last: Pagefind indexes the pages in its own process from the moment they are written, while the
    // integrations above do their end-of-build work; its `astro:build:done` waits for it.
    searchIndex(),
    // After everything, Pagefind included: what to fix before deploying, where it is read.
    buildNotices([missingSiteUrlNotice]),
  ],
  markdown: {
    // Astro's built-in processor (GitHub-flavoured Markdown included). No smart punctuation:
    // articles are published word for word, straight quotes and all. Footnotes are lettered "Notes",
    // told apart from numbered citations. Components used against their declared props stop the compile
    // at their line and column, in the build and in `npm run dev` (whose error overlay shows it): see
    // src/schemas/components.ts.
    processor: satteri({
      features: { smartPunctuation: false, gfm: { footnotes: NOTES } },
      mdastPlugins: [checkComponentUses(contentDir)],
      hastPlugins: [taskListLabels, focusableCodeBlocks, letteredNotes],
    }),
  },
  image: {
    // Images in articles get a srcset of sizes up to their own width, with width and height (so nothing
    // shifts as they load). Tailwind's base styles already keep an image within its column
    // (max-width: 100%; height: auto), so Astro's global image styles are not added.
    layout: 'constrained',
  },
  build: {
    // One HTML request and no render-blocking stylesheet request: the page's CSS is small.
    inlineStylesheets: 'always',
  },
  experimental: {
    // Pages whose data and code are unchanged since the last build are copied, not rendered again:
    // article pages give a cache key (src/lib/content.ts, getArticlePagesCacheKey).
    incrementalBuild: true,
  },
  vite: {
    plugins: [tailwindcss()],
    build: {
      // The search page's script stays a file of its own: the Content-Security-Policy allows scripts
      // from the site's files only, never inline.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
      rolldownOptions: {
        onwarn(warning, warn) {
          // Every MDX file triggers this known Astro warning (withastro/astro#18087); all others still show.
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('"use astro:head-inject"')) return;
          warn(warning);
        },
      },
    },
  },
});
