/*
 * The Backstage release's package versions for a stock app. @backstage/create-app pins them with a seed yarn.lock it
 * downloads from GitHub; without it (no network here but the registry) every caret range floats to the newest
 * release, and a newer plugin meets an older backend (e.g. signals-backend 0.3.21 needs a backend-defaults newer
 * than 0.18.0). This repository's own yarn.lock is on the release in backstage.json, so its @backstage versions are
 * the release's; a stock dependency it does not use is pinned to its range's lower bound, which create-app's template
 * writes as the release's version.
 */

const LOCK_ENTRY =
  /^"(@backstage\/[\w.-]+)@npm:[^\n]*":\n {2}version: (\S+)$/gm;

const compareVersions = (a: string, b: string) => {
  const pa = a.split(/[.-]/).map(Number);
  const pb = b.split(/[.-]/).map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
};

/** Each @backstage package's highest version in a yarn.lock. */
export function lockedBackstageVersions(lock: string): Map<string, string> {
  const versions = new Map<string, string>();
  for (const [, name, version] of lock.matchAll(LOCK_ENTRY)) {
    const known = versions.get(name);
    if (!known || compareVersions(version, known) > 0)
      versions.set(name, version);
  }
  return versions;
}

/** The version a `^x.y.z`, `~x.y.z` or exact range starts at; undefined for anything else. */
export function lowerBound(range: string): string | undefined {
  return range.match(/^[\^~]?(\d+\.\d+\.\d+(?:-[\w.]+)?)$/)?.[1];
}

/**
 * Resolutions pinning every @backstage package to the release: the locked versions, and the lower bound of each
 * stock dependency's range for packages the lock does not have.
 */
export function releasePins(
  lock: string,
  stockDependencies: Record<string, string>[],
): Record<string, string> {
  const pins = new Map(lockedBackstageVersions(lock));
  for (const deps of stockDependencies) {
    for (const [name, range] of Object.entries(deps)) {
      const version = lowerBound(range);
      if (name.startsWith('@backstage/') && version && !pins.has(name)) {
        pins.set(name, version);
      }
    }
  }
  return Object.fromEntries([...pins].sort(([a], [b]) => a.localeCompare(b)));
}
