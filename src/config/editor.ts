/**
 * The browser editor (Decap CMS at `{base}admin/`). `npm run dev` always serves it, on this machine's
 * content (`lib/editor/local-backend.ts`). A build includes it only when asked, for editing on GitHub:
 *
 * - `CMS`: `github` writes `dist/admin/`; unset, empty or `off` writes nothing (the default).
 * - `CMS_REPOSITORY`: `owner/name` of the site's repository (required with `github`).
 * - `CMS_BRANCH`: the branch articles are published to (default `main`).
 * - `CMS_AUTH_URL`: the origin of the GitHub sign-in helper (`https://…`); unset uses Netlify's,
 *   which works on a site Netlify hosts. `CMS_AUTH_ENDPOINT`: its path, if not `auth`.
 */
export type EditorSettings =
  { mode: 'off' } | { mode: 'github'; repository: string; branch: string; authUrl?: string; authEndpoint?: string };

/**
 * The settings for an environment.
 * @throws Error with one line per setting that cannot be used
 */
export function editorSettingsFrom(env: Readonly<Record<string, string | undefined>>): EditorSettings {
  const mode = env.CMS?.trim().toLowerCase() ?? '';
  if (mode === '' || mode === 'off') return { mode: 'off' };
  if (mode !== 'github') throw new Error(`CMS="${env.CMS}" is not a setting: use github or off.`);
  const problems: string[] = [];
  const repository = env.CMS_REPOSITORY?.trim() ?? '';
  if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(repository)) {
    problems.push(
      `CMS_REPOSITORY must be the site's repository as owner/name (CMS=github needs it), not "${repository}".`,
    );
  }
  const branch = env.CMS_BRANCH?.trim() || 'main';
  if (!/^[A-Za-z0-9_./-]+$/.test(branch)) problems.push(`CMS_BRANCH "${branch}" is not a branch name.`);
  const authUrl = env.CMS_AUTH_URL?.trim() || undefined;
  if (authUrl !== undefined && !/^https:\/\/[^/\s]+$/.test(authUrl)) {
    problems.push(
      `CMS_AUTH_URL must be an https:// origin with no path, such as https://auth.example.org, not "${authUrl}".`,
    );
  }
  const authEndpoint = env.CMS_AUTH_ENDPOINT?.trim() || undefined;
  if (authEndpoint !== undefined && !/^[A-Za-z0-9_/-]+$/.test(authEndpoint)) {
    problems.push(`CMS_AUTH_ENDPOINT must be a path such as auth, not "${authEndpoint}".`);
  }
  if (problems.length > 0) throw new Error(problems.join('\n'));
  return {
    mode: 'github',
    repository,
    branch,
    ...(authUrl && { authUrl }),
    ...(authEndpoint && { authEndpoint }),
  };
}

/** This build's setting. */
export const editorSettings: EditorSettings = editorSettingsFrom(process.env);
