/**
 * `REDIRECT_PAGES`: whether the build writes an HTML redirect page at each old address
 * (`src/integrations/redirects.ts`), for hosts that read no `_redirects`, such as GitHub Pages. It changes
 * no page the site renders, so it is not one of the page settings.
 */

/**
 * The setting's value: `true` writes the pages; unset, empty or `false` does not.
 * @throws Error naming the setting for any other value
 */
export function redirectPagesSetting(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw new Error(`REDIRECT_PAGES must be true or false (or left unset), not "${value}".`);
}

/** This build's setting. */
export const redirectPages: boolean = redirectPagesSetting(process.env.REDIRECT_PAGES);
