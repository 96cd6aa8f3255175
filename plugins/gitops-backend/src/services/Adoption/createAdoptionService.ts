import { Config } from '@backstage/config';
import {
  InputError,
  NotFoundError,
  ServiceUnavailableError,
} from '@backstage/errors';
import {
  AdoptionQuery,
  AdoptionResponse,
  cleanLiveManifest,
} from '@gitops-portal/plugin-gitops-common';
import { ClusterConfig } from '../../clusters';
import { errorMessage } from '../../lib/errorMessage';
import { createKubeClient } from '../KubeClient';
import { listNamespace } from './listNamespace';
import { selectAdoptable } from './selectAdoptable';
import { workloadWithReferences } from './workloadReferences';

/** Reads what adoption would write for a namespace or one workload (read-only: list calls only). */
export interface AdoptionService {
  read(query: AdoptionQuery): Promise<AdoptionResponse>;
}

export function createAdoptionService(options: {
  config: Config;
  /** The configured clusters now (the ClusterSource). */
  clusters: () => ClusterConfig[];
}): AdoptionService {
  // The same instance label entity mapping reads: an object carrying it is Argo CD's already.
  const instanceLabelKey = options.config.getOptionalString(
    'gitops.argoCd.instanceLabelKey',
  );
  return {
    async read(query) {
      const cluster = options.clusters().find(c => c.name === query.cluster);
      if (!cluster) {
        throw new InputError(
          `cluster: ${query.cluster} is no configured cluster`,
        );
      }
      const objects = await listNamespace(
        createKubeClient(cluster.kubeConfig),
        query.namespace,
      ).catch(error => {
        throw new ServiceUnavailableError(
          `Cluster ${cluster.name} could not be read: ${errorMessage(error)}`,
        );
      });
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
