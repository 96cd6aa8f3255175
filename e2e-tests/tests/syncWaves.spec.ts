import { expect, test, type Page } from '@playwright/test';
import { scaffoldService } from './scaffolder';
import {
  fileAt,
  githubApi,
  guestToken,
  mergePullRequest,
  pullRequestFiles,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
const FOLDER = 'clusters/dev/apps';

/** Commits one file to the config repo's main, as someone pushing to it would (updating it if it exists). */
async function commitFile(path: string, text: string, message: string) {
  const existing = await githubApi(
    `/repos/${CONFIG_REPO}/contents/${path}?ref=main`,
  );
  const sha = existing.ok ? (await existing.json()).sha : undefined;
  const response = await githubApi(`/repos/${CONFIG_REPO}/contents/${path}`, {
    method: 'PUT',
    body: JSON.stringify({
      message,
      content: Buffer.from(text).toString('base64'),
      branch: 'main',
      ...(sha ? { sha } : {}),
    }),
  });
  if (!response.ok) throw new Error(`commit ${path}: ${response.status}`);
}

/**
 * An environment's cluster's Argo CD gets an app-of-apps: a root Application whose source path is
 * `clusters/<env>/apps`, a folder listing its Applications in a kustomization.yaml (one to begin with, of a chart
 * from elsewhere).
 */
async function seedAppOfApps(env = 'dev') {
  const folder = `clusters/${env}/apps`;
  const existing = await fileAt(
    CONFIG_REPO,
    `clusters/${env}/argocd/payments-api.yaml`,
    'main',
  );
  const repoURL = existing.match(/repoURL: (\S+)/)![1];
  const application = (name: string, source: string) =>
    `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: ${name}\n  namespace: argocd\nspec:\n  project: default\n  source:\n${source}  destination:\n    server: https://kubernetes.default.svc\n    namespace: ${name}\n`;
  await commitFile(
    `${folder}/kustomization.yaml`,
    'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - status-page.yaml\n',
    `Add the ${env} app-of-apps folder`,
  );
  await commitFile(
    `${folder}/status-page.yaml`,
    application(
      'status-page',
      '    repoURL: https://charts.example.org\n    chart: status-page\n    targetRevision: 1.0.0\n',
    ),
    `Add status-page to the ${env} app-of-apps`,
  );
  await commitFile(
    `clusters/${env}/argocd/apps-root.yaml`,
    application(
      'apps-root',
      `    repoURL: ${repoURL}\n    path: ${folder}\n    targetRevision: main\n`,
    ),
    `Add the ${env} root app`,
  );
}

/** The new-service form with a migration run as a PreSync hook, registered as the `registration` option says. */
function scaffoldRegisteredService(
  page: Page,
  name: string,
  shot: string,
  registration = new RegExp(`App-of-apps folder ${FOLDER}`),
) {
  return scaffoldService(page, name, shot, async form => {
    await form.getByRole('button', { name: /Argo CD registration/ }).click();
    await form.getByRole('option', { name: registration }).click();
    await form
      .getByRole('checkbox', {
        name: /Run a migration Job before the Deployment/,
      })
      .check();
    // minItems 1: the form shows the command's first entry already.
    await form
      .getByRole('textbox', { name: 'migrationCommand-0' })
      .fill('./migrate');
    await form
      .getByRole('button', { name: /How Argo CD runs it first/ })
      .click();
    await form.getByRole('option', { name: /PreSync hook/ }).click();
  });
}

test.describe('app-of-apps registration and sync waves', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('a service registered in an app-of-apps with a PreSync migration shows its sync phases and waves, then synced', async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000); // scaffolding, the portal mapping the new entity, two syncs
    const name = 'ledger-sync';
    await seedAppOfApps();

    const number = await scaffoldRegisteredService(
      page,
      name,
      testInfo.outputPath('sync-waves-task.png'),
    );
    const files = (await pullRequestFiles(CONFIG_REPO, number)).map(
      f => f.filename,
    );
    expect(files).toEqual(
      expect.arrayContaining([
        `${FOLDER}/${name}.yaml`,
        `${FOLDER}/kustomization.yaml`,
        `apps/${name}/base/migration-job.yaml`,
      ]),
    );
    expect(files).not.toContain(`clusters/dev/argocd/${name}.yaml`);
    await mergePullRequest(CONFIG_REPO, number);

    // The portal maps objects to a newly registered entity at its next catalog read (5 s in the sandbox).
    const token = await guestToken(page);
    await expect
      .poll(
        async () => {
          const response = await page.request.get(
            `/api/gitops/entities/component/default/${name}/status`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          const { objects } = await response.json();
          return (objects ?? []).map((o: { name: string }) => o.name);
        },
        { timeout: 90_000, intervals: [1_000] },
      )
      .toContain(`${name}-dev`);
    await page.goto(`/catalog/default/component/${name}/gitops`);
    const dev = page
      .getByRole('table', { name: 'Environments by cluster' })
      .getByRole('group', { name: `Application ${name}-dev` });
    await expect(dev.getByText('Synced', { exact: true })).toBeVisible();

    // A change to the dev overlay makes Argo CD sync again: the migration hook first, then the workload's wave.
    const overlay = `apps/${name}/overlays/dev/kustomization.yaml`;
    const text = await fileAt(CONFIG_REPO, overlay, 'main');
    await commitFile(
      overlay,
      text.replace(/count: \d+/, 'count: 2'),
      `Scale ${name} in dev`,
    );
    const operation = dev.getByRole('list', {
      name: 'Sync operation Running',
    });
    await expect(
      operation.getByRole('listitem', { name: 'PreSync: running' }),
    ).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('sync-waves-presync.png'),
      fullPage: true,
    });
    await expect(
      operation.getByRole('listitem', { name: /^Sync · wave 0: / }),
    ).toBeVisible();
    await expect(
      operation.getByRole('listitem', { name: 'PreSync: done' }),
    ).toBeVisible();
    // Then the operation succeeds: no stages left, the Application synced and healthy.
    await expect(operation).toHaveCount(0);
    await expect(dev.getByText('Synced', { exact: true })).toBeVisible();
    await expect(dev.getByText('Healthy', { exact: true })).toBeVisible();
    await page.screenshot({
      path: testInfo.outputPath('sync-waves-synced.png'),
      fullPage: true,
    });
  });

  test("a service registered per environment has each environment's Application in that environment's app-of-apps folder, synced there", async ({
    page,
  }, testInfo) => {
    test.setTimeout(300_000); // scaffolding, the portal mapping the new entity, the syncs
    const name = 'ledger-envs';
    const environments = ['dev', 'staging', 'prod'];
    for (const env of environments) await seedAppOfApps(env);

    const number = await scaffoldRegisteredService(
      page,
      name,
      testInfo.outputPath('per-environment-task.png'),
      /^App-of-apps folder per environment \(dev: clusters\/dev\/apps, prod: clusters\/prod\/apps, staging: clusters\/staging\/apps\)/,
    );
    const files = await pullRequestFiles(CONFIG_REPO, number);
    // Each folder's file holds that environment's Application only.
    expect(
      Object.fromEntries(
        environments.map(env => [
          env,
          [
            ...(
              files.find(
                f => f.filename === `clusters/${env}/apps/${name}.yaml`,
              )?.patch ?? ''
            ).matchAll(/^\+ {2}name: (\S+)$/gm),
          ].map(match => match[1]),
        ]),
      ),
    ).toEqual({
      dev: [`${name}-dev`],
      staging: [`${name}-staging`],
      prod: [`${name}-prod`],
    });
    expect(files.map(f => f.filename)).not.toContain(
      `clusters/dev/argocd/${name}.yaml`,
    );
    await mergePullRequest(CONFIG_REPO, number);

    // Each environment's cluster applies its folder: the entity shows the Application synced in each.
    const token = await guestToken(page);
    await expect
      .poll(
        async () => {
          const response = await page.request.get(
            `/api/gitops/entities/component/default/${name}/status`,
            { headers: { authorization: `Bearer ${token}` } },
          );
          const { objects } = await response.json();
          return (objects ?? []).map((o: { name: string }) => o.name);
        },
        { timeout: 90_000, intervals: [1_000] },
      )
      .toEqual(expect.arrayContaining([`${name}-dev`, `${name}-prod`]));
    await page.goto(`/catalog/default/component/${name}/gitops`);
    const table = page.getByRole('table', { name: 'Environments by cluster' });
    for (const env of ['dev', 'prod']) {
      await expect(
        table
          .getByRole('group', { name: `Application ${name}-${env}` })
          .getByText('Synced', { exact: true }),
      ).toBeVisible();
    }
    await page.screenshot({
      path: testInfo.outputPath('per-environment-synced.png'),
      fullPage: true,
    });
  });
});
