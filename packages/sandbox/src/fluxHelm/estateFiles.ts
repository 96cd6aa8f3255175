import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { estateDir, missingEstateReason } from '@internal/estate-fixtures';

/** The public Flux example the flux-helm profile seeds its config repo from, read at run time (never copied). */
export const FLUX_HELM_ESTATE = 'flux2-kustomize-helm-example';

/** The estate's folder; throws naming where it was looked for when this machine does not have it. */
export function fluxHelmEstateDir(): string {
  const dir = estateDir(FLUX_HELM_ESTATE);
  if (!dir) throw new Error(missingEstateReason(FLUX_HELM_ESTATE));
  return dir;
}

/** Every file of a folder (its `.git` aside) by repo-relative path, as the config repo's first commit holds them. */
export function folderFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.name === '.git') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) {
        files[relative(dir, path).split(sep).join('/')] = readFileSync(
          path,
          'utf8',
        );
      }
    }
  };
  visit(dir);
  return files;
}
