import { locationSpecToMetadataName } from '@backstage/plugin-catalog-node';
import { expect, Page, test } from '@playwright/test';
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
/** The sandbox's `gitops.clusterRequest.path` (packages/sandbox/src/demo/clusterRequests.ts). */
const dirOf = (name: string) => `clusters/dev/cluster-requests/${name}`;

/**
 * Fills the request-cluster form for `name` with two workers (`provider`: a menu label, else the first the backend
 * offers), opens the pull request and returns it with the kinds of its `cluster.yaml`.
 */
async function requestCluster(
  page: Page,
  name: string,
  screenshot: string,
  provider?: string,
) {
  await openTemplate(page, 'request-cluster', { repoUrl: CONFIG_REPO });
  await page.getByRole('textbox', { name: 'Name' }).fill(name);
  await pickEntity(page, 'Owner', 'platform', 'Platform team');
  // Provider, version and machine counts start at the first choice the backend's gitops.clusterRequest offers.
  if (provider) {
    await page.getByRole('button', { name: /Provider/ }).click();
    await page.getByRole('option', { name: provider, exact: true }).click();
  }
  await page.getByRole('button', { name: /Worker machines/ }).click();
  await page.getByRole('option', { name: '2', exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  const number = await createAndReadPullRequest(
    page,
    'Pull request',
    screenshot,
  );
  const pull = await githubApi(`/repos/${CONFIG_REPO}/pulls/${number}`).then(
    r => r.json(),
  );
  const kinds = parseAllDocuments(
    await fileAt(CONFIG_REPO, `${dirOf(name)}/cluster.yaml`, pull.head.sha),
  ).map(doc => doc.toJSON().kind);
  return { number, kinds };
}

/**
 * Waits until the portal maps an object of `kind` to the cluster's catalog entity. The template registered the
 * entity's location before the merge, so the catalog's first read found no file and the next comes at its processing
 * interval (minutes): ask for it now, as the Refresh button on the location would. The location is looked up among
 * the registered locations, not the catalog's entities: its Location entity is only there once a read succeeded.
 */
async function waitForEntityObject(page: Page, name: string, kind: string) {
  const token = await guestToken(page);
  const headers = { authorization: `Bearer ${token}` };
  const refreshLocation = async () => {
    const locations: Array<{ data: { type: string; target: string } }> =
      await page.request
        .get('/api/catalog/locations', { headers })
        .then(r => r.json());
    const location = locations.find(l =>
      l.data.target.endsWith(`catalog/clusters/${name}.yaml`),
    );
    if (location)
      await page.request.post('/api/catalog/refresh', {
        headers,
        data: {
          entityRef: `location:default/${locationSpecToMetadataName(
            location.data,
          )}`,
        },
      });
  };
  await expect
    .poll(
      async () => {
        await refreshLocation();
        const response = await page.request.get(
          `/api/gitops/entities/resource/default/${name}/status`,
          { headers },
        );
        if (!response.ok()) return [];
        const { objects } = await response.json();
        return (objects ?? []).map((o: { kind: string }) => o.kind);
      },
      { timeout: 90_000, intervals: [2_000] },
    )
    .toContain(kind);
}

/**
 * Opens the cluster's entity page and checks its provisioning card is Ready with every step, and shows the
 * `gitops.clusters` entry for it; returns that entry.
 */
async function expectReadyCard(page: Page, name: string, steps: string[]) {
  await page.goto(`/catalog/default/resource/${name}`);
  await expect(page.getByText('Cluster provisioning')).toBeVisible();
  await expect(page.getByLabel('Provisioning phase')).toHaveText('Ready');
  const list = page.getByRole('list', { name: 'Provisioning steps' });
  for (const step of steps) await expect(list.getByText(step)).toBeVisible();
  const snippet = page.getByRole('region', { name: 'Cluster configuration' });
  await expect(snippet).toContainText(`name: ${name}`);
  await expect(snippet).toContainText('environment: dev');
  return snippet;
}

test.describe('the cluster request', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a cluster requested through the form provisions once merged, its progress on its catalog entity until ready', async ({
    page,
  }, testInfo) => {
    // scaffolding, provisioning, then the catalog reading the merged entity and the portal mapping objects to it
    test.setTimeout(180_000);
    const name = 'edge-1';
    const { number, kinds } = await requestCluster(
      page,
      name,
      testInfo.outputPath('cluster-request-task.png'),
    );
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
              `/apis/cluster.x-k8s.io/v1beta1/namespaces/default/clusters/${name}`,
            ).catch(() => undefined)
          )?.status?.phase,
        { timeout: 60_000 },
      )
      .toBe('Provisioned');
    await waitForEntityObject(page, name, 'MachineDeployment');

    const snippet = await expectReadyCard(page, name, [
      'Infrastructure',
      'Control plane: 1/1 ready',
      'Workers: 2/2 ready',
    ]);
    await expect(snippet).toContainText(/url: https:\/\/172\.18\.0\.\d+:6443/);
    await page.screenshot({
      path: testInfo.outputPath('cluster-request-ready.png'),
      fullPage: true,
    });
  });

  test('a cluster claimed from Crossplane is composed once merged, its claim, composite and managed resources on its catalog entity until ready', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    const name = 'edge-claim-1';
    const { number, kinds } = await requestCluster(
      page,
      name,
      testInfo.outputPath('cluster-claim-task.png'),
      'aws-managed (Crossplane)',
    );
    expect(kinds).toEqual(['KubernetesCluster']);

    // Merged: the operator applies the claim; the simulated Crossplane binds a composite and readies the managed
    // resources (the EKS control plane, then the node group), then the claim.
    await mergePullRequest(CONFIG_REPO, number);
    await expect
      .poll(
        async () => {
          const claim = await getObject(
            'dev',
            `/apis/platform.acme.io/v1alpha1/namespaces/default/kubernetesclusters/${name}`,
          ).catch(() => undefined);
          return (claim?.status?.conditions ?? []).map(
            (c: { type: string; status: string; reason: string }) =>
              `${c.type}=${c.status} ${c.reason}`,
          );
        },
        { timeout: 60_000 },
      )
      .toEqual(['Synced=True ReconcileSuccess', 'Ready=True Available']);
    // The managed resources reach the entity through the claim (composite, then its resources).
    await waitForEntityObject(page, name, 'NodeGroup');

    await expectReadyCard(page, name, [
      'Composite resource',
      'Managed resources: 2/2 ready',
      'KubernetesCluster ready',
    ]);
    await page.screenshot({
      path: testInfo.outputPath('cluster-claim-ready.png'),
      fullPage: true,
    });
  });
});
