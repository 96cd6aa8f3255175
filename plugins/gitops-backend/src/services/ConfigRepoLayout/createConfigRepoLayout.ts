import { Config } from '@backstage/config';
import {
  FLUX_KUSTOMIZE_NAME_LABEL,
  FLUX_KUSTOMIZE_NAMESPACE_LABEL,
  type ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import {
  configRepoUrl,
  LiveFiles,
  PromotionLayout,
  readConfigRepoLocation,
} from '@gitops-portal/plugin-gitops-node';
import { sameRepo } from '../Deliveries/repoUrl';
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
   * HelmReleases) say of its files in the config repo.
   */
  liveFiles(entityRef: string, environment: string): Promise<LiveFiles>;
}

type OverviewReader = Pick<StatusStore, 'overviewObjects'>;

/** A cached Flux object of one cluster by kind, namespace and name. */
async function findFluxObject(
  statusStore: OverviewReader,
  cluster: string,
  kind: string,
  namespace: string | undefined,
  name: string,
): Promise<ObjectStatus | undefined> {
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
}

/** The GitRepository a Flux Kustomization or HelmRelease reads (same cluster, its namespace by default). */
async function fluxSourceUrl(
  statusStore: OverviewReader,
  record: ObjectStatus,
): Promise<string | undefined> {
  const ref = record.source?.sourceRef;
  if (!ref || (ref.kind && ref.kind !== 'GitRepository')) return undefined;
  const source = await findFluxObject(
    statusStore,
    record.cluster,
    'GitRepository',
    ref.namespace ?? record.namespace,
    ref.name,
  );
  return source?.source?.repoURL;
}

/** The Kustomization whose name and namespace kustomize-controller wrote on an object it applied. */
async function fluxApplier(
  statusStore: OverviewReader,
  labelsOf: (key: string) => Record<string, string> | undefined,
  record: ObjectStatus,
): Promise<ObjectStatus | undefined> {
  const labels = labelsOf(record.key);
  const name = labels?.[FLUX_KUSTOMIZE_NAME_LABEL];
  const namespace = labels?.[FLUX_KUSTOMIZE_NAMESPACE_LABEL];
  if (!name || !namespace) return undefined;
  return findFluxObject(
    statusStore,
    record.cluster,
    'Kustomization',
    namespace,
    name,
  );
}

/**
 * The config repo layout from the live objects the status store holds (Argo CD Application sources, Flux
 * Kustomization paths and HelmRelease values files whose repo is the config repo), and the configured path
 * template. Reads config at creation: an invalid template throws then.
 */
export function createConfigRepoLayout(options: {
  config: Config;
  statusStore: Pick<StatusStore, 'entityObjects' | 'overviewObjects'>;
  /**
   * The labels a cached object was stored with (the ObjectCache's), to follow a HelmRelease to the Kustomization
   * that applied it. With sharded replicas, only the objects of this replica's clusters have them.
   */
  labelsOf?: (key: string) => Record<string, string> | undefined;
}): ConfigRepoLayout {
  const { config, statusStore, labelsOf } = options;
  const templates = readPathTemplates(config);
  const location = readConfigRepoLocation(config);
  const context: LocationContext = {
    isConfigRepo: url =>
      location !== undefined && sameRepo(url, configRepoUrl(location)),
    fluxSourceUrl: record => fluxSourceUrl(statusStore, record),
    fluxObject: (cluster, kind, namespace, name) =>
      findFluxObject(statusStore, cluster, kind, namespace, name),
    fluxApplier: labelsOf
      ? record => fluxApplier(statusStore, labelsOf, record)
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
      return result;
    },
  };
}
