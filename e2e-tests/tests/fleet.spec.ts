import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { resolve } from 'node:path';
import {
  applyObject,
  getObject,
  setClusterUp,
  signInAsGuest,
} from './sandboxState';

const APP_PATH = '/apis/argoproj.io/v1alpha1/namespaces/argocd/applications';
const DOCS = resolve(__dirname, '../../plugins/gitops/docs');

/**
 * Screenshot of a view: into the test's output, and into the plugin README's docs/ when
 * UPDATE_DOCS_SCREENSHOTS=1 (so an ordinary run leaves the work tree alone).
 */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    await page.screenshot({ path: resolve(DOCS, name), fullPage: true });
  }
}

/**
 * axe-core's serious and critical violations on the page as it is now (none is the bar). `disabledRules` only for a
 * stock Backstage view whose markup we do not own, each with the upstream issue.
 */
async function seriousViolations(page: Page, disabledRules: string[] = []) {
  const { violations } = await new AxeBuilder({ page })
    .disableRules(disabledRules)
    .analyze();
  return violations
    .filter(v => v.impact === 'serious' || v.impact === 'critical')
    .map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ')) }));
}

const fleetTable = (page: Page) =>
  page.getByRole('table', { name: 'Services by environment' });
const fleetRows = (page: Page) =>
  fleetTable(page)
    .getByRole('row')
    .filter({ has: page.getByRole('link') });

test.describe('fleet, home and catalog', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('the home page is at / and the catalog at /catalog', async ({
    page,
  }, testInfo) => {
    const nav = page.getByRole('navigation', { name: 'sidebar nav' });
    await nav.getByRole('link', { name: 'Catalog', exact: true }).click();
    // the sidebar item (the logo is a "Home" link too, without text)
    await nav
      .getByRole('link', { name: 'Home', exact: true })
      .filter({ hasText: 'Home' })
      .click();
    await expect(page).toHaveURL(/:7007\/$/);
    await expect(
      page.getByRole('link', { name: 'Open the GitOps fleet view' }),
    ).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'home.png');

    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true })
      .click();
    await expect(page).toHaveURL(/\/catalog(\?|$)/);
    await page.getByPlaceholder('Search').fill('payments-api');
    await expect(
      page.getByRole('link', { name: 'payments-api', exact: true }),
    ).toBeVisible();
    // The stock catalog table's sortable headers nest focusable controls in MUI's TableSortLabel
    // (@material-table/core, material-table-core/core#929): upstream markup, not this project's.
    expect(await seriousViolations(page, ['nested-interactive'])).toEqual([]);
  });

  test("the sidebar's GitOps item opens the guest's team, broken now first", async ({
    page,
  }, testInfo) => {
    await page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'GitOps', exact: true })
      .click();
    await expect(page).toHaveURL(/\/gitops$/);
    // the sandbox's guest owns group:default/payments (app-config.sandbox.yaml)
    await expect(page.getByText('Your teams: payments')).toBeVisible();
    // payments-api, payments-ledger, fraud-scorer (services.yaml) and payments-webhooks (charts.yaml)
    await expect(fleetRows(page)).toHaveCount(4);
    await expect(fleetRows(page).first()).toContainText('fraud-scorer');
    await expect(fleetRows(page).first()).toContainText('Degraded');
    await expect(page.getByText('1 broken now')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'fleet.png');
  });

  test('filters live in the URL: a link or a reload shows the same view', async ({
    page,
  }, testInfo) => {
    await page.goto('/gitops?env=prod&health=Healthy');
    await expect(fleetRows(page)).toHaveCount(3);
    await expect(fleetRows(page)).not.toContainText(['fraud-scorer']);
    await expect(
      fleetTable(page).getByRole('columnheader').allTextContents(),
    ).resolves.toEqual(['Service', 'prod']);

    await page.getByRole('textbox', { name: 'Search services' }).fill('ledger');
    await expect(page).toHaveURL(/[?&]q=ledger/);
    await page.reload();
    await expect(fleetRows(page)).toHaveCount(1);
    await expect(fleetRows(page).first()).toContainText('payments-ledger');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'fleet-filtered.png');
  });

  test('arrow keys move between cells and Enter opens the service', async ({
    page,
  }) => {
    await page.goto('/gitops');
    const first = fleetRows(page).first().getByRole('link');
    await expect(first).toHaveText('fraud-scorer');
    await first.focus();
    await page.keyboard.press('ArrowDown');
    const second = fleetRows(page).nth(1).getByRole('link');
    await expect(second).toBeFocused();
    await page.keyboard.press('ArrowRight');
    // the row's cells: the service (holding the link), then dev, staging, prod
    await expect(fleetRows(page).nth(1).getByRole('cell').nth(1)).toBeFocused();
    await page.keyboard.press('ArrowLeft');
    const name = await second.textContent();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(
      new RegExp(`/catalog/default/component/${name}$`),
    );
  });

  test('follows a cluster change without reload, and says how old stale data is', async ({
    page,
  }, testInfo) => {
    await page.goto('/gitops');
    const api = fleetRows(page).filter({ hasText: 'payments-api' });
    await expect(api).not.toContainText('Degraded');

    const app = await getObject('staging', `${APP_PATH}/payments-api-staging`);
    const before = structuredClone(app);
    app.status.health = { status: 'Degraded', message: 'probe failing' };
    await applyObject('staging', app);
    try {
      await expect(api).toContainText('Degraded');
      await expect(fleetRows(page).nth(1)).toContainText('payments-api');
    } finally {
      await applyObject('staging', before);
    }
    await expect(api).not.toContainText('Degraded');

    await setClusterUp('staging', false);
    try {
      await expect(page.getByText(/stale for \d+[smh]/)).toBeVisible();
      await expect(api).toContainText(/stale \d+[smh]/);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, testInfo, 'fleet-stale.png');
    } finally {
      await setClusterUp('staging', true);
    }
  });

  test("a component's overview has a GitOps card, one line per environment", async ({
    page,
  }, testInfo) => {
    await page.goto('/catalog/default/component/payments-api');
    const lines = page
      .getByRole('list', { name: 'GitOps status by environment' })
      .getByRole('listitem');
    await expect(lines).toHaveCount(3);
    await expect(lines.nth(0)).toContainText('dev');
    await expect(lines.nth(2)).toContainText('prod');
    await expect(lines.nth(2)).toContainText('Healthy');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'overview-card.png');
  });
});
