import { expect, test, type Page } from '@playwright/test';
import {
  getObject,
  mergePullRequest,
  openPreviewedPullRequest,
  pullRequestFiles,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
// The sandbox's multi-source Application (packages/sandbox/src/demo/chartService.ts): the remote Helm chart
// webhook-relay 2.3.1 plus a `ref: values` source on the config repo, whose values file pins the image.
const SERVICE = 'payments-webhooks';
const STAGING_VALUES = `apps/${SERVICE}/envs/staging/values.yaml`;
const CHART_VERSION = '2.3.1';
// The image tag each environment's values file pins (packages/sandbox/src/demo/environments.ts).
const DEV_TAG = '1.4.0';
const STAGING_TAG = '1.3.2';

const application = (page: Page, environment: string) =>
  page
    .getByRole('table', { name: 'Environments by cluster' })
    .getByRole('group', { name: `Application ${SERVICE}-${environment}` });

/** What the promotion pipeline's column of one environment says runs there: images, then charts. */
const runningVersion = (page: Page, environment: string) =>
  page
    .getByRole('region', { name: 'Promotion pipeline' })
    .getByRole('region', { name: `Environment ${environment}` })
    .getByRole('list', { name: 'Running version' })
    .getByRole('listitem');

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
    // The pipeline's staging column runs the image tag its values file pins and the chart's version.
    await expect(runningVersion(page, 'staging')).toHaveText([
      `${SERVICE} ${STAGING_TAG}`,
      `chart webhook-relay ${CHART_VERSION}`,
    ]);

    // The promotion, through the entity's button: the dialog previews the values file before anything is written.
    await page.getByRole('button', { name: 'Promote dev → staging' }).click();
    const number = await openPreviewedPullRequest(page, 'values.yaml');

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

    // The promotion pipeline's staging column: its config commit is the values source's, not the chart's version;
    // it runs the promoted image tag (read from the values file at that commit) on the same chart version.
    await expect(
      page
        .getByRole('region', { name: 'Promotion pipeline' })
        .getByRole('region', { name: 'Environment staging' })
        .getByRole('link', { name: `Commit ${short}` }),
    ).toBeVisible();
    await expect(runningVersion(page, 'staging')).toHaveText([
      `${SERVICE} ${DEV_TAG}`,
      `chart webhook-relay ${CHART_VERSION}`,
    ]);

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
