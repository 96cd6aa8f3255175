import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolvePackagePath } from '@backstage/backend-plugin-api';
import { join, relative } from 'node:path';

/** The variable that points at the estates folder when it is not `../shared/fixtures/estates` beside the checkout. */
export const ESTATES_DIR_VARIABLE = 'GITOPS_ESTATES_DIR';

/**
 * The folder holding the estates: `$GITOPS_ESTATES_DIR`, else `../shared/fixtures/estates` next to the repository
 * (where the project's machines keep them). A fresh clone elsewhere may have none: see `estateDir`.
 */
export function estatesDir(): string {
  return (
    process.env[ESTATES_DIR_VARIABLE] ??
    resolvePackagePath(
      '@internal/estate-fixtures',
      '../../../shared/fixtures/estates',
    )
  );
}

/** One estate's folder, or undefined when this machine does not have it. */
export function estateDir(estate: string): string | undefined {
  const dir = join(estatesDir(), estate);
  return existsSync(dir) ? dir : undefined;
}

/** Why an estate is missing, naming the folder and the variable that would point elsewhere. */
export function missingEstateReason(estate: string): string {
  return `no estate ${estate} at ${estatesDir()}; set ${ESTATES_DIR_VARIABLE} to the folder holding it`;
}

/** One file of an estate as text; throws naming the estate's folder when it is missing. */
export function estateFile(estate: string, path: string): string {
  const dir = estateDir(estate);
  if (!dir) throw new Error(missingEstateReason(estate));
  return readFileSync(join(dir, path), 'utf8');
}

/** Every file under one folder of an estate, by its path in the estate (e.g. `apps/staging/kustomization.yaml`). */
export function estateFiles(
  estate: string,
  folder: string,
): Record<string, string> {
  const dir = estateDir(estate);
  if (!dir) throw new Error(missingEstateReason(estate));
  const files: Record<string, string> = {};
  for (const entry of readdirSync(join(dir, folder), {
    recursive: true,
    withFileTypes: true,
  })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files[relative(dir, path)] = readFileSync(path, 'utf8');
  }
  return files;
}
