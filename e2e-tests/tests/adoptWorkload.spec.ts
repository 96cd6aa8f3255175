import { expect, test } from '@playwright/test';
import {
  createAndReadPullRequest,
  openTemplate,
  pickEntity,
} from './scaffolder';
import {
  fileAt,
  guestToken,
  mergePullRequest,
  pullRequestFiles,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
// legacy-billing runs by hand in the dev cluster's legacy-billing namespace, managed by nothing
// (packages/sandbox/src/demo/unmanagedWorkload.ts); its catalog entity (demo/catalog/adoption.yaml) shows nothing
// delivered until it is adopted. No other test touches it.
const SERVICE = 'legacy-billing';
const FOLDER = `apps/${SERVICE}/overlays/dev`;
const APPLICATION = `clusters/dev/argocd/${SERVICE}.yaml`;

test.describe('the adopt-workload golden path', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('adopting an unmanaged namespace opens a PR of clean manifests and an Application; once merged the entity shows it synced', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000);
    await openTemplate(page, 'adopt-workload', { repoUrl: CONFIG_REPO });
    // The cluster comes from the backend (the first it reads: dev); the whole namespace is the default scope.
    await expect(page.getByRole('button', { name: /^Cluster/ })).toHaveText(
      /dev/,
    );
    await page.getByRole('textbox', { name: 'Namespace' }).fill(SERVICE);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: 'Service name' }).fill(SERVICE);
    await pickEntity(page, 'Owning team', 'data', 'Data');
    await page.getByRole('button', { name: 'Next' }).click(); // environment dev, Argo CD: the defaults
    const number = await createAndReadPullRequest(
      page,
      'Pull request',
      testInfo.outputPath('adopt-workload-task.png'),
    );

    const files = await pullRequestFiles(CONFIG_REPO, number);
    expect(files.map(f => f.filename).sort()).toEqual([
      `${FOLDER}/configmap-legacy-billing-settings.yaml`,
      `${FOLDER}/deployment-legacy-billing.yaml`,
      `${FOLDER}/kustomization.yaml`,
      `${FOLDER}/service-legacy-billing.yaml`,
      APPLICATION,
    ]);
    // Clean: what the API server wrote or defaulted is gone, what the team chose stays.
    const deployment = files.find(f => f.filename.includes('deployment-'))!;
    for (const written of [
      'status:',
      'uid:',
      'resourceVersion:',
      'managedFields:',
      'creationTimestamp:',
      'last-applied-configuration',
      'deployment.kubernetes.io/revision',
      'dnsPolicy:',
      'progressDeadlineSeconds:',
    ]) {
      expect(deployment.patch).not.toContain(written);
    }
    expect(deployment.patch).toContain('replicas: 2');
    expect(deployment.patch).toContain('cpu: 500m');

    const mergeCommit = await mergePullRequest(CONFIG_REPO, number);
    expect(await fileAt(CONFIG_REPO, APPLICATION, mergeCommit)).toContain(
      `path: ${FOLDER}`,
    );
    // The sandbox's operator (Argo CD's stand-in) creates the merged Application, labelled for the entity.
    const token = await guestToken(page);
    await expect
      .poll(
        async () => {
          const response = await page.request.get(
            `/api/gitops/entities/component/default/${SERVICE}/status`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          const { objects } = await response.json();
          return (objects ?? []).map((o: { name: string }) => o.name);
        },
        { timeout: 60_000, intervals: [1_000] },
      )
      .toContain(`${SERVICE}-dev`);
    await page.goto(`/catalog/default/component/${SERVICE}/gitops`);
    const dev = page
      .getByRole('table', { name: 'Environments by cluster' })
      .getByRole('group', { name: `Application ${SERVICE}-dev` });
    await expect(
      dev.getByRole('link', { name: `Commit ${mergeCommit.slice(0, 7)}` }),
    ).toBeVisible();
    await expect(dev.getByText('Synced', { exact: true })).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('adopt-workload-synced.png'),
      fullPage: true,
    });
  });
});
