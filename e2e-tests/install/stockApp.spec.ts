import { expect, type Page, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { scaffoldService } from '../tests/scaffolder';

/** The sandbox state scripts/install-test.sh started the emulators with (for the GitHub emulator's token). */
const STATE_DIR = process.env.INSTALL_TEST_STATE_DIR ?? '';
const GITHUB_API = 'http://127.0.0.1:7100';
const CONFIG_REPO = 'acme/gitops-config';

function githubToken(): string {
  if (!STATE_DIR) throw new Error('INSTALL_TEST_STATE_DIR is not set');
  return JSON.parse(readFileSync(resolve(STATE_DIR, 'secrets.json'), 'utf8'))
    .githubToken;
}

/** The stock app's guest sign-in, then its sidebar. */
async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

test.describe('a stock Backstage app with the packed plugins installed from the README', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test("an entity's GitOps tab shows the status of its Applications in the emulated clusters", async ({
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
    }
    await page.screenshot({
      path: testInfo.outputPath('entity-gitops-tab.png'),
      fullPage: true,
    });
  });

  test("the team page's GitOps tab lists the team's services", async ({
    page,
  }, testInfo) => {
    await page.goto('/catalog/default/group/payments/gitops');
    const rows = page
      .getByRole('table', { name: 'Services by environment' })
      .getByRole('row');
    for (const service of ['payments-api', 'payments-ledger', 'fraud-scorer']) {
      await expect(rows.filter({ hasText: service })).toHaveCount(1);
    }
    await page.screenshot({
      path: testInfo.outputPath('team-gitops-tab.png'),
      fullPage: true,
    });
  });

  test('the new-service template opens a pull request in the GitHub emulator', async ({
    page,
  }, testInfo) => {
    const name = 'stock-app-service';
    const number = await scaffoldService(
      page,
      name,
      testInfo.outputPath('new-service-task.png'),
    );
    const response = await fetch(
      `${GITHUB_API}/repos/${CONFIG_REPO}/pulls/${number}`,
      { headers: { authorization: `token ${githubToken()}` } },
    );
    expect(response.status).toBe(200);
    const pull = (await response.json()) as {
      state: string;
      head: { ref: string };
    };
    expect(pull.state).toBe('open');
    expect(pull.head.ref).toContain(name);
  });
});
