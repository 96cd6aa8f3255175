import { expect, test } from '@playwright/test';
import { signInAsGuest } from './sandboxState';

test.describe('the sandbox portal', () => {
  test.beforeEach(async ({ page }) => {
    await signInAsGuest(page);
    // `/` is the home page; the catalog is at /catalog, as in a stock Backstage app
    await page.goto('/catalog');
  });

  test("a guest signs in and sees this project's own components in the catalog", async ({
    page,
  }, testInfo) => {
    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await expect(
      nav.getByRole('link', { name: 'Catalog', exact: true }),
    ).toBeVisible();
    for (const component of [
      'Portal backend',
      'Kubernetes API emulator',
      'GitHub API emulator',
    ]) {
      // the list is paged: find each one through the catalog's own search box, as a person would
      await page.getByPlaceholder('Search').fill(component);
      await expect(
        page.getByRole('link', { name: component, exact: true }),
      ).toBeVisible();
    }
    await page.screenshot({
      path: testInfo.outputPath('catalog.png'),
      fullPage: true,
    });
  });

  test("the demo teams' services are in the catalog", async ({
    page,
  }, testInfo) => {
    await page.getByPlaceholder('Search').fill('payments-api');
    await page.getByRole('link', { name: 'payments-api', exact: true }).click();
    await expect(
      page.getByRole('heading', { name: 'payments-api' }).first(),
    ).toBeVisible();
    // owned by the demo's Payments team, shown by its title
    await expect(
      page.getByRole('link', { name: 'Payments', exact: true }).first(),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('payments-api.png'),
      fullPage: true,
    });
  });
});
