import { NotFoundError } from '@backstage/errors';
import { ClusterConfig } from '../../clusters';
import { createKubeClient, KubeClient, KubeRequestError } from '../KubeClient';
import { Manifest, ResourceId } from './types';

/** How a kind is served: its resource name (plural), version and scope. */
interface ServedKind {
  plural: string;
  version: string;
  namespaced: boolean;
}

/** Reads single objects of one cluster by group/kind/name; discovery answers are kept for the reader's life. */
export interface ClusterReader {
  /** The object, or undefined when the cluster has no such object (404) or does not serve the kind. */
  read(id: ResourceId): Promise<Manifest | undefined>;
  /** Whether the kind is namespaced; undefined when the cluster does not serve it. */
  namespaced(id: ResourceId): Promise<boolean | undefined>;
}

const isMissing = (error: unknown) =>
  error instanceof KubeRequestError && error.status === 404;

/** The preferred version of a group (discovery `/apis/<group>`). */
async function preferredVersion(
  client: KubeClient,
  group: string,
): Promise<string | undefined> {
  if (group === '') return 'v1';
  try {
    const answer = await client.getJson(`/apis/${group}`);
    const preferred = answer.preferredVersion as { version?: string };
    return preferred?.version;
  } catch (error) {
    if (isMissing(error)) return undefined;
    throw error;
  }
}

export function createClusterReader(cluster: ClusterConfig): ClusterReader {
  const client = createKubeClient(cluster.kubeConfig);
  const lists = new Map<string, Promise<Manifest[]>>();

  /** One discovery list per group version, read once. */
  function resourcesOf(group: string, version: string) {
    const path = group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
    let list = lists.get(path);
    if (!list) {
      list = client.getJson(path).then(
        answer => (answer.resources as Manifest[]) ?? [],
        error => {
          if (isMissing(error)) return [];
          throw error;
        },
      );
      lists.set(path, list);
    }
    return list;
  }

  async function served(id: ResourceId): Promise<ServedKind | undefined> {
    const version = id.version || (await preferredVersion(client, id.group));
    if (!version) return undefined;
    const resource = (await resourcesOf(id.group, version)).find(
      r => r.kind === id.kind && !String(r.name).includes('/'),
    );
    if (!resource) return undefined;
    return {
      plural: resource.name,
      version,
      namespaced: !!resource.namespaced,
    };
  }

  return {
    async namespaced(id) {
      return (await served(id))?.namespaced;
    },
    async read(id) {
      const kind = await served(id);
      if (!kind) return undefined;
      if (kind.namespaced && !id.namespace) {
        throw new NotFoundError(
          `${id.kind} ${id.name} is namespaced but has no namespace`,
        );
      }
      const base =
        id.group === ''
          ? `/api/${kind.version}`
          : `/apis/${id.group}/${kind.version}`;
      const scope = kind.namespaced
        ? `/namespaces/${encodeURIComponent(id.namespace!)}`
        : '';
      try {
        return await client.getJson(
          `${base}${scope}/${kind.plural}/${encodeURIComponent(id.name)}`,
        );
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
  };
}

/**
 * Reads single objects of the configured clusters by cluster name, one reader (and its discovery answers) per
 * cluster configuration; undefined for a cluster not configured now.
 */
export function objectReader(clusters: () => ClusterConfig[]) {
  const readers = new WeakMap<ClusterConfig, ClusterReader>();
  return async (cluster: string, id: ResourceId) => {
    const config = clusters().find(c => c.name === cluster);
    if (!config) return undefined;
    let reader = readers.get(config);
    if (!reader) {
      reader = createClusterReader(config);
      readers.set(config, reader);
    }
    return reader.read(id);
  };
}
