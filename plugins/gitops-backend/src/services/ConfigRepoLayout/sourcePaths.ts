import { repoPathSchema } from '@gitops-portal/plugin-gitops-common';
import { posix } from 'node:path';

/**
 * A path an engine names in a repo (`./apps/web/staging`, `apps/web/`, `../values/prod.yaml` relative to `base`)
 * as a path of the repo's root; undefined for the root itself or a path that leaves the repo.
 */
export function repoPathOf(path: string, base = ''): string | undefined {
  const joined = posix.normalize(posix.join(base, path)).replace(/\/+$/, '');
  if (joined === '.' || joined === '') return undefined;
  return repoPathSchema.safeParse(joined).success ? joined : undefined;
}

/** The same for a folder: with its trailing `/`, as the promotion's file finder takes folders. */
export function repoFolderOf(path: string): string | undefined {
  const folder = repoPathOf(path);
  return folder === undefined ? undefined : `${folder}/`;
}
