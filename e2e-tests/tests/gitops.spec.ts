import { expect, test } from '@playwright/test';
import {
  applyObject,
  getObject,
  lastCommitTouching,
  setClusterUp,
  signInAsGuest,
} from './sandboxState';

const APP_PATH = '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications';

test.describe('GitOps views in the sandbox', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('the entity tab shows every environment synced and healthy at the last commit that changed it', async ({
    page,
  }, testInfo) => {
    await page.goto('/catalog/default/component/payments-api/gitops');
    const grid = page.getByRole('table', { name: 'Environments by cluster' });
    for (const env of ['dev', 'staging', 'prod']) {
      const app = grid.getByRole('group', {
        name: `Application payments-api-${env}`,
      });
      await expect(app.getByText('Synced', { exact: true })).toBeVisible();
      await expect(app.getByText('Healthy', { exact: true })).toBeVisible();
      const revision = lastCommitTouching([
        'apps/payments-api/base',
        `apps/payments-api/overlays/${env}`,
        `clusters/${env}/argocd/payments-api.yaml`,
      ]);
      await expect(
        app.getByRole('link', { name: `Commit ${revision.slice(0, 7)}` }),
      ).toBeVisible();
    }
    await page.screenshot({
      path: testInfo.outputPath('entity-tab.png'),
      fullPage: true,
    });
  });

  test('the team overview shows what is broken first and follows a cluster change without reload', async ({
    page,
  }, testInfo) => {
    await page.goto('/catalog/default/group/payments/gitops');
    const rows = page
      .getByRole('table', { name: 'Services by environment' })
      .getByRole('row');
    await expect(rows.nth(1)).toContainText('fraud-scorer');
    await expect(rows.nth(1)).toContainText('Degraded');
    const ledger = rows.filter({ hasText: 'payments-ledger' });
    await expect(ledger).not.toContainText('Degraded');

    // Argo CD reports payments-ledger degraded in dev: the open page must follow (signals, no reload).
    const app = await getObject('dev', `${APP_PATH}/payments-ledger-dev`);
    app.status.health = {
      status: 'Degraded',
      message: 'Back-off restarting failed container',
    };
    await applyObject('dev', app);
    await expect(ledger).toContainText('Degraded');
    await page.screenshot({
      path: testInfo.outputPath('team-overview-live.png'),
      fullPage: true,
    });
  });

  test('a stopped cluster shows stale rows with their age while the others stay live', async ({
    page,
  }, testInfo) => {
    await page.goto('/catalog/default/component/payments-api/gitops');
    const grid = page.getByRole('table', { name: 'Environments by cluster' });
    await expect(
      grid.getByRole('group', { name: 'Application payments-api-staging' }),
    ).toBeVisible();
    await setClusterUp('staging', false);
    try {
      await expect(page.getByText(/Cluster staging/)).toBeVisible();
      const staging = grid.getByRole('group', {
        name: 'Application payments-api-staging',
      });
      await expect(staging.getByText(/stale/)).toBeVisible();
      // last-known status is kept, and the other clusters are not marked
      await expect(staging.getByText('Synced', { exact: true })).toBeVisible();
      await expect(
        grid
          .getByRole('group', { name: 'Application payments-api-dev' })
          .getByText(/stale/),
      ).toHaveCount(0);
      await page.screenshot({
        path: testInfo.outputPath('stale-cluster.png'),
        fullPage: true,
      });
    } finally {
      await setClusterUp('staging', true);
    }
  });
});
