import { Config } from '@backstage/config';
import { InputError, stringifyError } from '@backstage/errors';
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
import { explicitRevision } from '../../lib/revision';
import { StatusStore } from '../StatusStore';
import {
  LocationContext,
  NO_INTEGRATION,
  objectLocations,
  objectName,
} from './objectLocations';
import { readPathTemplates } from './readPathTemplate';
import { generatedFiles, ObjectReader } from './applicationSetLocations';

/** Where a change to one environment of a service edits the config repo, as far as the portal can tell. */
export interface ConfigRepoLayout {
  /** `gitops.configRepo.pathTemplate`, for where no live object says (validated at start-up). */
  templates: PromotionLayout[];
  /**
   * What the live objects mapped to the entity in the environment (Argo CD Applications, Flux Kustomizations and
   * HelmReleases) say of its files, and the one config repo they are in (`repoUrl`): any repository on a host of
   * `integrations.github`. Throws InputError naming both when they name places in two repositories. `objects`:
   * the entity's objects when the caller has read them already (else read from the status store).
   * `followApplicationSets: false` takes each Application as it is, without reading it and its ApplicationSet from
   * the cluster: for page views, which need the repo and folders, not the generator's config file.
   */
  liveFiles(
    entityRef: string,
    environment: string,
    objects?: ObjectStatus[],
    options?: { followApplicationSets?: boolean },
  ): Promise<LiveFiles>;
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
  const revisionOf = (l: LiveLocation) => explicitRevision(l.revision);
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
  /**
   * Reads an object from its cluster, to follow an Application to the ApplicationSet that generated it (its git
   * files generator's config file pins the version); absent: Applications are read as they are.
   */
  readObject?: ObjectReader;
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
  /** An Application's ApplicationSet's files when it says them, else the object's own. */
  async function locationsOf(
    record: ObjectStatus,
    entityRef: string,
    environment: string,
    followApplicationSets: boolean,
  ) {
    const cannotTell = (why: string) =>
      new InputError(
        `Cannot tell which files of ${entityRef} to edit in ${environment}: ${objectName(
          record,
        )} (cluster ${record.cluster}) ${why}`,
      );
    // A cluster that cannot be read leaves it unknown whether an ApplicationSet generated the Application.
    const read = followApplicationSets ? options.readObject : undefined;
    const generated =
      read &&
      (await generatedFiles(record, read).catch(error => {
        throw cannotTell(
          `could not be read to see whether an ApplicationSet generated it: ${stringifyError(
            error,
          )}`,
        );
      }));
    if (generated?.refusal) {
      throw cannotTell(
        `is generated by ${generated.set}, and ${generated.refusal}`,
      );
    }
    const outside = generated?.locations?.find(
      l => !l.repoUrl || !context.isConfigRepo(l.repoUrl),
    );
    if (generated && outside) {
      throw cannotTell(
        `is generated by ${generated.set}, whose files generator reads ${
          outside.repoUrl ?? 'no repoURL'
        }, ${NO_INTEGRATION}`,
      );
    }
    if (generated?.locations) return { locations: generated.locations };
    return objectLocations(record, context);
  }

  return {
    templates,
    async liveFiles(
      entityRef,
      environment,
      known,
      { followApplicationSets = true } = {},
    ) {
      const objects =
        known ?? (await statusStore.entityObjects(entityRef)).objects;
      const result: LiveFiles = { locations: [], lookedAt: [] };
      for (const record of objects) {
        if (record.environment !== environment) continue;
        const found = await locationsOf(
          record,
          entityRef,
          environment,
          followApplicationSets,
        );
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
