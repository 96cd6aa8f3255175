import { InputError } from '@backstage/errors';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import {
  CLUSTER_REQUEST_INPUT,
  withClusterRequests,
} from '../__testUtils__/clusterRequestSettings';
import { OWNER, useConfigRepo } from '../__testUtils__/harness';
import { createGitopsClusterRequestAction } from './clusterRequest';

const ARGO_REGISTRATION = {
  registration: {
    engine: 'argocd',
    storeRef: { name: 'capi-kubeconfigs' },
  },
};

describe('gitops:cluster:request', () => {
  const github = useConfigRepo();
  const action = (overrides = {}) =>
    createGitopsClusterRequestAction(
      withClusterRequests(github.deps(), overrides),
    );

  it.each<[string, Record<string, unknown>, RegExp]>([
    [
      'a provider the config does not offer',
      { provider: 'aws' },
      /Unknown provider aws: gitops.clusterRequest.providers offers docker, managed/,
    ],
    [
      'a Kubernetes version the config does not offer',
      { kubernetesVersion: 'v1.29.0' },
      /Kubernetes v1.29.0 is not offered/,
    ],
    [
      'more workers than the bounds allow',
      { workerReplicas: 6 },
      /workerReplicas must be between 1 and 5/,
    ],
    [
      'an even control plane (no etcd quorum)',
      { controlPlaneReplicas: 2 },
      /controlPlaneReplicas must be odd/,
    ],
    [
      'a name Cluster API could not derive its names from',
      { name: 'a'.repeat(41) },
      /name: must be at most 40 characters/,
    ],
    [
      'a version that is no Kubernetes release',
      { kubernetesVersion: '1.31' },
      /kubernetesVersion: must be a Kubernetes release/,
    ],
  ])('refuses %s and writes nothing', async (_case, change, message) => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({
      ...CLUSTER_REQUEST_INPUT,
      ...change,
      repoUrl,
    });

    const error = await action()
      .handler(ctx)
      .catch(e => e);

    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toMatch(message);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('refuses when gitops.clusterRequest is not configured, naming the key', async () => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx } = await github.context({ ...CLUSTER_REQUEST_INPUT, repoUrl });

    await expect(
      createGitopsClusterRequestAction(github.deps()).handler(ctx),
    ).rejects.toThrow(
      'Cluster requests are not configured: set gitops.clusterRequest',
    );
    expect(await github.pulls(repo)).toEqual([]);
  });

  it.each([
    ['its kustomization', 'clusters/requests/staging-eu-2/kustomization.yaml'],
    ['a file of its folder alone', 'clusters/requests/staging-eu-2/notes.md'],
    ['its catalog entity', 'catalog/clusters/staging-eu-2.yaml'],
  ])(
    'refuses a cluster whose files exist (%s), naming the path, and opens nothing',
    async (_case, existing) => {
      const { repo, repoUrl } = await github.newRepo({ [existing]: 'x: 1\n' });
      const { ctx } = await github.context({
        ...CLUSTER_REQUEST_INPUT,
        repoUrl,
      });

      const error = await action()
        .handler(ctx)
        .catch(e => e);

      expect(error).toBeInstanceOf(InputError);
      expect(error.message).toBe(
        `A cluster called staging-eu-2 is already requested: ${existing} exists on main`,
      );
      const { data: branches } = await github
        .octokit()
        .repos.listBranches({ owner: OWNER, repo });
      expect(branches.map(b => b.name)).toEqual(['main']);
      expect(await github.pulls(repo)).toEqual([]);
    },
  );

  it('requests a cluster whose name only starts like an existing one', async () => {
    const { repo, repoUrl } = await github.newRepo({
      'clusters/requests/staging-eu-20/kustomization.yaml': 'resources: []\n',
      'catalog/clusters/staging-eu-20.yaml': 'kind: Resource\n',
    });
    const { ctx, outputs } = await github.context({
      ...CLUSTER_REQUEST_INPUT,
      repoUrl,
    });

    await action().handler(ctx);

    expect(outputs.status).toBe('opened');
    expect(await github.pulls(repo)).toHaveLength(1);
  });

  it('a dry run lists the files it would write and writes nothing', async () => {
    const { repo, repoUrl } = await github.untouchedRepo();
    const { ctx, outputs } = await github.context(
      { ...CLUSTER_REQUEST_INPUT, repoUrl },
      { isDryRun: true },
    );

    await action().handler(ctx);

    expect(outputs.status).toBe('dry-run');
    expect(outputs.changedFiles).toEqual([
      'catalog/clusters/staging-eu-2.yaml',
      'clusters/requests/staging-eu-2/cluster.yaml',
      'clusters/requests/staging-eu-2/kustomization.yaml',
      'clusters/requests/staging-eu-2/registration.yaml',
    ]);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('registers the cluster for Flux with the kubeconfig Secret Cluster API writes', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      ...CLUSTER_REQUEST_INPUT,
      repoUrl,
    });

    await action().handler(ctx);

    const dir = await github.clone(repo, outputs.branch as string);
    const [kustomization] = parseAllDocuments(
      await readFile(
        join(dir, 'clusters/requests/staging-eu-2/registration.yaml'),
        'utf8',
      ),
    ).map(doc => doc.toJSON());
    expect(kustomization).toMatchObject({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      metadata: { namespace: 'capi-clusters' },
      spec: {
        path: './clusters/staging',
        sourceRef: { kind: 'GitRepository', name: 'gitops-config' },
        kubeConfig: {
          secretRef: { name: 'staging-eu-2-kubeconfig', key: 'value' },
        },
      },
    });
  });

  it('registers the cluster for Argo CD through an ExternalSecret, with no Secret in Git', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      ...CLUSTER_REQUEST_INPUT,
      repoUrl,
    });

    await action(ARGO_REGISTRATION).handler(ctx);

    const dir = await github.clone(repo, outputs.branch as string);
    const [externalSecret] = parseAllDocuments(
      await readFile(
        join(dir, 'clusters/requests/staging-eu-2/registration.yaml'),
        'utf8',
      ),
    ).map(doc => doc.toJSON());
    expect(externalSecret).toMatchObject({
      kind: 'ExternalSecret',
      metadata: { namespace: 'argocd' },
      spec: {
        secretStoreRef: {
          name: 'capi-kubeconfigs',
          kind: 'ClusterSecretStore',
        },
        target: {
          template: {
            metadata: {
              labels: {
                'argocd.argoproj.io/secret-type': 'cluster',
                'gitops.portal/environment': 'staging',
              },
            },
          },
        },
        data: [
          {
            remoteRef: { key: 'staging-eu-2-kubeconfig', property: 'value' },
          },
        ],
      },
    });
  });

  it("outputs where the cluster's catalog entity will be once merged", async () => {
    const { repoUrl } = await github.newRepo();
    const { ctx, outputs } = await github.context({
      ...CLUSTER_REQUEST_INPUT,
      repoUrl,
    });

    await action().handler(ctx);

    expect(outputs.catalogInfoUrl).toMatch(
      /\/blob\/main\/catalog\/clusters\/staging-eu-2\.yaml$/,
    );
  });

  it('says in the pull request where the kubeconfig comes from', async () => {
    const { repo, repoUrl } = await github.newRepo();
    const { ctx } = await github.context({ ...CLUSTER_REQUEST_INPUT, repoUrl });

    await action().handler(ctx);

    const [pull] = await github.pulls(repo);
    expect(pull.title).toBe(
      'Request cluster staging-eu-2 (docker, v1.31.2) for staging',
    );
    expect(pull.body).toContain(
      'the kubeconfig Secret `staging-eu-2-kubeconfig` the provider writes; no credential is in this pull request',
    );
  });
});

/** A DockerMachineTemplate CRD cut down to one field, as the config repo's `crds/` would hold the provider's. */
const DOCKER_MACHINE_TEMPLATE_CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: dockermachinetemplates.infrastructure.cluster.x-k8s.io
spec:
  group: infrastructure.cluster.x-k8s.io
  names:
    kind: DockerMachineTemplate
    plural: dockermachinetemplates
  scope: Namespaced
  versions:
    - name: v1beta1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                template:
                  type: object
                  properties:
                    spec:
                      type: object
                      properties:
                        customImage:
                          type: string
`;

describe('gitops:cluster:request validation', () => {
  const github = useConfigRepo();
  const withMachineSpec = (machineSpec: object) =>
    createGitopsClusterRequestAction(
      withClusterRequests(github.deps(), {
        providers: {
          docker: {
            type: 'cluster-api',
            infrastructure: {
              apiVersion: 'infrastructure.cluster.x-k8s.io/v1beta1',
              clusterKind: 'DockerCluster',
              machineTemplateKind: 'DockerMachineTemplate',
              machineSpec,
            },
          },
        },
      }),
    );

  it('stops the pull request when a machine template breaks the provider CRD in the config repo', async () => {
    const { repo, repoUrl } = await github.newRepo({
      'crds/docker-machine-template.yaml': DOCKER_MACHINE_TEMPLATE_CRD,
    });
    const { ctx } = await github.context({ ...CLUSTER_REQUEST_INPUT, repoUrl });

    await expect(
      withMachineSpec({ customImage: 42 }).handler(ctx),
    ).rejects.toThrow(/spec\.template\.spec\.customImage/);
    expect(await github.pulls(repo)).toEqual([]);
  });

  it('schema-checks the machine templates against that CRD when they fit it', async () => {
    const { repo, repoUrl } = await github.newRepo({
      'crds/docker-machine-template.yaml': DOCKER_MACHINE_TEMPLATE_CRD,
    });
    const { ctx } = await github.context({ ...CLUSTER_REQUEST_INPUT, repoUrl });

    await withMachineSpec({ customImage: 'kindest/node:v1.31.2' }).handler(ctx);

    const [pull] = await github.pulls(repo);
    // The infrastructure cluster, whose CRD the repo lacks, is still listed as not checked; the template is not.
    expect(pull.body).toContain(
      'defines infrastructure.cluster.x-k8s.io/v1beta1 DockerCluster',
    );
    expect(pull.body).not.toContain(
      'defines infrastructure.cluster.x-k8s.io/v1beta1 DockerMachineTemplate',
    );
  });
});
