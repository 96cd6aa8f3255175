import { expect, test } from '@playwright/test';
import { parseAllDocuments } from 'yaml';
import {
  createAndReadPullRequest,
  openTemplate,
  pickEntity,
} from './scaffolder';
import {
  fileAt,
  getObject,
  githubApi,
  guestToken,
  mergePullRequest,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
const NAME = 'edge-1';
/** The sandbox's `gitops.clusterRequest.path` (packages/sandbox/src/demo/clusterRequests.ts). */
const DIR = `clusters/dev/cluster-requests/${NAME}`;

test.describe('the cluster request', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a cluster requested through the form provisions once merged, its progress on its catalog entity until ready', async ({
    page,
  }, testInfo) => {
    // scaffolding, then the catalog reading the merged entity and the portal mapping objects to it (every minute)
    test.setTimeout(300_000);
    await openTemplate(page, 'request-cluster', { repoUrl: CONFIG_REPO });
    await page.getByRole('textbox', { name: 'Name' }).fill(NAME);
    await pickEntity(page, 'Owner', 'platform', 'Platform team');
    // Provider, version and machine counts start at the first choice the backend's gitops.clusterRequest offers.
    await page.getByRole('button', { name: /Worker machines/ }).click();
    await page.getByRole('option', { name: '2', exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const number = await createAndReadPullRequest(
      page,
      'Pull request',
      testInfo.outputPath('cluster-request-task.png'),
    );

    const pull = await githubApi(`/repos/${CONFIG_REPO}/pulls/${number}`).then(
      r => r.json(),
    );
    const kinds = parseAllDocuments(
      await fileAt(CONFIG_REPO, `${DIR}/cluster.yaml`, pull.head.sha),
    ).map(doc => doc.toJSON().kind);
    expect(kinds).toEqual([
      'Cluster',
      'DockerCluster',
      'DockerMachineTemplate',
      'KubeadmControlPlane',
      'DockerMachineTemplate',
      'KubeadmConfigTemplate',
      'MachineDeployment',
    ]);

    // Merged: the sandbox's operator applies the dev tree and provisions the Cluster as CAPI's controllers would.
    await mergePullRequest(CONFIG_REPO, number);
    await expect
      .poll(
        async () =>
          (
            await getObject(
              'dev',
              `/apis/cluster.x-k8s.io/v1beta1/namespaces/default/clusters/${NAME}`,
            ).catch(() => undefined)
          )?.status?.phase,
        { timeout: 60_000 },
      )
      .toBe('Provisioned');

    const token = await guestToken(page);
    const headers = { authorization: `Bearer ${token}` };
    // The catalog reads the location the template registered at its next refresh (minutes); ask for it now, as the
    // Refresh button on the location would.
    const refreshLocation = async () => {
      const locations: Array<{
        metadata: { name: string };
        spec: { target?: string };
      }> = await page.request
        .get('/api/catalog/entities?filter=kind=location', { headers })
        .then(r => r.json());
      const location = locations.find(l =>
        l.spec.target?.endsWith(`catalog/clusters/${NAME}.yaml`),
      );
      if (location)
        await page.request.post('/api/catalog/refresh', {
          headers,
          data: { entityRef: `location:default/${location.metadata.name}` },
        });
    };
    await expect
      .poll(
        async () => {
          await refreshLocation();
          const response = await page.request.get(
            `/api/gitops/entities/resource/default/${NAME}/status`,
            { headers },
          );
          if (!response.ok()) return [];
          const { objects } = await response.json();
          return (objects ?? []).map((o: { kind: string }) => o.kind);
        },
        { timeout: 180_000, intervals: [2_000] },
      )
      .toContain('MachineDeployment');

    await page.goto(`/catalog/default/resource/${NAME}`);
    await expect(page.getByText('Cluster provisioning')).toBeVisible();
    await expect(page.getByLabel('Provisioning phase')).toHaveText('Ready');
    const steps = page.getByRole('list', { name: 'Provisioning steps' });
    await expect(steps.getByText('Infrastructure')).toBeVisible();
    await expect(steps.getByText('Control plane: 1/1 ready')).toBeVisible();
    await expect(steps.getByText('Workers: 2/2 ready')).toBeVisible();
    const snippet = page.getByRole('region', { name: 'Cluster configuration' });
    await expect(snippet).toContainText(`name: ${NAME}`);
    await expect(snippet).toContainText('environment: dev');
    await expect(snippet).toContainText(/url: https:\/\/172\.18\.0\.\d+:6443/);
    await page.screenshot({
      path: testInfo.outputPath('cluster-request-ready.png'),
      fullPage: true,
    });
  });
});
