import type {
  ObjectStatus,
  Source,
  SyncedSource,
} from '@gitops-portal/plugin-gitops-common';
import type { LiveLocation } from '@gitops-portal/plugin-gitops-node';
import {
  ArtifactLookup,
  externalArtifactLocations,
} from './externalArtifactLocations';
import { repoFolderOf, repoPathOf } from './sourcePaths';

/** The places of the config repo one live object names, or why it names none. */
export interface ObjectLocations {
  locations: LiveLocation[];
  /** Set when the object names no place of the config repo: why, for the message when nothing is found. */
  none?: string;
}

/** Why a repository the live objects name is not read: the portal reads and writes config repos through these. */
export const NO_INTEGRATION = 'which matches no integrations.github host';

/** What the finder needs besides the record: the config repo test, and a Flux source's URL and ref. */
export interface LocationContext extends ArtifactLookup {
  /** The Flux source (GitRepository: `repoURL`, `targetRevision`) a Kustomization or HelmRelease reads, if cached. */
  fluxSource(record: ObjectStatus): Promise<Source | undefined>;
  /** The Flux Kustomization that applied an object (its `kustomize.toolkit.fluxcd.io` labels), if cached. */
  fluxApplier?(record: ObjectStatus): Promise<ObjectStatus | undefined>;
}

export const objectName = (record: ObjectStatus) =>
  `${record.kind} ${record.namespace ? `${record.namespace}/` : ''}${
    record.name
  }`;

/** `spec.source` of a single-source Application, `spec.sources[i]` of a multi-source one. */
function argoSources(record: ObjectStatus) {
  if (record.sources?.length) {
    return record.sources.map((source, i) => ({
      source,
      field: `spec.sources[${i}]`,
    }));
  }
  return record.source
    ? [{ source: record.source as SyncedSource, field: 'spec.source' }]
    : [];
}

/**
 * An Argo CD Application's places in config repos: each config-repo source's values files (relative to its path)
 * or else its path (a folder; not for a chart whose values all come from a ref source), and the `$<ref>/…` values
 * files of any source whose ref source is a config repo. Sources in other repos (a remote chart) name nothing.
 */
function applicationLocations(
  record: ObjectStatus,
  context: LocationContext,
): ObjectLocations {
  const name = objectName(record);
  const sources = argoSources(record);
  const refs = new Map(
    sources
      .filter(
        ({ source }) =>
          source.ref && source.repoURL && context.isConfigRepo(source.repoURL),
      )
      .map(({ source }) => [source.ref!, source]),
  );
  const locations: LiveLocation[] = [];
  const add = (path: string | undefined, field: string, from: Source) => {
    if (path) {
      locations.push({
        path,
        repoUrl: from.repoURL,
        revision: from.targetRevision,
        origin: `${name} ${field}`,
      });
    }
  };
  for (const { source, field } of sources) {
    const inConfigRepo =
      source.repoURL !== undefined && context.isConfigRepo(source.repoURL);
    const own = (source.valueFiles ?? []).filter(f => !f.startsWith('$'));
    for (const file of source.valueFiles ?? []) {
      const ref = /^\$([^/]+)\/(.+)$/.exec(file);
      if (ref && refs.has(ref[1])) {
        add(repoPathOf(ref[2]), `${field}.helm.valueFiles`, refs.get(ref[1])!);
      }
    }
    // A chart whose values all come from a ref source (`$values/…`) is shared by the environments: their places
    // are those values files, not the chart's folder (in any repository: a chart repo on github.com is on an
    // integrations.github host too).
    const refValuesOnly =
      own.length === 0 && (source.valueFiles ?? []).length > 0;
    if (!inConfigRepo || source.path === undefined || refValuesOnly) continue;
    if (own.length > 0) {
      for (const file of own) {
        add(repoPathOf(file, source.path), `${field}.helm.valueFiles`, source);
      }
    } else add(repoFolderOf(source.path), `${field}.path`, source);
  }
  const repos = [
    ...new Set(
      sources.flatMap(s => (s.source.repoURL ? [s.source.repoURL] : [])),
    ),
  ].map(url => (context.isConfigRepo(url) ? url : `${url}, ${NO_INTEGRATION}`));
  return locations.length > 0
    ? { locations }
    : {
        locations,
        none: `its sources name no folder or values file of a config repo (${
          repos.join('; ') || 'no repoURL'
        })`,
      };
}

/**
 * A Flux Kustomization's `spec.path` or a HelmRelease's `chart.spec.valuesFiles`, when the GitRepository they read
 * is the config repo.
 */
async function fluxLocations(
  record: ObjectStatus,
  context: LocationContext,
): Promise<ObjectLocations> {
  const name = objectName(record);
  const source = record.source;
  if (
    record.kind === 'Kustomization' &&
    source?.sourceRef?.kind === 'ExternalArtifact'
  ) {
    return externalArtifactLocations(record, name, context);
  }
  const fields =
    record.kind === 'Kustomization'
      ? [
          {
            path: source?.path && repoFolderOf(source.path),
            field: 'spec.path',
          },
        ]
      : (source?.valueFiles ?? []).map(file => ({
          path: repoPathOf(file),
          field: 'spec.chart.spec.valuesFiles',
        }));
  const named = fields.filter(f => f.path !== undefined);
  if (named.length === 0) {
    return {
      locations: [],
      none:
        record.kind === 'Kustomization'
          ? 'its spec.path names no folder below the repository root'
          : 'it has no values files in a Git source',
    };
  }
  const gitSource = await context.fluxSource(record);
  const url = gitSource?.repoURL;
  if (url === undefined || !context.isConfigRepo(url)) {
    const ref = source?.sourceRef;
    return {
      locations: [],
      none: `its source ${ref?.kind ?? 'GitRepository'} ${
        ref?.name ?? '?'
      } is ${url ? `${url}, ${NO_INTEGRATION}` : 'not cached'}`,
    };
  }
  return {
    locations: named.map(f => ({
      path: f.path!,
      repoUrl: url,
      revision: gitSource?.targetRevision,
      origin: `${name} ${f.field}`,
    })),
  };
}

/** The places of the config repo one live object names; undefined for an object that deploys nothing. */
export async function objectLocations(
  record: ObjectStatus,
  context: LocationContext,
): Promise<ObjectLocations | undefined> {
  if (record.engine === 'argocd' && record.kind === 'Application') {
    return applicationLocations(record, context);
  }
  if (record.engine === 'flux' && record.kind === 'Kustomization') {
    return fluxLocations(record, context);
  }
  if (record.engine === 'flux' && record.kind === 'HelmRelease') {
    const own = await fluxLocations(record, context);
    return own.locations.length > 0
      ? own
      : applierLocations(record, own, context);
  }
  return undefined;
}

/**
 * A HelmRelease naming no file of the config repo (a chart from a Helm repository, values inline): the files of the
 * Kustomization that applied it, where its `spec.chart.spec.version` and values are written (or patched).
 */
async function applierLocations(
  record: ObjectStatus,
  own: ObjectLocations,
  context: LocationContext,
): Promise<ObjectLocations> {
  const applier = await context.fluxApplier?.(record);
  if (!applier || applier.kind !== 'Kustomization') return own;
  const found = await fluxLocations(applier, context);
  const applies = `, which applies ${objectName(record)}`;
  return found.locations.length > 0
    ? {
        locations: found.locations.map(l => ({
          ...l,
          origin: `${l.origin}${applies}`,
        })),
      }
    : {
        locations: [],
        none: `${own.none}; ${objectName(applier)}${applies}: ${found.none}`,
      };
}
