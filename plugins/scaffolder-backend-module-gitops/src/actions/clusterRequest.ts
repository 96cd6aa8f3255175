import {
  clusterProviderNameSchema,
  clusterRequestNameSchema,
  gitopsClusterRequestPermission,
  kubernetesReleaseSchema,
  machineCountSchema,
} from '@gitops-portal/plugin-gitops-common';
import {
  clusterApiNames,
  clusterCatalogFile,
  clusterRequestChange,
  clusterRequestDir,
  readClusterRequestSettings,
} from '@gitops-portal/plugin-gitops-node';
import { examples } from './clusterRequest.examples';
import { createConfigRepoAction } from './createConfigRepoAction';
import { runConfigRepoPullRequest } from './runConfigRepoPullRequest';
import {
  environmentField,
  pullRequestInputFields,
  sharedString,
  sharedValue,
  teamField,
  Zod,
} from './schemaFragments';
import { GitopsActionDeps } from './types';

const machineCount = (z: Zod) =>
  sharedValue(z.number().int(), machineCountSchema);

const inputFields = {
  ...pullRequestInputFields,
  name: (z: Zod) =>
    sharedString(z, clusterRequestNameSchema).describe(
      'The cluster, a DNS-1123 label of at most 40 characters (`<gitops.clusterRequest.path><name>/`)',
    ),
  provider: (z: Zod) =>
    sharedString(z, clusterProviderNameSchema).describe(
      'A provider of `gitops.clusterRequest.providers` (Cluster API infrastructure or a Crossplane cluster claim)',
    ),
  environment: (z: Zod) =>
    environmentField(z).describe(
      'The environment whose applications the new cluster runs (its GitOps registration syncs them)',
    ),
  kubernetesVersion: (z: Zod) =>
    sharedString(z, kubernetesReleaseSchema).describe(
      'One of `gitops.clusterRequest.kubernetesVersions`, e.g. v1.31.2',
    ),
  controlPlaneReplicas: (z: Zod) =>
    machineCount(z)
      .default(1)
      .describe(
        'Control plane machines (Cluster API), odd, within `gitops.clusterRequest.controlPlaneReplicas`',
      ),
  workerReplicas: (z: Zod) =>
    machineCount(z).describe(
      'Worker machines, within `gitops.clusterRequest.workerReplicas`',
    ),
  owner: (z: Zod) => teamField(z).describe('The team that owns the cluster'),
};

/**
 * `gitops:cluster:request`: a new cluster as a validated PR, the way `gitops.clusterRequest` says: Cluster API
 * objects or a Crossplane claim, and the cluster's GitOps registration (never a credential in Git).
 *
 * @public
 */
export function createGitopsClusterRequestAction(deps: GitopsActionDeps) {
  return createConfigRepoAction(deps, {
    id: 'gitops:cluster:request',
    description:
      "Opens a pull request that requests a Kubernetes cluster: for a Cluster API provider a Cluster with its infrastructure cluster, KubeadmControlPlane and MachineDeployment; for a Crossplane provider a cluster claim. With it, the cluster's GitOps registration (a Flux Kustomization using the kubeconfig Secret the cluster's controller writes, or an ExternalSecret that makes it an Argo CD cluster Secret) and a catalog Resource to follow its provisioning on. Written to `<gitops.clusterRequest.path><name>/` and `<gitops.clusterRequest.catalogPath><name>.yaml`.",
    examples,
    input: inputFields,
    // A request adds a cluster, which has no entity yet: the initiator needs the permission itself, dry run included.
    authorize: () => ({ permission: gitopsClusterRequestPermission }),
    async run({ ctx, input, target }) {
      const settings = readClusterRequestSettings(deps.config);
      const dir = clusterRequestDir(settings, input.name);
      const outcome = await runConfigRepoPullRequest({
        ctx,
        deps,
        target,
        input,
        environments: settings.managementEnvironment
          ? [settings.managementEnvironment]
          : undefined,
        defaultBranch: { action: 'cluster', entity: input.name },
        defaultTitle: `Request cluster ${input.name} (${input.provider}, ${input.kubernetesVersion}) for ${input.environment}`,
        defaultBody: `Requests the cluster \`${input.name}\` for \`${
          input.environment
        }\` from the \`${input.provider}\` provider (Kubernetes ${
          input.kubernetesVersion
        }, ${input.workerReplicas} workers) in \`${dir}\`, owned by \`${
          input.owner
        }\`. Once provisioned, the ${
          settings.registration.engine === 'flux'
            ? 'Flux Kustomization'
            : 'Argo CD cluster Secret'
        } in \`${dir}registration.yaml\` deploys \`${
          input.environment
        }\` there with the kubeconfig Secret \`${
          clusterApiNames(input.name).kubeconfigSecret
        }\` the provider writes; no credential is in this pull request.`,
        change: (reader, baseBranch) =>
          clusterRequestChange(reader, baseBranch, input, settings),
      });
      // Registered now, the location is read once the pull request is merged: the cluster's entity then appears.
      if (outcome.status !== 'dry-run') {
        ctx.output(
          'catalogInfoUrl',
          `${target.url}/blob/${
            input.baseBranch ?? 'main'
          }/${clusterCatalogFile(settings, input.name)}`,
        );
      }
    },
  });
}
