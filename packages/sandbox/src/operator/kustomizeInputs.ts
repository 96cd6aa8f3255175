import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, normalize, posix } from 'node:path';
import { parse } from 'yaml';

const KUSTOMIZATION_FILES = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

/** Entries of a kustomization that name local files or directories it reads. */
function referencedPaths(kustomization: Record<string, any>): string[] {
  const list = (value: unknown) =>
    Array.isArray(value) ? value.filter(v => typeof v === 'string') : [];
  const patchPaths = (
    Array.isArray(kustomization.patches) ? kustomization.patches : []
  )
    .map((p: any) => p?.path)
    .filter((p: unknown) => typeof p === 'string');
  return [
    ...list(kustomization.resources),
    ...list(kustomization.bases),
    ...list(kustomization.components),
    ...list(kustomization.patchesStrategicMerge),
    ...patchPaths,
  ].filter(p => !/^[a-z]+:\/\//i.test(p) && !p.startsWith('git@'));
}

/**
 * The repo-relative folders and files a kustomization reads, itself included, following local `resources`,
 * `components`, `bases` and patch files. A commit touching none of them leaves its rendered manifests unchanged,
 * which is how the operator decides which deliveries a commit affects.
 */
export function kustomizeInputs(checkoutDir: string, path: string): string[] {
  const seen = new Set<string>();
  const visit = (dir: string) => {
    const clean = posix.normalize(dir).replace(/\/$/, '');
    if (clean.startsWith('..') || seen.has(clean)) return;
    seen.add(clean);
    const file = KUSTOMIZATION_FILES.map(f => join(checkoutDir, clean, f)).find(
      f => existsSync(f),
    );
    if (!file) return;
    let kustomization: Record<string, any>;
    try {
      kustomization = parse(readFileSync(file, 'utf8')) ?? {};
    } catch {
      return; // a broken file is still an input; rendering reports the error
    }
    for (const ref of referencedPaths(kustomization)) {
      const target = posix.join(clean, ref);
      const onDisk = join(checkoutDir, normalize(target));
      if (existsSync(onDisk) && statSync(onDisk).isDirectory()) visit(target);
      else if (!target.startsWith('..')) seen.add(target);
    }
  };
  visit(path.replace(/^\.\//, ''));
  return [...seen];
}

/** Whether any changed file is one of the inputs or inside one of them. */
export function touchesInputs(inputs: string[], changedFiles: string[]) {
  return changedFiles.some(file =>
    inputs.some(
      input =>
        input === '.' || // the repository root
        file === input ||
        file.startsWith(`${input}/`),
    ),
  );
}
