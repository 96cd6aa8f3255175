import { Config } from '@backstage/config';
import { InputError } from '@backstage/errors';
import { kubernetesReleaseSchema } from '@gitops-portal/plugin-gitops-common';
import { z } from 'zod';

const KEY = 'gitops.clusterRequest';

const text = z.string().min(1);
const apiVersion = text.regex(
  /^[a-z0-9.-]+\/v[a-z0-9]+$/,
  'must be group/version',
);
const kind = text.regex(/^[A-Z][A-Za-z0-9]*$/, 'must be a Kind');
const freeSpec = z.record(z.string(), z.unknown()).default({});
/** A config-repo folder: relative, ending in `/`, never climbing out of the repo. */
const folder = text
  .regex(/^[a-z0-9][-a-z0-9_/]*\/$/, 'must be a relative folder ending in /')
  .refine(p => !p.split('/').includes('..'), 'must not contain ..');

/** A Cluster API provider: its infrastructure kinds; kubeadm control plane and bootstrap unless said otherwise. */
const clusterApiProviderSchema = z.object({
  type: z.literal('cluster-api'),
  infrastructure: z.object({
    apiVersion,
    /** The infrastructure cluster kind, e.g. `DockerCluster`, `AWSCluster`. */
    clusterKind: kind,
    /** The machine template kind, e.g. `DockerMachineTemplate`, `AWSMachineTemplate`. */
    machineTemplateKind: kind,
    /** The infrastructure cluster's `spec` (region, network…), written as is. */
    clusterSpec: freeSpec,
    /** The machine templates' `spec.template.spec` (instance type, image…), written as is. */
    machineSpec: freeSpec,
  }),
  controlPlane: z
    .object({
      apiVersion: apiVersion.default('controlplane.cluster.x-k8s.io/v1beta1'),
      kind: kind.default('KubeadmControlPlane'),
    })
    .prefault({}),
  bootstrap: z
    .object({
      apiVersion: apiVersion.default('bootstrap.cluster.x-k8s.io/v1beta1'),
      configTemplateKind: kind.default('KubeadmConfigTemplate'),
    })
    .prefault({}),
  /** `spec.clusterNetwork.pods.cidrBlocks` of the Cluster. */
  podCidrBlocks: z.array(text).optional(),
});

/** A Crossplane claim of a cluster XRD: static parameters plus the request's version and worker count. */
const crossplaneProviderSchema = z.object({
  type: z.literal('crossplane'),
  claim: z.object({
    apiVersion,
    kind,
    parameters: freeSpec,
    /** The names of the request's fields in the XRD's `spec.parameters`. */
    parameterNames: z
      .object({
        kubernetesVersion: text.default('version'),
        workerReplicas: text.default('nodeCount'),
      })
      .prefault({}),
    /** The key of the kubeconfig in the connection secret. */
    kubeconfigKey: text.default('kubeconfig'),
  }),
});

const boundsSchema = (min: number, max: number) =>
  z
    .object({
      min: z.number().int().min(0).default(min),
      max: z.number().int().min(0).default(max),
    })
    .prefault({})
    .refine(b => b.min <= b.max, 'min must not be above max');

/**
 * `gitops.clusterRequest`: what `gitops:cluster:request` may ask for, where it writes and how the new cluster is
 * registered for GitOps (never with a credential in Git).
 *
 * @public
 */
export const clusterRequestSettingsSchema = z.object({
  /** The config-repo folder of cluster requests: `<path><name>/`. The management cluster's GitOps applies it. */
  path: folder.default('clusters/requests/'),
  /**
   * The config-repo folder of the requested clusters' catalog entities, `<catalogPath><name>.yaml`: outside `path`,
   * so the management cluster's engine never applies a catalog entity, whatever way it reads `path`.
   */
  catalogPath: folder.default('catalog/clusters/'),
  /** The management cluster's namespace for the Cluster API objects (and the kubeconfig Secret CAPI writes). */
  namespace: text.default('default'),
  /**
   * The environment of the management cluster (its `gitops.clusters` entry): its CRDs and policies join the
   * validation of every request, so the Cluster API objects are schema-checked against the installed providers.
   */
  managementEnvironment: text.optional(),
  kubernetesVersions: z.array(kubernetesReleaseSchema).min(1),
  controlPlaneReplicas: boundsSchema(1, 5),
  workerReplicas: boundsSchema(0, 10),
  providers: z
    .record(
      z.string(),
      z.discriminatedUnion('type', [
        clusterApiProviderSchema,
        crossplaneProviderSchema,
      ]),
    )
    .refine(p => Object.keys(p).length > 0, 'must name at least one provider'),
  registration: z.discriminatedUnion('engine', [
    z.object({
      engine: z.literal('flux'),
      /** The GitRepository (or other source) the new cluster's Kustomization reads. */
      sourceRef: z.object({
        kind: text.default('GitRepository'),
        name: text,
        namespace: text.optional(),
      }),
      /** The folder the new cluster syncs: `{name}` and `{environment}` are replaced. */
      path: text.default('./clusters/{environment}'),
      interval: text.default('10m'),
    }),
    z.object({
      engine: z.literal('argocd'),
      /** Argo CD's namespace: the cluster Secret is created there. */
      namespace: text.default('argocd'),
      /** The store External Secrets reads CAPI's `<name>-kubeconfig` Secret through (Kubernetes provider). */
      storeRef: z.object({
        name: text,
        kind: z
          .enum(['SecretStore', 'ClusterSecretStore'])
          .default('ClusterSecretStore'),
      }),
      apiVersion: text.default('external-secrets.io/v1'),
    }),
  ]),
});

/**
 * `gitops.clusterRequest` as {@link clusterRequestSettingsSchema} parses it.
 *
 * @public
 */
export type ClusterRequestSettings = z.infer<
  typeof clusterRequestSettingsSchema
>;
/**
 * One provider of `gitops.clusterRequest.providers`.
 *
 * @public
 */
export type ClusterProvider = ClusterRequestSettings['providers'][string];
/**
 * A Cluster API provider of `gitops.clusterRequest.providers`.
 *
 * @public
 */
export type ClusterApiProvider = Extract<
  ClusterProvider,
  { type: 'cluster-api' }
>;
/**
 * A Crossplane cluster claim provider of `gitops.clusterRequest.providers`.
 *
 * @public
 */
export type CrossplaneClusterProvider = Extract<
  ClusterProvider,
  { type: 'crossplane' }
>;

/**
 * The settings, or an InputError naming the key when they are missing or invalid.
 *
 * @public
 */
export function readClusterRequestSettings(
  config: Config,
): ClusterRequestSettings {
  const raw = config.getOptional(KEY);
  if (raw === undefined) {
    throw new InputError(
      `Cluster requests are not configured: set ${KEY} (providers, kubernetesVersions, registration)`,
    );
  }
  const parsed = clusterRequestSettingsSchema.safeParse(raw);
  if (!parsed.success) {
    throw new InputError(
      `Invalid ${KEY}: ${parsed.error.issues
        .map(issue => `${[KEY, ...issue.path].join('.')}: ${issue.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}
