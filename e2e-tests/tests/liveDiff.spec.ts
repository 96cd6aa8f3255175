import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { resolve } from 'node:path';
import { applyObject, signInAsGuest } from './sandboxState';

/*
 * Issue 20 point 2: the live vs desired diff of an OutOfSync Application. The sandbox seeds pricing-engine as
 * OutOfSync in staging; the test writes a drifted live Deployment and expects the diff to show the drifted field
 * and no serious axe-core violation.
 */

const DOCS = resolve(__dirname, '../../plugins/gitops/docs');
const LABEL = 'Application pricing-engine-staging in staging';

/** Into the test's output, and the plugin README's docs/ when UPDATE_DOCS_SCREENSHOTS=1. */
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

test.describe('live vs desired diff', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('an OutOfSync Application shows its drifted Deployment as a diff of desired against live, and passes axe', async ({
    page,
  }, testInfo) => {
    // The sandbox's operator applies only the clusters/ tree, so the workload is written here, as a
    // `kubectl apply` plus a hand `kubectl scale` would leave it.
    const replicas = 7;
    await applyObject('staging', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'pricing-engine',
        namespace: 'pricing-engine',
        labels: { app: 'pricing-engine' },
      },
      spec: {
        replicas,
        selector: { matchLabels: { app: 'pricing-engine' } },
        template: {
          metadata: { labels: { app: 'pricing-engine' } },
          spec: {
            containers: [
              {
                name: 'pricing-engine',
                image: 'ghcr.io/acme/pricing-engine:hotfix',
              },
            ],
          },
        },
      },
    });

    await page.goto('/catalog/default/component/pricing-engine/gitops');
    await page
      .getByRole('button', { name: `Show live diff of ${LABEL}` })
      .click();
    const diff = page.getByRole('region', { name: `Live diff of ${LABEL}` });
    await expect(diff).toBeVisible();
    await expect(diff.getByText(/resources differ/)).toBeVisible();
    const deployment = diff.getByRole('region', {
      name: 'Diff of Deployment pricing-engine/pricing-engine',
    });
    await expect(deployment).toContainText(`replicas: ${replicas}`);
    await expect(deployment).toContainText(
      'Deployment pricing-engine/pricing-engine: differs from the config repo',
    );

    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, testInfo, 'live-diff.png');
  });

  test('the diff closes again and is reachable by keyboard', async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/pricing-engine/gitops');
    const toggle = page.getByRole('button', {
      name: `Show live diff of ${LABEL}`,
    });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(
      page.getByRole('region', { name: `Live diff of ${LABEL}` }),
    ).toBeVisible();
    await page
      .getByRole('button', { name: `Hide live diff of ${LABEL}` })
      .press('Enter');
    await expect(
      page.getByRole('region', { name: `Live diff of ${LABEL}` }),
    ).toHaveCount(0);
  });
});
