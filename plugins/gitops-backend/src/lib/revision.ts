/**
 * A revision as an Argo CD source or Flux GitRepository names it, or undefined when it means the repository's
 * default branch: none at all, or `HEAD`.
 */
export function explicitRevision(revision?: string): string | undefined {
  return !revision || revision === 'HEAD' ? undefined : revision;
}
