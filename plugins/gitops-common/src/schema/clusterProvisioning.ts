import { z } from 'zod';

/**
 * How far a Cluster API object has got provisioning, read from its status (v1beta1 fields): what the portal shows
 * as progress of a requested cluster. Each kind fills what it reports.
 *
 * @public
 */
export const clusterProvisioningSchema = z.object({
  /** `status.phase` (Cluster: Pending, Provisioning, Provisioned…; MachineDeployment: ScalingUp, Running…; Machine). */
  phase: z.string().optional(),
  /** Cluster: `status.infrastructureReady`. */
  infrastructureReady: z.boolean().optional(),
  /** Cluster: `status.controlPlaneReady`; KubeadmControlPlane: `status.ready`. */
  controlPlaneReady: z.boolean().optional(),
  /** Machines: wanted (`spec.replicas`), ready (`status.readyReplicas`) and up to date (`status.updatedReplicas`). */
  replicas: z
    .object({
      desired: z.number().int().min(0),
      ready: z.number().int().min(0),
      updated: z.number().int().min(0).optional(),
    })
    .optional(),
  /** Cluster: its API server, `https://<spec.controlPlaneEndpoint.host>:<port>` (set once the infrastructure is up). */
  apiServerUrl: z.string().optional(),
  /** Machine: the Node it became (`status.nodeRef.name`). */
  nodeName: z.string().optional(),
});
/**
 * How far a Cluster API object has got provisioning.
 *
 * @public
 */
export type ClusterProvisioning = z.infer<typeof clusterProvisioningSchema>;
