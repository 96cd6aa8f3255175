import { expect, test } from '@playwright/test';
import {
  createAndReadPullRequest,
  openTemplate,
  pickEntity,
} from './scaffolder';
import {
  mergePullRequest,
  pullRequestFiles,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
// payments-ledger: a Payments service delivered by Argo CD (self-heal and prune on everywhere in the seeded demo);
// no other test changes its prod Application.
const PROD_APPLICATION = 'clusters/prod/argocd/payments-ledger.yaml';

test.describe('the drift policy golden path', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test("turning prod's self-heal off opens a PR with that one change, and once merged the entity shows the new policy", async ({
    page,
  }, testInfo) => {
    const prod = page
      .getByRole('table', { name: 'Environments by cluster' })
      .getByRole('group', { name: 'Application payments-ledger-prod' });
    await page.goto('/catalog/default/component/payments-ledger/gitops');
    await expect(
      prod.getByLabel('Drift policy: auto-sync, self-heal on, prune on'),
    ).toBeVisible();

    await openTemplate(page, 'set-drift-policy', { repoUrl: CONFIG_REPO });
    await pickEntity(page, 'Service', 'payments-ledger', 'payments-ledger');
    await page.getByRole('button', { name: /^Environment/ }).click();
    await page.getByRole('option', { name: 'prod', exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page
      .getByRole('button', { name: /^Revert changes made in the cluster/ })
      .click();
    await page.getByRole('option', { name: 'Off', exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    const number = await createAndReadPullRequest(
      page,
      'Pull request',
      testInfo.outputPath('drift-policy-task.png'),
    );

    // Exactly the prod Application's self-heal; prune and the other environments keep what they had.
    const files = await pullRequestFiles(CONFIG_REPO, number);
    expect(files.map(f => f.filename)).toEqual([PROD_APPLICATION]);
    expect(files[0].patch).toMatch(/-\s+selfHeal: true\n\+\s+selfHeal: false/);
    expect(files[0].patch).not.toMatch(/^[-+]\s+prune:/m);

    // Merged as a reviewer would; the sandbox's operator applies the Application and the open page follows.
    const mergeCommit = await mergePullRequest(CONFIG_REPO, number);
    await page.goto('/catalog/default/component/payments-ledger/gitops');
    await expect(
      prod.getByRole('link', { name: `Commit ${mergeCommit.slice(0, 7)}` }),
    ).toBeVisible();
    await expect(
      prod.getByLabel('Drift policy: auto-sync, self-heal off, prune on'),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('drift-policy-on-entity.png'),
      fullPage: true,
    });
  });
});
