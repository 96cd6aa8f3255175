import { expect, test } from '@playwright/test';
import { parseAllDocuments } from 'yaml';
import {
  createAndReadPullRequest,
  openTemplate,
  pickEntity,
} from './scaffolder';
import {
  fileAt,
  githubApi,
  pullRequestFiles,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';

test.describe('the new-database golden path', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a PostgreSQL database requested through the Crossplane claim form opens a PR with a valid claim', async ({
    page,
  }, testInfo) => {
    await openTemplate(page, 'new-database', { repoUrl: CONFIG_REPO });
    await pickEntity(page, 'Service', 'payments-api', 'payments-api');
    await page
      .getByRole('textbox', { name: 'Database name' })
      .fill('payments-reports-db');
    // the form the claim field builds from the XRD's live schema
    const parameters = page.getByRole('group', { name: 'Parameters' });
    await parameters.getByRole('spinbutton', { name: 'storageGB' }).fill('50');
    await parameters.getByRole('button', { name: /^size/ }).click();
    await page.getByRole('option', { name: 'medium', exact: true }).click();
    await page.screenshot({
      path: testInfo.outputPath('claim-form.png'),
      fullPage: true,
    });
    await page.getByRole('button', { name: 'Next' }).click();
    const number = await createAndReadPullRequest(
      page,
      'Pull request',
      testInfo.outputPath('claim-task.png'),
    );

    const files = await pullRequestFiles(CONFIG_REPO, number);
    const head: { head: { sha: string } } = await githubApi(
      `/repos/${CONFIG_REPO}/pulls/${number}`,
    ).then(r => r.json());
    const claims = [];
    for (const file of files.filter(f => f.status !== 'removed')) {
      const text = await fileAt(CONFIG_REPO, file.filename, head.head.sha);
      for (const doc of parseAllDocuments(text).map(d => d.toJS())) {
        if (doc?.kind === 'PostgreSQLInstance') claims.push(doc);
      }
    }
    expect(claims).toHaveLength(1);
    expect(claims[0]).toMatchObject({
      apiVersion: 'platform.acme.io/v1alpha1',
      metadata: { name: 'payments-reports-db' }, // the overlays' kustomize sets the namespace
      spec: { parameters: { storageGB: 50, version: '16', size: 'medium' } },
    });
  });
});
