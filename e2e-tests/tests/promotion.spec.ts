import { expect, test, type Page } from '@playwright/test';
import {
  guestToken,
  mergePullRequest,
  openPreviewedPullRequest,
  pullRequestFiles,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
const STAGING_OVERLAY = 'apps/payments-api/overlays/staging/kustomization.yaml';

/** Clicks a delivery button of a service's entity tab, confirms, and returns the number of the PR it links to. */
async function openPullRequestWith(
  page: Page,
  button: string,
  shot: string,
  service = 'payments-api',
) {
  await page.goto(`/catalog/default/component/${service}/gitops`);
  await page.getByRole('button', { name: button }).click();
  // The dialog shows the validated change (a diff of the overlay) before anything is written.
  const number = await openPreviewedPullRequest(page, 'kustomization.yaml');
  await page.screenshot({ path: shot, fullPage: true });
  return number;
}

test.describe('promotions open pull requests', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a Payments member promotes dev → staging: a PR with exactly the image change', async ({
    page,
  }, testInfo) => {
    const number = await openPullRequestWith(
      page,
      'Promote dev → staging',
      testInfo.outputPath('promotion-pr.png'),
    );
    const files = await pullRequestFiles(CONFIG_REPO, number);
    expect(files.map(f => f.filename)).toEqual([STAGING_OVERLAY]);
    expect(files[0].patch).toMatch(/-\s+newTag: 1\.3\.2\n\+\s+newTag: 1\.4\.0/);
  });

  test('after the promotion is merged, rolling staging back opens the reverting PR', async ({
    page,
  }, testInfo) => {
    // the promotion (idempotent: the same PR if it is already open), merged as a reviewer would on GitHub
    const promotion = await page.request
      .post('/api/gitops/entities/component/default/payments-api/promotions', {
        headers: { authorization: `Bearer ${await guestToken(page)}` },
        data: { from: 'dev', to: 'staging' },
      })
      .then(r => r.json());
    await mergePullRequest(CONFIG_REPO, promotion.number);

    const number = await openPullRequestWith(
      page,
      'Roll back staging',
      testInfo.outputPath('rollback-pr.png'),
    );
    const files = await pullRequestFiles(CONFIG_REPO, number);
    expect(files.map(f => f.filename)).toEqual([STAGING_OVERLAY]);
    expect(files[0].patch).toMatch(/-\s+newTag: 1\.4\.0\n\+\s+newTag: 1\.3\.2/);
  });

  test('once the promotion PR is merged, staging shows Synced and Healthy at the merge commit', async ({
    page,
  }, testInfo) => {
    // payments-ledger: no other test promotes it, so this one starts from the seeded demo
    const number = await openPullRequestWith(
      page,
      'Promote dev → staging',
      testInfo.outputPath('ledger-promotion-pr.png'),
      'payments-ledger',
    );
    const mergeCommit = await mergePullRequest(CONFIG_REPO, number);

    // the sandbox's operator syncs the merge; the open page follows without reload
    const staging = page
      .getByRole('table', { name: 'Environments by cluster' })
      .getByRole('group', { name: 'Application payments-ledger-staging' });
    await expect(
      staging.getByRole('link', { name: `Commit ${mergeCommit.slice(0, 7)}` }),
    ).toBeVisible();
    await expect(staging.getByText('Synced', { exact: true })).toBeVisible();
    await expect(staging.getByText('Healthy', { exact: true })).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('ledger-staging-synced.png'),
      fullPage: true,
    });
  });

  test("another team's service shows no promote button, and the backend refuses a direct call", async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/checkout-web/gitops');
    await expect(
      page.getByRole('table', { name: 'Environments by cluster' }),
    ).toBeVisible();
    await expect(
      page.getByRole('button', { name: /^(Promote|Roll back)/ }),
    ).toHaveCount(0);

    const response = await page.request.post(
      '/api/gitops/entities/component/default/checkout-web/promotions',
      {
        headers: { authorization: `Bearer ${await guestToken(page)}` },
        data: { from: 'dev', to: 'staging' },
      },
    );
    expect(response.status()).toBe(403);
  });
});
