import { expect, test, type Page } from '@playwright/test';
import {
  getObject,
  mergePullRequest,
  pullRequestFiles,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
// The sandbox's multi-source Application (packages/sandbox/src/demo/chartService.ts): the remote Helm chart
// webhook-relay 2.3.1 plus a `ref: values` source on the config repo, whose values file pins the image.
const SERVICE = 'payments-webhooks';
const STAGING_VALUES = `apps/${SERVICE}/envs/staging/values.yaml`;
const CHART_VERSION = '2.3.1';

const application = (page: Page, environment: string) =>
  page
    .getByRole('table', { name: 'Environments by cluster' })
    .getByRole('group', { name: `Application ${SERVICE}-${environment}` });

/** The entry of the Application's "Sources" list for one source. */
const source = (page: Page, environment: string, text: string) =>
  application(page, environment)
    .getByRole('list', { name: 'Sources' })
    .getByRole('listitem')
    .filter({ hasText: text });

test.describe('a multi-source Application (remote Helm chart, values from the config repo)', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a promotion that edits the values file is Synced and Healthy at the merge commit, judged by the values source, with every source in the history', async ({
    page,
  }, testInfo) => {
    await page.goto(`/catalog/default/component/${SERVICE}/gitops`);
    // Before: both sources are shown, the chart at its version.
    await expect(
      source(page, 'staging', 'chart webhook-relay').getByText(CHART_VERSION),
    ).toBeVisible();
    await expect(source(page, 'staging', 'ref values')).toBeVisible();

    // The promotion, through the entity's button: the dialog previews the values file before anything is written.
    await page.getByRole('button', { name: 'Promote dev → staging' }).click();
    await expect(
      page.getByRole('region', { name: 'Proposed change' }),
    ).toContainText('values.yaml');
    await page.getByRole('button', { name: 'Open pull request' }).click();
    const link = page
      .getByRole('alert')
      .filter({ hasText: 'Pull request opened' })
      .getByRole('link');
    await expect(link).toBeVisible();
    const number = Number((await link.textContent())!.match(/#(\d+)/)![1]);

    const files = await pullRequestFiles(CONFIG_REPO, number);
    expect(files.map(f => f.filename)).toEqual([STAGING_VALUES]);
    expect(files[0].patch).toMatch(/-\s+tag: 1\.3\.2\n\+\s+tag: 1\.4\.0/);

    const mergeCommit = await mergePullRequest(CONFIG_REPO, number);
    const short = mergeCommit.slice(0, 7);

    // The sandbox's operator (Argo CD's stand-in) syncs the merge and writes every source's revision, as Argo CD
    // does for a multi-source Application: the chart at its version, the values source at the merge commit.
    await expect
      .poll(
        async () => {
          const app = await getObject(
            'staging',
            `/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/${SERVICE}-staging`,
          );
          return [app.status?.sync?.revisions, app.status?.health?.status];
        },
        { timeout: 30_000 },
      )
      .toEqual([[CHART_VERSION, mergeCommit], 'Healthy']);

    // The entity: synced at the merge commit through the values source; the chart still at its version.
    const staging = application(page, 'staging');
    await expect(
      source(page, 'staging', 'ref values').getByRole('link', {
        name: `Commit ${short}`,
      }),
    ).toBeVisible();
    await expect(
      source(page, 'staging', 'chart webhook-relay').getByText(CHART_VERSION),
    ).toBeVisible();
    await expect(staging.getByText('Synced', { exact: true })).toBeVisible();
    await expect(staging.getByText('Healthy', { exact: true })).toBeVisible();

    // The promotion pipeline's staging column: its config commit is the values source's, not the chart's version.
    await expect(
      page
        .getByRole('region', { name: 'Promotion pipeline' })
        .getByRole('region', { name: 'Environment staging' })
        .getByRole('link', { name: `Commit ${short}` }),
    ).toBeVisible();

    // The delivery of the pull request: Synced and Healthy in staging, judged against the values source (the
    // Application's first source, the chart, never contains a config-repo commit). Only staging changed, so the
    // loop closes there.
    const steps = page
      .getByRole('region', { name: `Delivery of #${number}` })
      .getByRole('list', { name: `Steps of #${number}` });
    for (const step of ['Merged', 'Synced in staging', 'Healthy in staging']) {
      await expect(
        steps.getByRole('listitem', { name: new RegExp(`^${step}: \\+`) }),
      ).toBeVisible();
    }
    await expect(
      steps.getByRole('listitem', { name: /in (dev|prod):/ }),
    ).toHaveCount(0);
    await expect(
      page.getByRole('region', { name: `Delivery of #${number}` }),
    ).toContainText('opened → healthy everywhere in');

    // The history: the first observation lists every source's revision; the merge moves the values source only.
    const history = page
      .getByRole('list', { name: 'History' })
      .getByRole('listitem')
      .filter({ hasText: `Application ${SERVICE}-staging ` });
    await expect(
      history.filter({
        hasText: new RegExp(
          `webhook-relay revision ${CHART_VERSION}, \\S*acme/gitops-config\\.git revision [0-9a-f]{7}`,
        ),
      }),
    ).not.toHaveCount(0);
    await expect(
      history.filter({
        hasText: new RegExp(
          `acme/gitops-config\\.git revision [0-9a-f]{7} → ${short}`,
        ),
      }),
    ).not.toHaveCount(0);
    await expect(
      history.filter({ hasText: /webhook-relay revision .* → / }),
    ).toHaveCount(0);

    await page.screenshot({
      path: testInfo.outputPath('multi-source-synced.png'),
      fullPage: true,
    });
  });
});
