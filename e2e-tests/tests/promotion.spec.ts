import { expect, test, type Page } from '@playwright/test';
import { githubToken, signInAsGuest } from './sandboxState';

const GITHUB = 'http://127.0.0.1:7100';
const STAGING_OVERLAY = 'apps/payments-api/overlays/staging/kustomization.yaml';

/** The GitHub emulator's REST API, as a reviewer's tools would call it. */
function github(path: string, init: RequestInit = {}) {
  return fetch(`${GITHUB}/repos/acme/gitops-config${path}`, {
    ...init,
    headers: {
      authorization: `token ${githubToken()}`,
      'content-type': 'application/json',
    },
  });
}

/** The signed-in guest's Backstage token, for calling the backend directly. */
async function guestToken(page: Page): Promise<string> {
  const { backstageIdentity } = await page.request
    .post('/api/auth/guest/refresh', {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    })
    .then(r => r.json());
  return backstageIdentity.token;
}

/** Clicks a delivery button of the entity tab, confirms, and returns the number of the PR it links to. */
async function openPullRequestWith(page: Page, button: string, shot: string) {
  await page.goto('/catalog/default/component/payments-api/gitops');
  await page.getByRole('button', { name: button }).click();
  await page.getByRole('button', { name: 'Open pull request' }).click();
  const link = page.getByRole('link', { name: /^#\d+/ });
  await expect(link).toBeVisible();
  await page.screenshot({ path: shot, fullPage: true });
  return Number((await link.textContent())!.match(/#(\d+)/)![1]);
}

async function pullRequestFiles(number: number) {
  const files: Array<{ filename: string; patch: string }> = await github(
    `/pulls/${number}/files`,
  ).then(r => r.json());
  return files;
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
    const files = await pullRequestFiles(number);
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
    const merge = await github(`/pulls/${promotion.number}/merge`, {
      method: 'PUT',
      body: JSON.stringify({ merge_method: 'merge' }),
    });
    expect(merge.status).toBe(200);

    const number = await openPullRequestWith(
      page,
      'Roll back staging',
      testInfo.outputPath('rollback-pr.png'),
    );
    const files = await pullRequestFiles(number);
    expect(files.map(f => f.filename)).toEqual([STAGING_OVERLAY]);
    expect(files[0].patch).toMatch(/-\s+newTag: 1\.4\.0\n\+\s+newTag: 1\.3\.2/);
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
