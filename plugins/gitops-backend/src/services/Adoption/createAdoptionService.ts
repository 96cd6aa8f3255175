import { Config } from '@backstage/config';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  AdoptionQuery,
  AdoptionResponse,
  argoCdInstanceLabelKey,
  cleanLiveManifest,
} from '@gitops-portal/plugin-gitops-common';
import { ClusterConfig } from '../../clusters';
import {
  ARGOCD_CONFIG_MAP,
  argoCdNamespaceOf,
} from '../../lib/argoCdConfigMap';
import { errorMessage } from '../../lib/errorMessage';
import { createKubeClient, KubeClient } from '../KubeClient';
import { listNamespace } from './listNamespace';
import { selectAdoptable } from './selectAdoptable';
import { workloadWithReferences } from './workloadReferences';

/** Reads what adoption would write for a namespace or one workload (read-only: list calls only). */
export interface AdoptionService {
  read(query: AdoptionQuery): Promise<AdoptionResponse>;
}

/** The cluster's `argocd-cm` data, or undefined when it has none or it cannot be read (no Argo CD there). */
async function argoCdConfigMapData(
  client: KubeClient,
  argoCdNamespace: string,
): Promise<Record<string, unknown> | undefined> {
  const configMap = await client
    .getJson(
      `/api/v1/namespaces/${argoCdNamespace}/configmaps/${ARGOCD_CONFIG_MAP}`,
    )
    .catch(() => undefined);
  return configMap && ((configMap.data as Record<string, unknown>) ?? {});
}

export function createAdoptionService(options: {
  config: Config;
  /** The configured clusters now (the ClusterSource). */
  clusters: () => ClusterConfig[];
}): AdoptionService {
  // For a cluster without argocd-cm: the instance label entity mapping reads.
  const configuredLabelKey = options.config.getOptionalString(
    'gitops.argoCd.instanceLabelKey',
  );
  // Where the watchers read argocd-cm (custom health) too.
  const argoCdNamespace = argoCdNamespaceOf(
    options.config.getOptionalConfig('gitops'),
  );
  return {
    async read(query) {
      const cluster = options.clusters().find(c => c.name === query.cluster);
      if (!cluster) {
        throw new InputError(
          `cluster: ${query.cluster} is no configured cluster`,
        );
      }
      const client = createKubeClient(cluster.kubeConfig);
      const [objects, argoCdConfig] = await Promise.all([
        listNamespace(client, query.namespace).catch(error => {
          throw new ServiceUnavailableError(
            `Cluster ${cluster.name} could not be read: ${errorMessage(error)}`,
          );
        }),
        argoCdConfigMapData(client, argoCdNamespace),
      ]);
      // An object carrying the label Argo CD's label tracking writes on this cluster is Argo CD's already.
      const instanceLabelKey = argoCdConfig
        ? argoCdInstanceLabelKey(argoCdConfig)
        : configuredLabelKey;
      let candidates = objects;
      if (query.kind && query.name) {
        const workload = objects.find(
          o => o.kind === query.kind && o.metadata?.name === query.name,
        );
        if (!workload) {
          throw new NotFoundError(
            `${query.kind} ${query.namespace}/${query.name} is not in cluster ${cluster.name}`,
          );
        }
        candidates = workloadWithReferences(workload, objects);
      }
      const { adopt, refused, skipped } = selectAdoptable(
        candidates,
        instanceLabelKey,
      );
      const workloadSkipped = query.name
        ? skipped.find(s => s.kind === query.kind && s.name === query.name)
        : undefined;
      if (workloadSkipped) {
        throw new InputError(
          `name: ${query.kind} ${query.name} is not adopted: ${workloadSkipped.reason}`,
        );
      }
      return {
        cluster: cluster.name,
        namespace: query.namespace,
        manifests: adopt.map(cleanLiveManifest),
        refused,
        skipped,
      };
    },
  };
}
