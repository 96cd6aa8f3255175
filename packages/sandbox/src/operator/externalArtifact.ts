/*
 * source-watcher's part of the test double: the ExternalArtifact a Flux Kustomization reads, built as an
 * ArtifactGenerator would build it, by copying the config repo's files per the generator's `copy` rules into a
 * folder the Kustomization's `spec.path` is then rendered in. Reads the generator from the cluster, as Flux does.
 */
import { cpSync, existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';
import type { EmulatedCluster } from '@internal/kube-emulator';

type Obj = Record<string, any>;

export const FLUX_SOURCE_API = 'source.toolkit.fluxcd.io/v1';
export const ARTIFACT_GENERATOR_API = 'source.extensions.fluxcd.io/v1beta1';

/** The built artifact, and the repo paths it was copied from (a commit touching none leaves it unchanged). */
export type BuiltArtifact =
  | { dir: string; inputs: string[] }
  | { error: string };

const ARTIFACT = '@artifact/';

/** Repo paths only: no absolute path, no `..` out of the checkout. */
const safe = (path: string) => {
  const clean = posix.normalize(path);
  return clean.startsWith('..') || clean.startsWith('/') ? undefined : clean;
};

/** One `copy` rule: `@<alias>/<folder>/**` (the folder's files, recursively) or `@<alias>/<file>`. */
function copyRule(
  rule: Obj,
  checkoutDir: string,
  outDir: string,
): { input: string } | { error: string } {
  const from = /^@[^/]+\/(.+)$/.exec(String(rule.from ?? ''))?.[1];
  const to = String(rule.to ?? '');
  if (!from || !to.startsWith(ARTIFACT)) {
    return { error: `cannot read copy rule ${rule.from} -> ${rule.to}` };
  }
  const target = safe(to.slice(ARTIFACT.length) || '.');
  const folder = from.endsWith('/**') ? safe(from.slice(0, -3)) : undefined;
  if (folder !== undefined && target !== undefined) {
    const source = join(checkoutDir, folder);
    if (existsSync(source))
      cpSync(source, join(outDir, target), { recursive: true });
    return { input: folder };
  }
  const file = /[*?[{]/.test(from) ? undefined : safe(from);
  if (file === undefined || target === undefined) {
    return {
      error: `the sandbox copies only <folder>/** and single files, not ${rule.from}`,
    };
  }
  const intoFolder = to.endsWith('/') || to === ARTIFACT;
  const dest = join(outDir, target, intoFolder ? basename(file) : '');
  const source = join(checkoutDir, file);
  if (existsSync(source) && statSync(source).isFile()) {
    mkdirSync(dirname(dest), { recursive: true });
    cpSync(source, dest);
  }
  return { input: file };
}

/**
 * Builds the ExternalArtifact `kustomization` reads into `outDir` from the checkout, when the ArtifactGenerator
 * writing it reads the config repo (a GitRepository of `gitUrl`); an error naming the missing link otherwise.
 */
export function buildExternalArtifact(
  cluster: EmulatedCluster,
  kustomization: Obj,
  checkoutDir: string,
  outDir: string,
  gitUrl: string,
): BuiltArtifact {
  const namespace = kustomization.metadata?.namespace;
  const ref = kustomization.spec?.sourceRef ?? {};
  const artifact = cluster.get(
    FLUX_SOURCE_API,
    'ExternalArtifact',
    ref.name,
    ref.namespace ?? namespace,
  ) as Obj | undefined;
  if (!artifact) return { error: `ExternalArtifact ${ref.name} not found` };
  const generatorRef = artifact.spec?.sourceRef ?? {};
  const generatorNamespace =
    generatorRef.namespace ?? artifact.metadata.namespace;
  const generator = cluster.get(
    ARTIFACT_GENERATOR_API,
    'ArtifactGenerator',
    generatorRef.name,
    generatorNamespace,
  ) as Obj | undefined;
  const spec = generator?.spec?.artifacts?.find(
    (a: Obj) => a?.name === artifact.metadata.name,
  );
  if (!spec)
    return { error: `no ArtifactGenerator writes ${artifact.metadata.name}` };
  const configRepo = (alias: string) => {
    const source = generator!.spec.sources?.find(
      (s: Obj) => s?.alias === alias,
    );
    if (source?.kind !== 'GitRepository') return false;
    const repository = cluster.get(
      FLUX_SOURCE_API,
      'GitRepository',
      source.name,
      source.namespace ?? generatorNamespace,
    ) as Obj | undefined;
    return repository?.spec?.url === gitUrl;
  };
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const inputs: string[] = [];
  for (const rule of spec.copy ?? []) {
    const alias = /^@([^/]+)\//.exec(String(rule?.from ?? ''))?.[1];
    if (!alias || !configRepo(alias)) {
      return { error: `${rule?.from} is not read from the config repo` };
    }
    const copied = copyRule(rule, checkoutDir, outDir);
    if ('error' in copied) return copied;
    inputs.push(copied.input);
  }
  return { dir: outDir, inputs };
}
