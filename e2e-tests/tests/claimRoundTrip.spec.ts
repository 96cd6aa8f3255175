import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import {
  createAndReadPullRequest,
  openTemplate,
  pickEntity,
} from './scaffolder';
import {
  fileAt,
  getObject,
  githubApi,
  mergePullRequest,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
const CLAIM = 'payments-orders-db';
const ENVIRONMENTS = ['dev', 'staging', 'prod'];

test.describe('the Crossplane claim round trip', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a database claimed through the new-database form shows, once merged, with its composite and managed resource on the entity', async ({
    page,
  }, testInfo) => {
    await openTemplate(page, 'new-database', { repoUrl: CONFIG_REPO });
    await pickEntity(page, 'Service', 'payments-api', 'payments-api');
    await page.getByRole('textbox', { name: 'Database name' }).fill(CLAIM);
    await page
      .getByRole('group', { name: 'Parameters' })
      .getByRole('spinbutton', { name: 'storageGB' })
      .fill('30');
    await page.getByRole('button', { name: 'Next' }).click();
    const number = await createAndReadPullRequest(
      page,
      'Pull request',
      testInfo.outputPath('claim-task.png'),
    );

    // The claim carries the label the portal maps it by, wherever Argo CD applies it.
    const pull = await githubApi(`/repos/${CONFIG_REPO}/pulls/${number}`).then(
      r => r.json(),
    );
    const claim = parse(
      await fileAt(
        CONFIG_REPO,
        `apps/payments-api/claims/${CLAIM}.yaml`,
        pull.head.sha,
      ),
    );
    expect(claim.metadata.labels).toEqual({
      'backstage.io/kubernetes-id': 'payments-api',
    });

    // Merged: the sandbox's operator syncs each environment's Application, applies the claim it renders (with
    // Argo CD's tracking annotation) and composes it as Crossplane would (composite and managed resource, which
    // carry only Crossplane's own labels and are mapped through the claim).
    await mergePullRequest(CONFIG_REPO, number);
    await expect
      .poll(
        async () =>
          (
            await getObject(
              'dev',
              `/apis/platform.acme.io/v1alpha1/namespaces/payments-api/postgresqlinstances/${CLAIM}`,
            ).catch(() => undefined)
          )?.metadata?.annotations?.['argocd.argoproj.io/tracking-id'],
        { timeout: 60_000 },
      )
      .toBe(
        `payments-api-dev:platform.acme.io/PostgreSQLInstance:payments-api/${CLAIM}`,
      );

    await page.goto('/catalog/default/component/payments-api/gitops');
    const grid = page.getByRole('table', { name: 'Environments by cluster' });
    for (const env of ENVIRONMENTS) {
      const tree = grid
        .getByRole('group', { name: `Cluster ${env} in ${env}` })
        .getByRole('list', { name: `Crossplane resources of ${CLAIM}` });
      await expect(
        tree.getByText(
          new RegExp(
            `^claim: PostgreSQLInstance ${CLAIM} — Ready True, Synced True`,
          ),
        ),
      ).toBeVisible();
      await expect(
        tree.getByText(
          new RegExp(
            `^composite: XPostgreSQLInstance ${CLAIM}-[0-9a-f]{5} — Ready True, Synced True`,
          ),
        ),
      ).toBeVisible();
      await expect(
        tree.getByText(
          new RegExp(
            `^managed: Instance ${CLAIM}-[0-9a-f]{5} — Ready True, Synced True`,
          ),
        ),
      ).toBeVisible();
    }
    await page.screenshot({
      path: testInfo.outputPath('claim-on-entity.png'),
      fullPage: true,
    });
  });
});
