import { expect, test } from '@playwright/test';
import { scaffoldService } from './scaffolder';
import {
  githubApi,
  guestToken,
  mergePullRequest,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';

test.describe('the new-service golden path', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a service scaffolded through the form is Synced and Healthy in dev at the merge commit, with each delivery step', async ({
    page,
  }, testInfo) => {
    test.setTimeout(180_000); // scaffolding, the catalog and the portal mapping the new entity, the sync
    const name = 'inventory-api';
    const number = await scaffoldService(
      page,
      name,
      testInfo.outputPath('new-service-task.png'),
    );
    const files: Array<{ filename: string }> = await githubApi(
      `/repos/${CONFIG_REPO}/pulls/${number}/files`,
    ).then(r => r.json());
    expect(files.map(f => f.filename)).toContain(
      `clusters/dev/argocd/${name}.yaml`,
    );

    const mergeCommit = await mergePullRequest(CONFIG_REPO, number);
    // The sandbox's operator (Argo CD's stand-in) creates the merged Applications. The portal maps objects to a
    // newly registered entity at its next catalog read (`gitops.catalogEntities.refreshInterval`, 5 s in the
    // sandbox), so wait until the backend lists it.
    const token = await guestToken(page);
    await expect
      .poll(
        async () => {
          const response = await page.request.get(
            `/api/gitops/entities/component/default/${name}/status`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          const { objects } = await response.json();
          return (objects ?? []).map((o: { name: string }) => o.name);
        },
        { timeout: 90_000, intervals: [1_000] },
      )
      .toContain(`${name}-dev`);
    await page.goto(`/catalog/default/component/${name}/gitops`);
    const dev = page
      .getByRole('table', { name: 'Environments by cluster' })
      .getByRole('group', { name: `Application ${name}-dev` });
    await expect(
      dev.getByRole('link', { name: `Commit ${mergeCommit.slice(0, 7)}` }),
    ).toBeVisible();
    await expect(dev.getByText('Synced', { exact: true })).toBeVisible();
    await expect(dev.getByText('Healthy', { exact: true })).toBeVisible();

    const steps = page
      .getByRole('region', { name: `Delivery of #${number}` })
      .getByRole('list', { name: `Steps of #${number}` });
    for (const step of ['Merged', 'Synced in dev', 'Healthy in dev']) {
      // done steps carry their lead time ("+2s · <time>"); waiting ones say so instead
      await expect(
        steps.getByRole('listitem', { name: new RegExp(`^${step}: \\+`) }),
      ).toBeVisible();
    }
    await expect(
      steps.getByRole('listitem', { name: /^Opened: / }),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('new-service-synced.png'),
      fullPage: true,
    });
  });
});
