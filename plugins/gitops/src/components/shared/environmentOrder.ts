/** Where environments land when no cluster configuration orders them. */
const KNOWN_ORDER = [
  'dev',
  'development',
  'test',
  'qa',
  'staging',
  'stage',
  'preprod',
  'prod',
  'production',
];

/**
 * Orders environments dev → staging → prod: known names by that order, the
 * rest after them by `position` (e.g. cluster configuration order).
 */
export function orderEnvironments(
  environments: Iterable<string>,
  position: (environment: string) => number = () => 0,
): string[] {
  const rank = (environment: string): number => {
    const known = KNOWN_ORDER.indexOf(environment.toLocaleLowerCase('en-US'));
    return known >= 0 ? known : KNOWN_ORDER.length + position(environment);
  };
  return [...environments].sort((a, b) => rank(a) - rank(b));
}
