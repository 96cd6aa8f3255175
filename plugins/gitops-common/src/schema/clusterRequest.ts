import { z } from 'zod';
import { dns1123LabelSchema } from './fields';

/**
 * A requested cluster's name: a DNS-1123 label of at most 40 characters, so the names Cluster API derives from it
 * (`<name>-control-plane`, `<name>-md-0`, `<name>-kubeconfig`) stay valid labels too.
 *
 * @public
 */
export const clusterRequestNameSchema = dns1123LabelSchema.refine(
  name => name.length <= 40,
  'must be at most 40 characters (Cluster API derives longer names from it)',
);

/**
 * The environment a requested cluster is for: a label of its Argo CD cluster Secret (for an ApplicationSet cluster
 * generator) and an annotation of its catalog Resource (for the `gitops.clusters` entry the portal suggests).
 *
 * @public
 */
export const CLUSTER_ENVIRONMENT_KEY = 'gitops.portal/environment';

/**
 * The catalog Resource `spec.type` of a requested cluster: the portal shows its provisioning on such entities.
 *
 * @public
 */
export const REQUESTED_CLUSTER_ENTITY_TYPE = 'kubernetes-cluster';

/**
 * A provider of `gitops.clusterRequest.providers`, by its key.
 *
 * @public
 */
export const clusterProviderNameSchema = dns1123LabelSchema;

/**
 * A Kubernetes release as Cluster API's `spec.version` takes it: `v<major>.<minor>.<patch>`.
 *
 * @public
 */
export const kubernetesReleaseSchema = z
  .string()
  .refine(
    value => value.length <= 32 && /^v\d+\.\d+\.\d+$/.test(value),
    'must be a Kubernetes release such as v1.31.2',
  );

/**
 * A machine count of a requested cluster (the configured bounds are checked where the config is read).
 *
 * @public
 */
export const machineCountSchema = z.number().int().min(0).max(1000);

/**
 * The request `gitops:cluster:request` takes (besides the config repo and pull request fields): one schema for the
 * action and anything else that accepts a cluster request.
 *
 * @public
 */
export const clusterRequestSchema = z.object({
  name: clusterRequestNameSchema,
  provider: clusterProviderNameSchema,
  /** The environment whose applications the new cluster will run (its `gitops.clusters` entry once ready). */
  environment: dns1123LabelSchema,
  kubernetesVersion: kubernetesReleaseSchema,
  controlPlaneReplicas: machineCountSchema,
  workerReplicas: machineCountSchema,
  /** The team that owns the cluster (a catalog Group name). */
  owner: dns1123LabelSchema,
});

/**
 * A cluster request as {@link clusterRequestSchema} parses it.
 *
 * @public
 */
export type ClusterRequest = z.infer<typeof clusterRequestSchema>;
