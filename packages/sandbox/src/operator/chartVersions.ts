/*
 * helm-controller's part of the test double: which chart version a HelmRelease's `spec.chart.spec.version` picks
 * from the versions a Helm repository serves. The sandbox serves a fixed list per chart (no network); the forms
 * read are the ones estates write: an exact version, `*` or none (the latest), and `>=` lower bounds. As in Helm's
 * semver constraints, a pre-release is picked only when the constraint names one.
 */

interface Parsed {
  core: [number, number, number];
  pre?: string;
}

const SEMVER =
  /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parse(version: string): Parsed | undefined {
  const match = SEMVER.exec(version.trim());
  if (!match) return undefined;
  return {
    core: [Number(match[1]), Number(match[2]), Number(match[3])],
    pre: match[4],
  };
}

/** Pre-release identifiers compared as semver says: numbers numerically and below words, fewer fields first. */
function comparePre(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1;
  if (b === undefined) return -1;
  const left = a.split('.');
  const right = b.split('.');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] === undefined) return -1;
    if (right[i] === undefined) return 1;
    const [x, y] = [left[i], right[i]];
    const [nx, ny] = [/^\d+$/.test(x), /^\d+$/.test(y)];
    if (nx && ny && Number(x) !== Number(y)) return Number(x) - Number(y);
    if (nx !== ny) return nx ? -1 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function compare(a: Parsed, b: Parsed): number {
  for (let i = 0; i < 3; i++) {
    if (a.core[i] !== b.core[i]) return a.core[i] - b.core[i];
  }
  return comparePre(a.pre, b.pre);
}

/**
 * The version `constraint` picks from `available` (the highest that satisfies it), or a reason none does, worded
 * like helm-controller's "no chart version found" failure.
 */
export function pickChartVersion(
  constraint: string | undefined,
  available: string[],
): { version: string } | { error: string } {
  const wanted = (constraint ?? '*').trim();
  const lower = /^>=\s*(.+)$/.exec(wanted);
  const bound = lower ? parse(lower[1]) : undefined;
  const exact = !lower && wanted !== '*' ? parse(wanted) : undefined;
  if (wanted !== '*' && !bound && !exact) {
    return { error: `invalid chart version constraint '${wanted}'` };
  }
  const allowPre = (bound ?? exact)?.pre !== undefined;
  const candidates = available
    .map(version => ({ version, parsed: parse(version) }))
    .filter((c): c is { version: string; parsed: Parsed } => !!c.parsed)
    .filter(({ parsed }) => {
      if (exact) return compare(parsed, exact) === 0;
      if (parsed.pre !== undefined && !allowPre) return false;
      return !bound || compare(parsed, bound) >= 0;
    })
    .sort((a, b) => compare(b.parsed, a.parsed));
  return candidates.length > 0
    ? { version: candidates[0].version }
    : { error: `no chart version found for ${wanted}` };
}
