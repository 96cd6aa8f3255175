import { posix } from 'node:path';
import { kustomizeInputs } from './kustomizeInputs';
import type { DeliveryKind } from './clusterTree';

type Obj = Record<string, any>;

/** Where a delivery reads the config repo: the folder `kubectl kustomize` renders, or a Helm chart's files. */
export interface DeliverySource {
  /** The folder rendered with kustomize (Argo CD Kustomize sources, Flux Kustomizations). */
  kustomizePath?: string;
  /** Repo-relative files and folders a Helm source reads (its chart folder and value files). */
  helmInputs?: string[];
}

const clean = (path: string) =>
  posix.normalize(path).replace(/^\.\/?|\/$/g, '');

/** Value files of an Argo CD Helm source, repo-relative: `$values/<path>` or relative to the chart folder. */
function helmValueFiles(source: Obj): string[] {
  const files: unknown[] = source.helm?.valueFiles ?? [];
  return files.flatMap(file => {
    if (typeof file !== 'string') return [];
    if (file.startsWith('$values/'))
      return [clean(file.slice('$values/'.length))];
    return source.path ? [clean(posix.join(source.path, file))] : [];
  });
}

/** The config-repo source of an Application, Kustomization or claim (claims read none). */
export function deliverySource(
  object: Obj,
  type: DeliveryKind,
): DeliverySource {
  if (type === 'flux')
    return { kustomizePath: clean(String(object.spec?.path ?? '.')) };
  if (type !== 'argocd') return {};
  const sources: Obj[] =
    object.spec?.sources ?? (object.spec?.source ? [object.spec.source] : []);
  const helm = sources.filter(s => s.chart || s.helm);
  if (helm.length === 0) {
    const path = sources.find(s => typeof s.path === 'string')?.path;
    return path === undefined ? {} : { kustomizePath: clean(path) };
  }
  return {
    helmInputs: helm.flatMap(s => [
      ...(typeof s.path === 'string' ? [clean(s.path)] : []),
      ...helmValueFiles(s),
    ]),
  };
}

/** Every repo path a delivery's rendered manifests depend on. */
export function sourceInputs(
  checkoutDir: string,
  source: DeliverySource,
): string[] {
  return [
    ...(source.kustomizePath === undefined
      ? []
      : kustomizeInputs(checkoutDir, source.kustomizePath)),
    ...(source.helmInputs ?? []),
  ];
}
