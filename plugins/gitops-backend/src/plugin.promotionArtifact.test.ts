import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import {
  describeWithEstate,
  estateFile,
  estateFiles,
} from '@internal/estate-fixtures';
import { GithubEmulator, startGithubEmulator } from '@internal/github-emulator';
import {
  KubeEmulator,
  KubeObject,
  parseObjects,
} from '@internal/kube-emulator';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { clusterConfigEntry, startClusters } from './__testUtils__/clusters';
import { startConfigRepoTestBackend } from './__testUtils__/configRepoBackend';
import { component } from './__testUtils__/fixtures';
import { waitFor } from './__testUtils__/waitFor';

/*
 * Issue 15 point 3, Flux ExternalArtifact sources, through the REST routes: the public flux2-kustomize-helm-example
 * (read at test time, never copied) as the config repo (github-emulator); in each cluster (kube-emulator) what Flux
 * writes after bootstrap: the `apps` Kustomization reading the ExternalArtifact `apps`, the ArtifactGenerator that
 * writes it, and the HelmRelease podinfo the Kustomization applied (kustomize-controller's labels only).
 */

const ESTATE = 'flux2-kustomize-helm-example';
const TOKEN = 'artifact-test-token';
const ENVIRONMENTS = ['staging', 'production'];
const FLUX_LABELS = (name: string, namespace: string) => ({
  'kustomize.toolkit.fluxcd.io/name': name,
  'kustomize.toolkit.fluxcd.io/namespace': namespace,
});

type Obj = Record<string, any>;

const appliedBy = (object: Obj, name: string, namespace: string): Obj => ({
  ...object,
  metadata: {
    ...object.metadata,
    labels: { ...object.metadata.labels, ...FLUX_LABELS(name, namespace) },
  },
});

/** The config repo: the estate's apps folder and each environment's cluster files, as they are. */
const repoFiles = () => ({
  ...estateFiles(ESTATE, 'apps'),
  ...Object.fromEntries(
    ENVIRONMENTS.flatMap(env => [
      `clusters/${env}/apps.yaml`,
      `clusters/${env}/artifacts.yaml`,
    ]).map(path => [path, estateFile(ESTATE, path)]),
  ),
});

/** What Flux holds in one cluster after bootstrap and one reconciliation. */
function liveObjects(environment: string, repoUrl: string): Obj[] {
  const fromRepo = (path: string) =>
    parseObjects(estateFile(ESTATE, path)).map(o =>
      appliedBy(o, 'flux-system', 'flux-system'),
    );
  const release = parseObjects(
    estateFile(ESTATE, 'apps/base/podinfo/release.yaml'),
  )[0] as Obj;
  const values = parseObjects(
    estateFile(ESTATE, `apps/${environment}/podinfo-values.yaml`),
  )[0] as Obj;
  release.spec.chart.spec.version = values.spec.chart.spec.version;
  return [
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'GitRepository',
      metadata: { name: 'flux-system', namespace: 'flux-system' },
      spec: { url: repoUrl, ref: { branch: 'main' } },
    },
    ...fromRepo(`clusters/${environment}/apps.yaml`),
    ...fromRepo(`clusters/${environment}/artifacts.yaml`),
    {
      apiVersion: 'source.toolkit.fluxcd.io/v1',
      kind: 'ExternalArtifact',
      metadata: { name: 'apps', namespace: 'flux-system' },
      spec: {
        sourceRef: {
          apiVersion: 'source.extensions.fluxcd.io/v1beta1',
          kind: 'ArtifactGenerator',
          name: 'flux-system',
          namespace: 'flux-system',
        },
      },
    },
    appliedBy(release, 'apps', 'flux-system'),
  ];
}

describeWithEstate(ESTATE, 'promotion through an ExternalArtifact', () => {
  let dataDir: string;
  let github: GithubEmulator;
  let clusters: KubeEmulator;
  let started: Awaited<ReturnType<typeof startConfigRepoTestBackend>>;
  const get = (path: string) =>
    request(started.server)
      .get(`/api/gitops${path}`)
      .set('authorization', mockCredentials.user.header());

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'gitops-artifact-'));
    github = await startGithubEmulator({ dataDir, tokens: [TOKEN] });
    await github.createRepo('acme', 'gitops-config', {
      files: repoFiles(),
    });
    clusters = await startClusters(ENVIRONMENTS);
    for (const env of ENVIRONMENTS) {
      clusters
        .cluster(env)
        .apply(
          liveObjects(
            env,
            github.gitUrl('acme', 'gitops-config'),
          ) as KubeObject[],
        );
    }
    started = await startConfigRepoTestBackend({
      github,
      token: TOKEN,
      permission: AuthorizeResult.ALLOW,
      clusters: clusters.clusters.map(cluster => clusterConfigEntry(cluster)),
      // Annotated as a Kubernetes plugin user would: what the apps Kustomization applied in podinfo's namespace.
      entities: [
        component('podinfo', 'team-a', {
          'backstage.io/kubernetes-label-selector':
            'kustomize.toolkit.fluxcd.io/name=apps',
          'backstage.io/kubernetes-namespace': 'podinfo',
        }),
      ],
    });
    // The Kustomization, artifact and generator are no objects of the entity: the overview lists them once cached.
    await waitFor('the live objects cached', async () => {
      const status = await get('/entities/component/default/podinfo/status');
      const generators = await get('/overview?q=ArtifactGenerator');
      const artifacts = await get('/overview?q=ExternalArtifact');
      return (
        status.body.objects?.length === 2 &&
        generators.body.total === 2 &&
        artifacts.body.total === 2
      );
    });
  });

  afterAll(async () => {
    await started?.stop();
    await clusters?.close();
    await github?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('maps the HelmRelease of each environment to the entity', async () => {
    const status = await get('/entities/component/default/podinfo/status');

    expect(
      status.body.objects
        .map((o: Obj) => `${o.cluster} ${o.kind} ${o.source?.targetRevision}`)
        .sort(),
    ).toEqual([
      'production HelmRelease >=1.0.0',
      'staging HelmRelease >=1.0.0-alpha',
    ]);
  });

  it("promotes the chart version into the production values patch, through the Kustomization's ExternalArtifact", async () => {
    const response = await request(started.server)
      .post(
        '/api/gitops/entities/component/default/podinfo/promotions?dryRun=true',
      )
      .set('authorization', mockCredentials.user.header())
      .send({ from: 'staging', to: 'production' });

    expect(response.status).toBe(200);
    expect(response.body.files.map((f: Obj) => f.path)).toEqual([
      'apps/production/podinfo-values.yaml',
    ]);
    expect(response.body.files[0].diff).toMatch(
      /-\s+version: ">=1\.0\.0"\n\+\s+version: ">=1\.0\.0-alpha"/,
    );
    expect(response.body.filesFrom).toEqual(
      ENVIRONMENTS.map(
        env =>
          `${env}: from Kustomization flux-system/apps spec.path ./${env} of ExternalArtifact flux-system/apps ` +
          `(ArtifactGenerator flux-system/flux-system copies @monorepo/apps/${env}/** to @artifact/${env}/), ` +
          `which applies HelmRelease podinfo/podinfo (cluster ${env})`,
      ),
    );
  });
});
