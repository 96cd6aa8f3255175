import { expect, test } from '@playwright/test';
import { parseAllDocuments } from 'yaml';
import {
  createAndReadPullRequest,
  openTemplate,
  pickEntity,
} from './scaffolder';
import {
  applyObject,
  fileAt,
  githubApi,
  mergePullRequest,
  pullRequestFiles,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
// Typed into the form's Secret field: it must appear nowhere but sealed.
const VALUE = 'e2e-typed-secret-61f0c2';

test.describe('the add-secret golden path', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a typed secret for staging becomes a SealedSecret in a PR, and once merged the entity shows it', async ({
    page,
  }, testInfo) => {
    // Backstage's Secret field hands the typed value to the task's secrets 300 ms after the last keystroke (a
    // debounce): a test clicks through Review and Create faster than that, so it drives the page's clock to fire it.
    await page.clock.install();
    // The sandbox seals staging's secrets for its sealed-secrets controller (packages/sandbox/src/demo/secretMethods.ts).
    await openTemplate(page, 'add-secret', { repoUrl: CONFIG_REPO });
    await pickEntity(page, 'Service', 'payments-api', 'payments-api');
    await page.getByRole('button', { name: /^Environment/ }).click();
    await page.getByRole('option', { name: 'staging', exact: true }).click();
    await page
      .getByRole('textbox', { name: 'Secret name' })
      .fill('payments-api-token');
    await page.getByRole('textbox', { name: 'Key' }).fill('token');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('textbox', { name: 'Value', exact: true }).fill(VALUE);
    await page.clock.runFor(300);
    await page.getByRole('button', { name: 'Next' }).click();
    const number = await createAndReadPullRequest(
      page,
      'Pull request',
      testInfo.outputPath('secret-task.png'),
    );
    await expect(page.getByText(VALUE)).toHaveCount(0);

    // The pull request: a SealedSecret listed in the staging overlay, no plaintext anywhere.
    const pull = await githubApi(`/repos/${CONFIG_REPO}/pulls/${number}`).then(
      r => r.json(),
    );
    expect(pull.body).not.toContain(VALUE);
    const files = await pullRequestFiles(CONFIG_REPO, number);
    expect(files.map(f => f.filename).sort()).toEqual([
      'apps/payments-api/overlays/staging/kustomization.yaml',
      'apps/payments-api/overlays/staging/secrets/payments-api-token.yaml',
    ]);
    const text = await fileAt(
      CONFIG_REPO,
      'apps/payments-api/overlays/staging/secrets/payments-api-token.yaml',
      pull.head.sha,
    );
    expect(text).not.toContain(VALUE);
    const [sealed] = parseAllDocuments(text).map(d => d.toJS());
    expect(sealed).toMatchObject({
      apiVersion: 'bitnami.com/v1alpha1',
      kind: 'SealedSecret',
      metadata: { name: 'payments-api-token', namespace: 'payments-api' },
      spec: { encryptedData: { token: expect.any(String) } },
    });

    // Merged; Argo CD applies it and the sealed-secrets controller unseals it (played here: the sandbox's
    // operator writes Application statuses only).
    await mergePullRequest(CONFIG_REPO, number);
    await applyObject('staging', {
      ...sealed,
      metadata: {
        ...sealed.metadata,
        labels: {
          ...sealed.metadata.labels,
          'backstage.io/kubernetes-id': 'payments-api',
        },
      },
      status: {
        conditions: [
          {
            type: 'Synced',
            status: 'True',
            reason: 'Unsealed',
            message: 'SealedSecret unsealed successfully',
            lastTransitionTime: new Date().toISOString(),
          },
        ],
      },
    });

    await page.goto('/catalog/default/component/payments-api/gitops');
    const object = page
      .getByRole('table', { name: 'Environments by cluster' })
      .getByRole('group', { name: 'SealedSecret payments-api-token' });
    await expect(object).toBeVisible();
    await expect(object.getByText('Healthy', { exact: true })).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('secret-on-entity.png'),
      fullPage: true,
    });
  });
});
