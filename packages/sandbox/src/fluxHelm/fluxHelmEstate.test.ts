import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeWithEstate } from '@internal/estate-fixtures';
import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { ConfigRepoClone } from '../__testUtils__/configRepoCommits';
import { waitFor } from '../__testUtils__/watchStates';
import { SandboxServices, startSandboxServices } from '../sandboxServices';
import { fluxHelmEstate, PODINFO_CHART_VERSIONS } from './fluxHelmEstate';
import { FLUX_HELM_ESTATE } from './estateFiles';

type Obj = Record<string, any>;
const RANDOM_PORTS = { github: 0, kubeControl: 0, kubeFirstCluster: 0 };
const [, STABLE, CANDIDATE] = PODINFO_CHART_VERSIONS;

describeWithEstate(
  FLUX_HELM_ESTATE,
  'the flux-helm sandbox profile',
  estate => {
    let stateDir: string;
    let sandbox: SandboxServices;

    const podinfo = (cluster: string) =>
      sandbox.kube
        .cluster(cluster)
        .get(
          'helm.toolkit.fluxcd.io/v2',
          'HelmRelease',
          'podinfo',
          'podinfo',
        ) as Obj | undefined;

    beforeAll(async () => {
      stateDir = mkdtempSync(join(tmpdir(), 'sandbox-flux-helm-'));
      sandbox = await startSandboxServices(
        stateDir,
        RANDOM_PORTS,
        { pollIntervalMs: 100, stepDelayMs: 200 },
        fluxHelmEstate,
      );
    });

    afterAll(async () => {
      await sandbox?.close();
      rmSync(stateDir, { recursive: true, force: true });
    });

    it.each([
      ['staging', CANDIDATE],
      ['production', STABLE],
    ])(
      'releases podinfo in %s at the chart version its values patch picks, labelled by Flux only',
      (cluster, version) => {
        const release = podinfo(cluster)!;
        expect(release.metadata.labels).toEqual({
          'kustomize.toolkit.fluxcd.io/name': 'apps',
          'kustomize.toolkit.fluxcd.io/namespace': 'flux-system',
        });
        expect(release.status.history[0].chartVersion).toBe(version);
        expect(release.status.lastAttemptedRevision).toBe(version);
        const deployment = sandbox.kube
          .cluster(cluster)
          .get('apps/v1', 'Deployment', 'podinfo', 'podinfo') as Obj;
        expect(deployment.metadata.labels).toMatchObject({
          'helm.toolkit.fluxcd.io/name': 'podinfo',
          'helm.toolkit.fluxcd.io/namespace': 'podinfo',
          'helm.sh/chart': `podinfo-${version}`,
        });
      },
    );

    it.each([
      ['helm.toolkit.fluxcd.io/v2', 'HelmRelease'],
      ['source.toolkit.fluxcd.io/v1', 'HelmRepository'],
    ])(
      'writes a status of %s %s the portal reads as Healthy',
      (apiVersion, kind) => {
        const object = sandbox.kube
          .cluster('production')
          .get(apiVersion, kind, 'podinfo', 'podinfo');
        expect(
          normalizeObject(object, { cluster: 'production' }).health,
        ).toMatchObject({ status: 'Healthy' });
      },
    );

    it('writes the ExternalArtifact the apps Kustomization reads, naming its ArtifactGenerator', () => {
      const artifact = sandbox.kube
        .cluster('staging')
        .get(
          'source.toolkit.fluxcd.io/v1',
          'ExternalArtifact',
          'apps',
          'flux-system',
        ) as Obj;
      expect(artifact.spec.sourceRef).toMatchObject({
        kind: 'ArtifactGenerator',
        name: 'flux-system',
      });
    });

    it("releases production's HelmRelease at the chart version a merged values change picks", async () => {
      const secrets = JSON.parse(
        readFileSync(join(stateDir, 'secrets.json'), 'utf8'),
      );
      const url = new URL(sandbox.github.gitUrl('acme', 'flux-fleet'));
      url.username = 'x-access-token';
      url.password = secrets.githubToken;
      const clone = new ConfigRepoClone(
        join(stateDir, 'clone'),
        url.toString(),
      );
      const values = readFileSync(
        join(estate, 'apps/production/podinfo-values.yaml'),
        'utf8',
      );
      await clone.commit(
        {
          'apps/production/podinfo-values.yaml': values.replace(
            '">=1.0.0"',
            '">=1.0.0-alpha"',
          ),
        },
        'Promote podinfo to production',
      );

      await waitFor(
        () =>
          podinfo('production')?.status?.history?.[0]?.chartVersion ===
          CANDIDATE,
        () => JSON.stringify(podinfo('production')?.status),
      );
      expect(podinfo('production')!.spec.chart.spec.version).toBe(
        '>=1.0.0-alpha',
      );
      expect(
        normalizeObject(podinfo('production'), { cluster: 'production' }),
      ).toMatchObject({ sync: 'Synced', revision: CANDIDATE });
      expect(podinfo('staging')!.status.history).toHaveLength(1);
    });
  },
);
