/**
 * What the owner must know before deploying a build, said at its very end where it is read: one line
 * each. Listed last among the integrations, so that its `astro:build:done` runs after all the others.
 */
import type { AstroIntegration } from 'astro';

/** @param notices lines to say, such as `missingSiteUrlNotice` from `config/site.ts`; undefined ones are skipped */
export function buildNotices(notices: readonly (string | undefined)[]): AstroIntegration {
  return {
    name: 'health-site:build-notices',
    hooks: {
      'astro:build:done': ({ logger }) => {
        for (const notice of notices) if (notice) logger.warn(notice);
      },
    },
  };
}
