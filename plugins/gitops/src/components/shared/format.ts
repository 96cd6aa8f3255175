/** "45s", "5m", "3h", "2d": the compact age the portal shows next to statuses. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m`;
  if (s < 86400) return `${Math.floor(s / 3600)}h`;
  return `${Math.floor(s / 86400)}d`;
}

/** "5m ago" for an RFC 3339 timestamp, relative to `now`. */
export function timeSince(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  return `${formatDuration((now - at) / 1000)} ago`;
}

/** The first 7 characters of a hex commit SHA; anything else (digest, chart version) as is. */
export function shortRevision(revision: string): string {
  return /^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(revision)
    ? revision.slice(0, 7)
    : revision;
}

/**
 * The web page of a commit when the repo is an http(s) GitHub-style URL
 * (`<repo>/commit/<sha>`); undefined for SSH URLs, OCI/Helm repos and non-SHA revisions.
 */
export function commitUrl(
  repoURL: string | undefined,
  revision: string | undefined,
): string | undefined {
  if (!repoURL || !revision || !/^[0-9a-f]{7,64}$/i.test(revision)) {
    return undefined;
  }
  let url: URL;
  try {
    url = new URL(repoURL);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const path = url.pathname.replace(/\/+$/, '').replace(/\.git$/, '');
  if (path.split('/').filter(Boolean).length < 2) return undefined;
  return `${url.origin}${path}/commit/${revision}`;
}
