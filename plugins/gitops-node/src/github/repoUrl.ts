/**
 * A Git repository URL as `host/owner/repo`, lowercase: the https, ssh and scp-like (`git@host:owner/repo.git`)
 * spellings Argo CD accepts for one repository agree. (git-url-parse does this too, but ships no types: two
 * dependencies for these few lines.)
 *
 * @public
 */
export function repoIdOf(url: string): string {
  const text = url.trim().toLowerCase();
  const scpLike = /^[^@/:]+@([^:/]+):(?!\/)(.+)$/.exec(text);
  const hostAndPath = scpLike
    ? `${scpLike[1]}/${scpLike[2]}`
    : text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^[^@/]+@/, '');
  return hostAndPath
    .replace(/^([^/]+):\d+\//, '$1/')
    .replace(/\/+$/, '')
    .replace(/\.git$/, '');
}

/**
 * Whether two URLs name the same repository.
 *
 * @public
 */
export const sameRepo = (a: string, b: string) => repoIdOf(a) === repoIdOf(b);

/**
 * A Git repository URL as the `https://host/owner/repo` (or `http://…`) that `integrations.github` matches, with its
 * owner and repo as the GitHub API names them: case and a web port kept (a GitHub Enterprise host may listen on
 * one), an ssh port dropped (it is not the web's). Undefined for a URL without a host and an `owner/repo` path.
 *
 * @public
 */
export function githubRepoOf(
  url: string,
): { url: string; owner: string; repo: string } | undefined {
  const text = url.trim();
  const scpLike = /^[^@/:]+@([^:/]+):(?!\/)(.+)$/.exec(text);
  let web = 'https';
  let host: string;
  let path: string;
  if (scpLike) {
    [, host, path] = scpLike;
  } else {
    const parsed = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]+@)?([^/]+)\/(.*)$/i.exec(
      text,
    );
    if (!parsed) return undefined;
    const [, scheme, authority] = parsed;
    const isWeb = /^https?$/i.test(scheme);
    if (isWeb) web = scheme.toLowerCase();
    host = isWeb ? authority : authority.replace(/:\d+$/, '');
    path = parsed[3];
  }
  const parts = path
    .replace(/\/+$/, '')
    .replace(/\.git$/, '')
    .split('/')
    .filter(Boolean);
  if (parts.length !== 2) return undefined;
  const [owner, repo] = parts;
  return { url: `${web}://${host}/${owner}/${repo}`, owner, repo };
}
