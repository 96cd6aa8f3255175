import {
  LoggerService,
  RootConfigService,
} from '@backstage/backend-plugin-api';
import { NotFoundError, ServiceUnavailableError } from '@backstage/errors';
import {
  LiveDiffDesiredSource,
  LiveDiffResource,
  ObjectStatus,
} from '@gitops-portal/plugin-gitops-common';
import {
  ConfigRepoLocation,
  configRepoUrl,
  createConfigRepoReader,
  createGithubClient,
  mapLimit,
  readConfigRepoLocation,
  readValidationOptions,
} from '@gitops-portal/plugin-gitops-node';
import { ClusterConfig } from '../../clusters';
import { readCheckout } from './checkout';
import { ClusterReader, createClusterReader } from './clusterReader';
import { diffResource, resourceLabel } from './diffResource';
import { readManager } from './readManager';
import { renderCache } from './renderCache';
import { renderDesired } from './renderDesired';
import {
  DesiredSource,
  LiveDiffService,
  ManagerState,
  Manifest,
  ResourceId,
} from './types';
import { argoCdNamespaceOf } from '../../lib/argoCdConfigMap';
import { errorMessage } from '../../lib/errorMessage';

/** At most this many resources are compared per request (the rest are named in a note). */
const MAX_RESOURCES = 200;
/** Live reads in flight at once. */
const READ_CONCURRENCY = 8;
/** Renders kept (by repo, commit, path and Helm settings): a commit's render never changes. */
const RENDER_CACHE_SIZE = 50;

const ORDER: LiveDiffResource['status'][] = [
  'differs',
  'missing-live',
  'missing-desired',
  'error',
  'same',
];

/** A resource whose diff could not be made, saying why. */
function erroredResource(id: ResourceId, message: string): LiveDiffResource {
  return {
    group: id.group,
    kind: id.kind,
    ...(id.namespace ? { namespace: id.namespace } : {}),
    name: id.name,
    status: 'error',
    diff: '',
    message,
  };
}

/** `owner/repo` of a Git URL (https, ssh, scp-like), lower-cased; undefined when it names none. */
export function repoOf(url: string): string | undefined {
  const match = /([^/:]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url.trim());
  return match ? `${match[1]}/${match[2]}`.toLowerCase() : undefined;
}

const groupOf = (apiVersion: string) =>
  apiVersion.includes('/') ? apiVersion.split('/')[0] : '';

const keyOf = (id: ResourceId) =>
  `${id.group}/${id.kind}/${id.namespace ?? ''}/${id.name}`;

export function createLiveDiffService(options: {
  config: RootConfigService;
  logger: LoggerService;
  /** The configured clusters now (the ClusterSource). */
  clusters: () => ClusterConfig[];
}): LiveDiffService {
  const { config, logger } = options;
  const configRepo = readConfigRepoLocation(config);
  const renderers = readValidationOptions(config);
  // The namespace whose argocd-cm custom health is read is also where its diffing customisation lives.
  const argoCdNamespace = argoCdNamespaceOf(config.getOptionalConfig('gitops'));
  const cachedRender = renderCache<{
    objects: Manifest[];
    desired: LiveDiffDesiredSource;
  }>(RENDER_CACHE_SIZE);

  async function render(
    location: ConfigRepoLocation,
    source: DesiredSource,
  ): Promise<{ objects: Manifest[]; desired: LiveDiffDesiredSource }> {
    const octokit = await createGithubClient({
      config,
      repoUrl: configRepoUrl(location),
      logger,
    });
    const reader = createConfigRepoReader(octokit, location);
    const checkout = await readCheckout(reader, source);
    const objects = await renderDesired(checkout, source, renderers);
    return {
      objects,
      desired: {
        repo: `${location.owner}/${location.repo}`,
        path: source.path,
        revision: source.revision,
        renderer: checkout.renderer,
      },
    };
  }

  /** The desired objects, or a note saying why there are none. */
  async function desiredState(state: ManagerState, notes: string[]) {
    const { source } = state;
    if (!source) {
      notes.push(`The desired state was not rendered: ${state.reason}.`);
      return undefined;
    }
    if (!configRepo) {
      notes.push(
        'The desired state was not rendered: gitops.configRepo is not configured.',
      );
      return undefined;
    }
    const configured = `${configRepo.owner}/${configRepo.repo}`.toLowerCase();
    if (repoOf(source.repoUrl) !== configured) {
      notes.push(
        `The desired state was not rendered: the source ${source.repoUrl} is not the config repo ${configured}.`,
      );
      return undefined;
    }
    try {
      return await cachedRender(configRepo, source, () =>
        render(configRepo, source),
      );
    } catch (error) {
      notes.push(
        `Rendering ${source.path} at ${source.revision} failed: ${errorMessage(
          error,
        )}`,
      );
      return undefined;
    }
  }

  /** Desired objects by resource, with the namespace the engine would give them. */
  async function desiredById(
    reader: ClusterReader,
    objects: Manifest[],
    source: DesiredSource,
  ) {
    const byKey = new Map<string, { id: ResourceId; desired: Manifest }>();
    for (const object of objects) {
      if (!object?.kind || !object?.metadata?.name) continue;
      const [group, version] = String(object.apiVersion ?? '').includes('/')
        ? String(object.apiVersion).split('/')
        : ['', String(object.apiVersion ?? 'v1')];
      const probe = { group, version, kind: object.kind, name: '' };
      const namespaced = await reader.namespaced(probe).catch(() => undefined);
      const namespace =
        namespaced === false
          ? undefined
          : source.forcedNamespace ??
            object.metadata.namespace ??
            source.defaultNamespace;
      const desired = {
        ...object,
        metadata: {
          ...object.metadata,
          ...(namespace ? { namespace } : {}),
        },
      };
      const id = {
        group,
        version,
        kind: object.kind,
        namespace,
        name: object.metadata.name,
      };
      byKey.set(keyOf(id), { id, desired });
    }
    return byKey;
  }

  return {
    async diff(object: ObjectStatus) {
      const cluster = options
        .clusters()
        .find(candidate => candidate.name === object.cluster);
      if (!cluster) {
        throw new NotFoundError(`Cluster ${object.cluster} is not configured`);
      }
      const reader = createClusterReader(cluster);
      const unsupported: string[] = [];
      const notes: string[] = [];
      const managerId: ResourceId = {
        group: groupOf(object.apiVersion),
        kind: object.kind,
        namespace: object.namespace,
        name: object.name,
      };
      const state = await readManager(reader, managerId, unsupported, {
        argoCdNamespace,
      }).catch(error => {
        throw new ServiceUnavailableError(
          `Cluster ${object.cluster} could not be read: ${errorMessage(error)}`,
        );
      });
      if (!state) {
        throw new NotFoundError(
          `${resourceLabel(managerId)} is not in cluster ${object.cluster}`,
        );
      }
      const rendered = await desiredState(state, notes);
      const entries = rendered
        ? await desiredById(reader, rendered.objects, state.source!)
        : new Map<string, { id: ResourceId; desired?: Manifest }>();
      for (const id of state.resources) {
        const existing = entries.get(keyOf(id));
        if (!existing) entries.set(keyOf(id), { id });
        else if (!existing.id.version) existing.id.version = id.version;
      }
      let all = [...entries.values()];
      if (all.length > MAX_RESOURCES) {
        notes.push(
          `${all.length} resources: the first ${MAX_RESOURCES} are compared.`,
        );
        all = all.slice(0, MAX_RESOURCES);
      }
      // A pool rather than batches: one slow read holds up its own slot only.
      const resources: LiveDiffResource[] = await mapLimit(
        all,
        READ_CONCURRENCY,
        async ({ id, desired }) => {
          if (!rendered) {
            return erroredResource(
              id,
              'The desired state was not rendered (see the notes).',
            );
          }
          try {
            const live = await reader.read(id);
            const result = diffResource({
              id,
              desired,
              live,
              ignoreDifferences: state.ignoreDifferences,
            });
            unsupported.push(...result.unsupported);
            return result.resource;
          } catch (error) {
            return erroredResource(
              id,
              `Reading the live object failed: ${errorMessage(error)}`,
            );
          }
        },
      );
      resources.sort(
        (a, b) =>
          ORDER.indexOf(a.status) - ORDER.indexOf(b.status) ||
          resourceLabel(a).localeCompare(resourceLabel(b)),
      );
      return {
        key: object.key,
        readAt: new Date().toISOString(),
        ...(rendered ? { desired: rendered.desired } : {}),
        resources,
        unsupported: [...new Set(unsupported)],
        notes,
      };
    },
  };
}
