import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { configRepoState, messagesOf } from './__testUtils__/configRepoState';
import { objectsOf } from './__testUtils__/configRepoCheckout';
import { useTemplateHarness } from './__testUtils__/templateHarness';

const TEMPLATE = 'templates/request-cluster/template.yaml';
/** The sandbox's `gitops.clusterRequest.path` (packages/sandbox/src/demo/clusterRequests.ts). */
const REQUESTS = 'clusters/dev/cluster-requests';

describe('templates/request-cluster', () => {
  const harness = useTemplateHarness({ templates: [TEMPLATE] });
  const values = (name: string, extra: Record<string, unknown> = {}) => ({
    name,
    owner: 'group:default/platform',
    environment: 'staging',
    provider: 'docker',
    kubernetesVersion: 'v1.31.2',
    controlPlaneReplicas: 1,
    workerReplicas: 2,
    repoUrl: harness.repoUrl,
    ...extra,
  });

  it('dry-runs the request without writing to the config repo', async () => {
    const before = await configRepoState(harness);

    const result = await harness.dryRun(TEMPLATE, values('edge-dry'));

    expect(result.error).toBeUndefined();
    expect(messagesOf(result.log)).toContainEqual(
      expect.stringContaining(
        `dry run: would write ${REQUESTS}/edge-dry/cluster.yaml`,
      ),
    );
    expect(await configRepoState(harness)).toEqual(before);
  });

  it('opens a pull request with the Cluster API objects and the registration, and registers the catalog entity', async () => {
    const task = await harness.run(TEMPLATE, values('edge-1'));

    expect(task).toMatchObject({ status: 'completed' });
    const [pull] = await harness.pullRequests();
    expect(task.output.links).toEqual([
      { title: 'Pull request', url: pull.html_url },
    ]);
    const { dir } = await harness.cloneAndBuildOverlays(pull.head.ref, {
      services: [],
    });
    const objects = async (file: string) =>
      objectsOf(
        await readFile(join(dir, `${REQUESTS}/edge-1/${file}`), 'utf8'),
      ).map(obj => `${obj.kind} ${obj.metadata.name}`);
    expect(await objects('cluster.yaml')).toEqual([
      'Cluster edge-1',
      'DockerCluster edge-1',
      'DockerMachineTemplate edge-1-control-plane',
      'KubeadmControlPlane edge-1-control-plane',
      'DockerMachineTemplate edge-1-md-0',
      'KubeadmConfigTemplate edge-1-md-0',
      'MachineDeployment edge-1-md-0',
    ]);
    expect(await objects('registration.yaml')).toEqual([
      'ExternalSecret edge-1-cluster',
    ]);
    expect(harness.registeredLocations()).toContainEqual(
      expect.stringMatching(/\/blob\/main\/catalog\/clusters\/edge-1\.yaml$/),
    );
  });

  it.each([
    [
      'a name longer than Cluster API allows',
      'x'.repeat(41),
      {},
      'rejected',
      /instance.name does not meet maximum length of 40/,
    ],
    [
      'an even control plane',
      'edge-even',
      { controlPlaneReplicas: 2 },
      'failed',
      /controlPlaneReplicas must be odd/,
    ],
    [
      'a Kubernetes version the backend does not offer',
      'edge-old',
      { kubernetesVersion: 'v1.29.0' },
      'failed',
      /Kubernetes v1.29.0 is not offered/,
    ],
  ])(
    'refuses %s and opens no PR',
    async (_case, name, extra, status, message) => {
      const before = await configRepoState(harness);

      const task = await harness.run(TEMPLATE, values(name, extra));

      expect(task.status).toBe(status);
      expect(task.error).toMatch(message);
      expect(await configRepoState(harness)).toEqual(before);
    },
  );
});
