import { expect, test } from '@playwright/test';
import { openTemplate, pickEntity } from './scaffolder';
import { githubApi, signInAsGuest } from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';

test.describe('the promote template authorizes its initiator', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test("a Payments member who promotes the Checkout team's service sees the refusal, and no branch is pushed", async ({
    page,
  }, testInfo) => {
    await openTemplate(page, 'promote-service', { repoUrl: CONFIG_REPO });
    await pickEntity(page, 'Service', 'checkout-web', 'checkout-web');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Review' }).click();
    await page.getByRole('button', { name: 'Create' }).click();

    // the task log names the permission and the entity
    await expect(
      page
        .getByText(
          'Not allowed: gitops.promote on component:default/checkout-web',
        )
        .first(),
    ).toBeVisible({ timeout: 90_000 });
    await page.screenshot({
      path: testInfo.outputPath('promotion-refused.png'),
      fullPage: true,
    });
    await expect(page.getByRole('link', { name: /^Pull request/ })).toHaveCount(
      0,
    );

    const branches: Array<{ name: string }> = await githubApi(
      `/repos/${CONFIG_REPO}/branches?per_page=100`,
    ).then(r => r.json());
    expect(
      branches.filter(b => b.name.startsWith('gitops/promote/checkout-web')),
    ).toEqual([]);
  });
});
