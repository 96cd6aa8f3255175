import {
  IgnoreDifference,
  ignoreDifferenceSchema,
} from '@gitops-portal/plugin-gitops-common';
import { ClusterReader } from './clusterReader';
import { systemIgnoreDifferences } from './systemIgnoreDifferences';
import { ManagerState, Manifest, ResourceId } from './types';

const ARGO_GROUP = 'argoproj.io';
const FLUX_KUSTOMIZE_GROUP = 'kustomize.toolkit.fluxcd.io';

/** `./apps/web` and `/apps/web` as repo paths: `apps/web`; the root is `.`. */
export function repoPathOf(path: unknown): string {
  const trimmed = String(path ?? '')
    .replace(/^(\.\/|\/)+/, '')
    .replace(/\/+$/, '');
  return trimmed === '' || trimmed === '.' ? '.' : trimmed;
}

/** Flux revisions read `main@sha1:<sha>` (v2) or `main/<sha>` (v1): the commit. */
export function fluxCommit(revision: unknown): string | undefined {
  if (typeof revision !== 'string' || !revision) return undefined;
  const match = /(?:@sha1:|\/)([0-9a-f]{40})$/.exec(revision);
  return match ? match[1] : revision;
}

/** Entries that are no valid ResourceIgnoreDifferences are reported, never silently dropped. */
function ignoreDifferencesOf(
  spec: Manifest | undefined,
  unsupported: string[],
): IgnoreDifference[] {
  const entries = Array.isArray(spec?.ignoreDifferences)
    ? spec!.ignoreDifferences
    : [];
  return entries.flatMap((entry: unknown, i: number) => {
    const parsed = ignoreDifferenceSchema.safeParse(entry);
    if (parsed.success) return [parsed.data];
    unsupported.push(
      `spec.ignoreDifferences[${i}] is not a valid entry and was not applied`,
    );
    return [];
  });
}

function argoState(app: Manifest, unsupported: string[]): ManagerState {
  const spec = app.spec ?? {};
  const resources: ResourceId[] = (app.status?.resources ?? []).map(
    (r: Manifest) => ({
      group: r.group ?? '',
      version: r.version,
      kind: r.kind,
      namespace: r.namespace || undefined,
      name: r.name,
    }),
  );
  const ignoreDifferences = ignoreDifferencesOf(spec, unsupported);
  const base = { resources, ignoreDifferences };
  if (Array.isArray(spec.sources) && spec.sources.length > 0) {
    return {
      ...base,
      reason:
        'multi-source Applications are not rendered: the desired state needs every source together',
    };
  }
  const source = spec.source;
  if (!source?.repoURL) {
    return { ...base, reason: 'the Application has no spec.source.repoURL' };
  }
  if (source.chart) {
    return {
      ...base,
      reason: `the Application deploys the chart ${source.chart} from a chart repository, which the portal does not fetch`,
    };
  }
  const revision: string | undefined =
    app.status?.sync?.revision || source.targetRevision || undefined;
  if (!revision || revision === 'HEAD') {
    return {
      ...base,
      reason: 'the Application reports no synced revision yet',
    };
  }
  return {
    ...base,
    source: {
      repoUrl: source.repoURL,
      path: repoPathOf(source.path),
      revision,
      defaultNamespace: spec.destination?.namespace || undefined,
      // Used when the path holds a Chart.yaml (Argo CD's own detection).
      helm: {
        releaseName: source.helm?.releaseName || app.metadata?.name,
        valueFiles: Array.isArray(source.helm?.valueFiles)
          ? source.helm.valueFiles
          : [],
      },
    },
  };
}

/** Flux inventory ids read `<namespace>_<name>_<group>_<kind>`. */
function inventoryResources(kustomization: Manifest): ResourceId[] {
  const entries = kustomization.status?.inventory?.entries ?? [];
  return entries.flatMap((entry: Manifest) => {
    const parts = String(entry.id ?? '').split('_');
    if (parts.length !== 4) return [];
    const [namespace, name, group, kind] = parts;
    return [
      {
        group,
        kind,
        name,
        version: entry.v,
        namespace: namespace || undefined,
      },
    ];
  });
}

async function fluxState(
  reader: ClusterReader,
  kustomization: Manifest,
): Promise<ManagerState> {
  const spec = kustomization.spec ?? {};
  const base = {
    resources: inventoryResources(kustomization),
    ignoreDifferences: [],
  };
  const sourceRef = spec.sourceRef ?? {};
  if (sourceRef.kind !== 'GitRepository') {
    return {
      ...base,
      reason: `the Kustomization reads a ${
        sourceRef.kind ?? 'missing'
      } source; only GitRepository sources are rendered`,
    };
  }
  const repository = await reader.read({
    group: 'source.toolkit.fluxcd.io',
    kind: 'GitRepository',
    namespace: sourceRef.namespace ?? kustomization.metadata?.namespace,
    name: sourceRef.name,
  });
  const revision = fluxCommit(
    kustomization.status?.lastAttemptedRevision ??
      kustomization.status?.lastAppliedRevision ??
      repository?.status?.artifact?.revision,
  );
  if (!repository?.spec?.url || !revision) {
    return {
      ...base,
      reason: `the GitRepository ${sourceRef.name} has no URL or revision to render`,
    };
  }
  return {
    ...base,
    source: {
      repoUrl: repository.spec.url,
      path: repoPathOf(spec.path),
      revision,
      forcedNamespace: spec.targetNamespace || undefined,
    },
  };
}

/** The manager's live object and what it says about its desired state; undefined when it is gone. */
export async function readManager(
  reader: ClusterReader,
  id: ResourceId,
  unsupported: string[],
  options: { argoCdNamespace: string },
): Promise<ManagerState | undefined> {
  const manager = await reader.read(id);
  if (!manager) return undefined;
  if (id.group === ARGO_GROUP) {
    const state = argoState(manager, unsupported);
    // Argo CD applies its system-level entries to every Application, before the Application's own.
    const system = await systemIgnoreDifferences(
      reader,
      options.argoCdNamespace,
      unsupported,
    );
    return {
      ...state,
      ignoreDifferences: [...system, ...state.ignoreDifferences],
    };
  }
  if (id.group === FLUX_KUSTOMIZE_GROUP) return fluxState(reader, manager);
  return undefined;
}
