import { expect, test } from '@playwright/test';
import { githubToken, signInAsGuest } from './sandboxState';

const GITHUB = 'http://127.0.0.1:7100';

test.describe('promotions open pull requests', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a Payments member promotes dev → staging: a PR with exactly the image change', async ({
    page,
  }, testInfo) => {
    await page.goto('/catalog/default/component/payments-api/gitops');
    await page.getByRole('button', { name: 'Promote dev → staging' }).click();
    await page.getByRole('button', { name: 'Open pull request' }).click();
    const link = page.getByRole('link', { name: /^#\d+/ });
    await expect(link).toBeVisible();
    const number = Number((await link.textContent())!.match(/#(\d+)/)![1]);
    await page.screenshot({
      path: testInfo.outputPath('promotion-pr.png'),
      fullPage: true,
    });

    const files = await fetch(
      `${GITHUB}/repos/acme/gitops-config/pulls/${number}/files`,
      {
        headers: { authorization: `token ${githubToken()}` },
      },
    ).then(r => r.json());
    expect(files.map((f: { filename: string }) => f.filename)).toEqual([
      'apps/payments-api/overlays/staging/kustomization.yaml',
    ]);
    expect(files[0].patch).toMatch(/-\s+newTag: 1\.3\.2\n\+\s+newTag: 1\.4\.0/);
  });

  test('after the promotion is merged, rolling staging back opens the reverting PR', async ({
    page,
  }, testInfo) => {
    // the promotion (idempotent: the same PR if it is already open), merged as a reviewer would on GitHub
    const { backstageIdentity } = await page.request
      .post('/api/auth/guest/refresh', {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      })
      .then(r => r.json());
    const promotion = await page.request
      .post('/api/gitops/entities/component/default/payments-api/promotions', {
        headers: { authorization: `Bearer ${backstageIdentity.token}` },
        data: { from: 'dev', to: 'staging' },
      })
      .then(r => r.json());
    const merge = await fetch(
      `${GITHUB}/repos/acme/gitops-config/pulls/${promotion.number}/merge`,
      {
        method: 'PUT',
        headers: {
          authorization: `token ${githubToken()}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify({ merge_method: 'merge' }),
      },
    );
    expect(merge.status).toBe(200);

    await page.goto('/catalog/default/component/payments-api/gitops');
    await page.getByRole('button', { name: 'Roll back staging' }).click();
    await page.getByRole('button', { name: 'Open pull request' }).click();
    const link = page.getByRole('link', { name: /^#\d+/ });
    await expect(link).toBeVisible();
    const number = Number((await link.textContent())!.match(/#(\d+)/)![1]);
    await page.screenshot({
      path: testInfo.outputPath('rollback-pr.png'),
      fullPage: true,
    });
    const files = await fetch(
      `${GITHUB}/repos/acme/gitops-config/pulls/${number}/files`,
      {
        headers: { authorization: `token ${githubToken()}` },
      },
    ).then(r => r.json());
    expect(files.map((f: { filename: string }) => f.filename)).toEqual([
      'apps/payments-api/overlays/staging/kustomization.yaml',
    ]);
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

    const { backstageIdentity } = await page.request
      .post('/api/auth/guest/refresh', {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      })
      .then(r => r.json());
    const response = await page.request.post(
      '/api/gitops/entities/component/default/checkout-web/promotions',
      {
        headers: { authorization: `Bearer ${backstageIdentity.token}` },
        data: { from: 'dev', to: 'staging' },
      },
    );
    expect(response.status()).toBe(403);
  });
});
