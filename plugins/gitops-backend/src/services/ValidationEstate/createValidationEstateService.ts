import { LoggerService } from '@backstage/backend-plugin-api';
import type { ClusterEstate } from '@gitops-portal/plugin-gitops-node';
import { ClusterConfig, ClusterSource } from '../../clusters';
import { errorMessage } from '../../lib/errorMessage';
import { createKubeClient, KubeClient, KubeRequestError } from '../KubeClient';
import { ESTATE_LISTS, EstateList } from './estateKinds';
import { readParams } from './readParams';
import { ValidationEstateService } from './types';

type Manifest = Record<string, any>;

/** How long one read of a cluster's estate is reused: policies and CRDs change rarely, pull requests come in bursts. */
const CACHE_MS = 60_000;
const PAGE_SIZE = 500;

/** Every object of a kind (all pages); list items carry no apiVersion/kind, so they are set from the list. */
async function listAll(
  client: KubeClient,
  list: EstateList,
  query: Record<string, string> = {},
): Promise<Manifest[]> {
  const items: Manifest[] = [];
  let token: string | undefined;
  do {
    let page: Record<string, any>;
    try {
      page = await client.getJson(list.path, {
        ...query,
        limit: PAGE_SIZE,
        continue: token,
      });
    } catch (error) {
      if (error instanceof KubeRequestError && error.status === 404) return [];
      throw error;
    }
    for (const item of Array.isArray(page.items) ? page.items : []) {
      items.push({ apiVersion: list.apiVersion, kind: list.kind, ...item });
    }
    token = page.metadata?.continue || undefined;
  } while (token);
  return items;
}

async function readEstate(cluster: ClusterConfig): Promise<ClusterEstate> {
  const client = createKubeClient(cluster.kubeConfig);
  const [crds, policyObjects] = await Promise.all(
    [ESTATE_LISTS.crds, ESTATE_LISTS.policyObjects].map(async lists =>
      (await Promise.all(lists.map(list => listAll(client, list)))).flat(),
    ),
  );
  const params = await readParams(client, policyObjects, (list, query) =>
    listAll(client, list, query),
  );
  return {
    cluster: cluster.name,
    crds,
    policyObjects: [...policyObjects, ...params],
  };
}

/** Reads the validation estate of the configured clusters on demand (read-only lists), cached per cluster. */
export function createValidationEstateService(options: {
  clusterSource: Pick<ClusterSource, 'clusters'>;
  logger: LoggerService;
}): ValidationEstateService {
  const { clusterSource, logger } = options;
  const cache = new Map<
    string,
    { at: number; estate: Promise<ClusterEstate> }
  >();

  function read(cluster: ClusterConfig): Promise<ClusterEstate> {
    const cached = cache.get(cluster.name);
    if (cached && Date.now() - cached.at < CACHE_MS) return cached.estate;
    const estate = readEstate(cluster).catch((error): ClusterEstate => {
      cache.delete(cluster.name);
      const reason = errorMessage(error);
      logger.warn('gitops: validation estate of a cluster could not be read', {
        cluster: cluster.name,
        reason,
      });
      return { cluster: cluster.name, unavailable: reason };
    });
    cache.set(cluster.name, { at: Date.now(), estate });
    return estate;
  }

  return {
    async forEnvironment(environment) {
      return Promise.all(
        clusterSource
          .clusters()
          .filter(cluster => cluster.environment === environment)
          .map(read),
      );
    },
  };
}
