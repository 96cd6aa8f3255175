import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { applyObject, getObject, signInAsGuest } from './sandboxState';

const APP_PATH = '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications';
const DOCS = resolve(__dirname, '../../plugins/gitops/docs');

/** Screenshot into the test's output, and into the plugin README's docs/ when UPDATE_DOCS_SCREENSHOTS=1. */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    await page.screenshot({ path: resolve(DOCS, name), fullPage: true });
  }
}

/** axe-core's serious and critical violations on the page as it is now (none is the bar). */
async function seriousViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ')) }));
}

/** The texts of a headline number: value, what it counts, definition. */
const tile = (page: Page, name: string) =>
  page
    .getByRole('term')
    .filter({ hasText: name })
    .locator('xpath=..')
    .getByRole('definition');

test.describe('delivery metrics', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test("a service's metrics show the seeded history with definitions, charts with data tables, and pass axe", async ({
    page,
  }, testInfo) => {
    await page.goto('/catalog/default/component/payments-api/gitops');
    await expect(page.getByRole('term').first()).toBeVisible();
    // The sandbox seeds 90 days of history: the 30-day numbers are not empty.
    await expect(tile(page, 'Deployment frequency').nth(1)).toHaveText(
      /^[1-9]\d* deployments in 30 days$/,
    );
    await expect(tile(page, 'Change failure rate').nth(2)).toContainText(
      'Change failure rate:',
    );
    await expect(
      page.getByRole('figure', { name: /^Deployments: / }),
    ).toBeVisible();
    await expect(
      page.getByRole('figure', { name: /^Lead time and time to restore/ }),
    ).toBeVisible();

    await page.getByRole('button', { name: '90 days' }).click();
    await expect(tile(page, 'Deployment frequency').nth(1)).toHaveText(
      /deployments in 90 days$/,
    );
    await page.getByText('Deployments as a table').click();
    // 90 days by week: 13 buckets and the header row.
    await expect(
      page.getByRole('figure', { name: /^Deployments: / }).getByRole('row'),
    ).toHaveCount(14);

    expect(await seriousViolations(page)).toEqual([]);
    await page
      .getByRole('button', { name: 'Download CSV' })
      .scrollIntoViewIfNeeded();
    await screenshot(page, testInfo, 'delivery-metrics.png');
  });

  test("a team's metrics download as CSV", async ({ page }, testInfo) => {
    await page.goto('/catalog/default/group/payments/gitops');
    await expect(
      page.getByText(/^\d+ entities, all environments/),
    ).toBeVisible();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(
      'delivery-metrics-group_default_payments-30d.csv',
    );
    const path = testInfo.outputPath('team-metrics.csv');
    await download.saveAs(path);
    const lines = readFileSync(path, 'utf8').trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'subject,environment,bucketStart,deployments,failedDeployments,changeFailureRate,leadTimeSamples,leadTimeMedianSeconds,incidents,restoredIncidents,timeToRestoreMedianSeconds',
    );
    // A header and 30 daily buckets.
    expect(lines).toHaveLength(31);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'delivery-metrics-team.png');
  });

  test('an incident shows as open, then restored, without reload (signals)', async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/payments-ledger/gitops');
    const restore = tile(page, 'Time to restore').nth(1);
    await expect(restore).toHaveText(/, 0 open$/);
    const app = await getObject(
      'staging',
      `${APP_PATH}/payments-ledger-staging`,
    );
    app.status.health = {
      status: 'Degraded',
      message: 'Back-off restarting failed container',
    };
    await applyObject('staging', app);
    await expect(restore).toHaveText(/, 1 open$/);
    // Healthy again, as the later specs expect payments-ledger to be.
    app.status.health = { status: 'Healthy' };
    await applyObject('staging', app);
    await expect(restore).toHaveText(/, 0 open$/);
  });
});
