import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { resolve } from 'node:path';
import { parse } from 'yaml';
import { fileAt, lastCommitTouching, signInAsGuest } from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
const SERVICE = 'payments-api';
const ENVIRONMENTS = ['dev', 'staging', 'prod'];
const DOCS = resolve(__dirname, '../../plugins/gitops/docs');

/** Screenshot into the test's output, and into the plugin README's docs/ when UPDATE_DOCS_SCREENSHOTS=1. */
async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    await page.screenshot({ path: resolve(DOCS, name), fullPage: true });
  }
}

/** The config-repo commit the sandbox's operator synced an environment of the service at. */
const revisionOf = (environment: string) =>
  lastCommitTouching([
    `apps/${SERVICE}/base`,
    `apps/${SERVICE}/overlays/${environment}`,
    `clusters/${environment}/argocd/${SERVICE}.yaml`,
  ]);

/** The image tag the environment's overlay pins at that commit: what the pipeline must say it runs. */
async function pinnedTag(environment: string): Promise<string> {
  const overlay = parse(
    await fileAt(
      CONFIG_REPO,
      `apps/${SERVICE}/overlays/${environment}/kustomization.yaml`,
      revisionOf(environment),
    ),
  ) as { images: Array<{ newTag: string }> };
  return String(overlay.images[0].newTag);
}

const pipeline = (page: Page) =>
  page.getByRole('region', { name: 'Promotion pipeline' });
const column = (page: Page, environment: string) =>
  pipeline(page).getByRole('region', { name: `Environment ${environment}` });

test.describe('the promotion pipeline of a service', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('shows one column per environment with its version, commit and status, and what differs between them', async ({
    page,
  }, testInfo) => {
    await page.goto(`/catalog/default/component/${SERVICE}/gitops`);
    await expect(pipeline(page)).toBeVisible();

    const names = await pipeline(page)
      .getByRole('region', { name: /^Environment / })
      .evaluateAll(regions => regions.map(r => r.getAttribute('aria-label')));
    expect(names).toEqual(ENVIRONMENTS.map(env => `Environment ${env}`));

    for (const environment of ENVIRONMENTS) {
      const env = column(page, environment);
      await expect(env.getByText(await pinnedTag(environment))).toBeVisible();
      const revision = revisionOf(environment);
      await expect(
        env.getByRole('link', { name: `Commit ${revision.slice(0, 7)}` }),
      ).toBeVisible();
      // status in words beside Backstage's coloured icon
      await expect(env.getByText('Healthy', { exact: true })).toBeVisible();
      await expect(env.getByText(/^Changed .* ago$/)).toBeVisible();
    }

    // Between two adjacent environments: what differs, in words.
    const devToStaging = pipeline(page).getByRole('complementary', {
      name: /^From dev to staging: /,
    });
    await expect(devToStaging).toBeVisible();
    if ((await pinnedTag('dev')) !== (await pinnedTag('staging'))) {
      await expect(devToStaging).toContainText(await pinnedTag('dev'));
    }

    await screenshot(page, testInfo, 'entity-pipeline.png');
  });

  test('puts promote and roll back on the columns: every later environment, a preview before the pull request', async ({
    page,
  }) => {
    await page.goto(`/catalog/default/component/${SERVICE}/gitops`);
    const dev = column(page, 'dev');
    await expect(
      dev.getByRole('button', { name: /^Promote dev → / }),
    ).toHaveCount(2);
    await expect(
      column(page, 'prod').getByRole('button', { name: /^Promote/ }),
    ).toHaveCount(0);
    await expect(
      column(page, 'prod').getByRole('button', { name: 'Roll back prod' }),
    ).toBeVisible();

    await dev.getByRole('button', { name: 'Promote dev → staging' }).click();
    await expect(
      page.getByRole('region', { name: 'Proposed change' }),
    ).toContainText('kustomization.yaml');
    await page.getByRole('button', { name: 'Cancel' }).click();
  });

  test("another team's service has no buttons and says which permission is missing", async ({
    page,
  }) => {
    await page.goto('/catalog/default/component/checkout-web/gitops');
    await expect(pipeline(page)).toBeVisible();
    await expect(
      page.getByRole('button', { name: /^(Promote|Roll back)/ }),
    ).toHaveCount(0);
    await expect(page.getByText(/gitops\.promote/)).toBeVisible();
  });

  test('has no serious accessibility violation (axe-core)', async ({
    page,
  }) => {
    await page.goto(`/catalog/default/component/${SERVICE}/gitops`);
    await expect(column(page, 'prod')).toBeVisible();
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(
      violations
        .filter(v => v.impact === 'serious' || v.impact === 'critical')
        .map(v => ({ id: v.id, nodes: v.nodes.map(n => n.target.join(' ')) })),
    ).toEqual([]);
  });
});
