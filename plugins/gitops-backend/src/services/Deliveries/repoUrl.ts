/**
 * A Git repository URL as `host/owner/repo`, lowercase: the https, ssh and scp-like (`git@host:owner/repo.git`)
 * spellings Argo CD accepts for one repository agree. (git-url-parse does this too, but ships no types: two
 * dependencies for these few lines.)
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

/** Whether two URLs name the same repository. */
export const sameRepo = (a: string, b: string) => repoIdOf(a) === repoIdOf(b);
