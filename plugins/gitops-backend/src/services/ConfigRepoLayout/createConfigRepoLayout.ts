import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import {
  FLUX_KUSTOMIZE_NAME_LABEL,
  FLUX_KUSTOMIZE_NAMESPACE_LABEL,
  objectKey,
  type ObjectStatus,
  type Source,
  WATCHED_KINDS,
} from '@gitops-portal/plugin-gitops-common';
import {
  githubIntegrationMatcher,
  LiveFiles,
  LiveLocation,
  PromotionLayout,
  githubRepoOf,
  sameRepo,
} from '@gitops-portal/plugin-gitops-node';
import { StatusStore } from '../StatusStore';
import {
  LocationContext,
  objectLocations,
  objectName,
} from './objectLocations';
import { readPathTemplates } from './readPathTemplate';

/** Where a change to one environment of a service edits the config repo, as far as the portal can tell. */
export interface ConfigRepoLayout {
  /** `gitops.configRepo.pathTemplate`, for where no live object says (validated at start-up). */
  templates: PromotionLayout[];
  /**
   * What the live objects mapped to the entity in the environment (Argo CD Applications, Flux Kustomizations and
   * HelmReleases) say of its files, and the one config repo they are in (`repoUrl`): any repository on a host of
   * `integrations.github`. Throws InputError naming both when they name places in two repositories.
   */
  liveFiles(entityRef: string, environment: string): Promise<LiveFiles>;
}

type OverviewReader = Pick<StatusStore, 'overviewObjects'>;

/** Finds a cached Flux object of one cluster by kind, namespace and name. */
type FluxFinder = (
  cluster: string,
  kind: string,
  namespace: string | undefined,
  name: string,
) => Promise<ObjectStatus | undefined>;

/**
 * Flux objects by their cache key (`objectOf`: the ObjectCache's `get`, no scan); an object that cache does not
 * hold (with sharded replicas, one of another replica's clusters) is searched for in the status store.
 */
function fluxFinder(
  statusStore: OverviewReader,
  objectOf: ((key: string) => ObjectStatus | undefined) | undefined,
): FluxFinder {
  return async (cluster, kind, namespace, name) => {
    const group = WATCHED_KINDS.find(
      k => k.engine === 'flux' && k.kind === kind,
    )?.group;
    const cached =
      group === undefined
        ? undefined
        : objectOf?.(
            objectKey({ cluster, apiGroup: group, kind, namespace, name }),
          );
    if (cached) return cached;
    const candidates = await statusStore.overviewObjects({
      cluster,
      engine: 'flux',
      q: name,
      limit: 1000,
      offset: 0,
    });
    return candidates.find(
      o => o.kind === kind && o.name === name && o.namespace === namespace,
    );
  };
}

/** The GitRepository a Flux Kustomization or HelmRelease reads (same cluster, its namespace by default). */
async function fluxSource(
  find: FluxFinder,
  record: ObjectStatus,
): Promise<Source | undefined> {
  const ref = record.source?.sourceRef;
  if (!ref || (ref.kind && ref.kind !== 'GitRepository')) return undefined;
  const source = await find(
    record.cluster,
    'GitRepository',
    ref.namespace ?? record.namespace,
    ref.name,
  );
  return source?.source;
}

/** The Kustomization whose name and namespace kustomize-controller wrote on an object it applied. */
async function fluxApplier(
  find: FluxFinder,
  labelsOf: (key: string) => Record<string, string> | undefined,
  record: ObjectStatus,
): Promise<ObjectStatus | undefined> {
  const labels = labelsOf(record.key);
  const name = labels?.[FLUX_KUSTOMIZE_NAME_LABEL];
  const namespace = labels?.[FLUX_KUSTOMIZE_NAMESPACE_LABEL];
  if (!name || !namespace) return undefined;
  return find(record.cluster, 'Kustomization', namespace, name);
}

/**
 * The one repository the places of an environment are in, and the revision they are deployed at; InputError
 * naming two of them and what names each when they are in more (a change edits one repository and branch: the
 * portal cannot tell which).
 */
function oneRepo(
  entityRef: string,
  environment: string,
  locations: LiveLocation[],
): Pick<LiveFiles, 'repoUrl' | 'revision'> {
  // No revision and `HEAD` both mean the repository's default branch.
  const revisionOf = (l: LiveLocation) =>
    l.revision === 'HEAD' ? '' : l.revision ?? '';
  const first = locations.find(l => l.repoUrl);
  if (!first) return {};
  const other = locations.find(
    l =>
      l.repoUrl &&
      (!sameRepo(l.repoUrl, first.repoUrl!) ||
        revisionOf(l) !== revisionOf(first)),
  );
  if (!other) return { repoUrl: first.repoUrl, revision: first.revision };
  const claim = (l: LiveLocation) =>
    `${l.repoUrl}${l.revision ? `@${l.revision}` : ''} (${l.origin})`;
  throw new InputError(
    `Two config repos claim ${entityRef} in ${environment}: ${claim(
      first,
    )} and ${claim(other)}; the portal cannot tell which to edit`,
  );
}

/**
 * The config repo layout from the live objects the status store holds (Argo CD Application sources, Flux
 * Kustomization paths and HelmRelease values files whose repo is on a host of `integrations.github`), and the
 * configured path template. Reads config at creation: an invalid template throws then.
 */
export function createConfigRepoLayout(options: {
  config: Config;
  statusStore: Pick<StatusStore, 'entityObjects' | 'overviewObjects'>;
  /**
   * The labels a cached object was stored with (the ObjectCache's), to follow a HelmRelease to the Kustomization
   * that applied it. With sharded replicas, only the objects of this replica's clusters have them.
   */
  labelsOf?: (key: string) => Record<string, string> | undefined;
  /** A cached object by its key (the ObjectCache's `get`), to find Flux sources without a search. */
  objectOf?: (key: string) => ObjectStatus | undefined;
}): ConfigRepoLayout {
  const { config, statusStore, labelsOf } = options;
  const find = fluxFinder(statusStore, options.objectOf);
  const templates = readPathTemplates(config);
  const hasIntegration = githubIntegrationMatcher(config);
  const context: LocationContext = {
    isConfigRepo: url => {
      const repo = githubRepoOf(url);
      return !!repo && hasIntegration(repo.url);
    },
    fluxSource: record => fluxSource(find, record),
    fluxObject: find,
    fluxApplier: labelsOf
      ? record => fluxApplier(find, labelsOf, record)
      : undefined,
  };
  return {
    templates,
    async liveFiles(entityRef, environment) {
      const { objects } = await statusStore.entityObjects(entityRef);
      const result: LiveFiles = { locations: [], lookedAt: [] };
      for (const record of objects) {
        if (record.environment !== environment) continue;
        const found = await objectLocations(record, context);
        if (!found) continue;
        const where = `${objectName(record)} (cluster ${record.cluster})`;
        result.locations.push(
          ...found.locations.map(l => ({
            ...l,
            origin: `${l.origin} (cluster ${record.cluster})`,
          })),
        );
        result.lookedAt.push(found.none ? `${where}: ${found.none}` : where);
      }
      if (result.lookedAt.length === 0) {
        result.lookedAt.push(
          `no Argo CD Application, Flux Kustomization or HelmRelease of ${entityRef} in ${environment}`,
        );
      }
      return {
        ...result,
        ...oneRepo(entityRef, environment, result.locations),
      };
    },
  };
}
