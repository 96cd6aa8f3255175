import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Test helper: real public estates live outside the repo (../shared/fixtures/estates) and are read at test
 * time, never copied in. `GITOPS_ESTATES_DIR` points elsewhere.
 */
export const ESTATES_DIR =
  process.env.GITOPS_ESTATES_DIR ??
  join(__dirname, '../../../../../../../shared/fixtures/estates');

/** One file of an estate, as text. */
export function estateFile(estate: string, path: string): string {
  return readFileSync(join(ESTATES_DIR, estate, path), 'utf8');
}

/** The flux2-kustomize-helm-example estate (HelmReleases with per-environment values patches). */
export const fluxHelm = (path: string) =>
  estateFile('flux2-kustomize-helm-example', path);
