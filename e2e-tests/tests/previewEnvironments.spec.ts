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
  mergePullRequest,
  signInAsGuest,
} from './sandboxState';

const CONFIG_REPO = 'acme/gitops-config';
// fraud-scorer's own repository (its catalog entity's github.com/project-slug), made here: the sandbox seeds none.
// fraud-scorer, not the services other specs look at after this one: its ApplicationSet stays merged.
const SERVICE_REPO = 'acme/fraud-scorer';
const GITHUB_CONTROL = 'http://127.0.0.1:7100/_emulator/repos';

async function ensureServiceRepo() {
  if ((await githubApi(`/repos/${SERVICE_REPO}`)).status === 200) return;
  const [owner, repo] = SERVICE_REPO.split('/');
  const response = await fetch(GITHUB_CONTROL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      owner,
      repo,
      defaultBranch: 'main',
      files: { 'README.md': '# fraud-scorer\n' },
    }),
  });
  if (response.status !== 201)
    throw new Error(`creating ${SERVICE_REPO}: ${response.status}`);
}

/** A developer's pull request on the service repo: a branch with one commit; returns its number and link. */
async function openServicePullRequest(branch: string) {
  const main = await githubApi(
    `/repos/${SERVICE_REPO}/git/ref/heads/main`,
  ).then(r => r.json());
  await githubApi(`/repos/${SERVICE_REPO}/git/refs`, {
    method: 'POST',
    body: JSON.stringify({ ref: `refs/heads/${branch}`, sha: main.object.sha }),
  });
  await githubApi(`/repos/${SERVICE_REPO}/contents/CHANGELOG.md`, {
    method: 'PUT',
    body: JSON.stringify({
      message: 'Risk rules',
      content: Buffer.from('Stricter risk rules\n').toString('base64'),
      branch,
    }),
  });
  const response = await githubApi(`/repos/${SERVICE_REPO}/pulls`, {
    method: 'POST',
    body: JSON.stringify({ title: 'Risk rules', head: branch, base: 'main' }),
  });
  if (response.status !== 201)
    throw new Error(`opening a PR on ${SERVICE_REPO}: ${response.status}`);
  return (await response.json()) as { number: number; html_url: string };
}

test.describe('the preview-environments golden path', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test("an open pull request of the service's repo shows as a preview on the entity until it closes", async ({
    page,
  }, testInfo) => {
    await ensureServiceRepo();
    await openTemplate(page, 'preview-environments', {
      serviceRepoUrl: SERVICE_REPO,
      repoUrl: CONFIG_REPO,
    });
    await pickEntity(page, 'Service', 'fraud-scorer', 'fraud-scorer');
    await page.getByRole('button', { name: /^Environment/ }).click();
    await page.getByRole('option', { name: 'dev', exact: true }).click();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByRole('button', { name: 'Next' }).click(); // every open pull request: no labels
    const number = await createAndReadPullRequest(
      page,
      'Pull request',
      testInfo.outputPath('previews-task.png'),
    );

    // The config-repo pull request: an ApplicationSet with the pull-request generator of the service repo.
    const pull = await githubApi(`/repos/${CONFIG_REPO}/pulls/${number}`).then(
      r => r.json(),
    );
    const [appSet] = parseAllDocuments(
      await fileAt(
        CONFIG_REPO,
        'clusters/dev/argocd/fraud-scorer-previews.yaml',
        pull.head.sha,
      ),
    ).map(d => d.toJS());
    expect(appSet).toMatchObject({
      kind: 'ApplicationSet',
      spec: {
        generators: [
          { pullRequest: { github: { owner: 'acme', repo: 'fraud-scorer' } } },
        ],
      },
    });

    // Merged; the sandbox's ApplicationSet controller makes an Application per open pull request of the service.
    await mergePullRequest(CONFIG_REPO, number);
    const servicePull = await openServicePullRequest('risk-rules');

    await page.goto('/catalog/default/component/fraud-scorer/gitops');
    const previews = page.getByRole('table', { name: 'Preview environments' });
    const link = previews.getByRole('link', {
      name: `#${servicePull.number}`,
    });
    await expect(link).toBeVisible({ timeout: 60_000 });
    expect(await link.getAttribute('href')).toMatch(
      new RegExp(`/acme/fraud-scorer/pull/${servicePull.number}$`),
    );
    // `has` is matched inside each row: a locator from the page, not from the table.
    const row = previews.getByRole('row').filter({
      has: page.getByRole('link', { name: `#${servicePull.number}` }),
    });
    await expect(
      row.getByText(`fraud-scorer-pr-${servicePull.number}`),
    ).toBeVisible();
    await expect(row.getByText('Healthy', { exact: true })).toBeVisible();
    // A preview is no environment of the promotion pipeline (nothing is promoted to it), though the objects the
    // pipeline is computed from hold its Application.
    await expect(
      page
        .getByRole('table', { name: 'Environments by cluster' })
        .getByRole('group', {
          name: `Application fraud-scorer-pr-${servicePull.number}`,
        }),
    ).toBeVisible();
    await expect(
      page
        .getByRole('region', { name: 'Promotion pipeline' })
        .getByRole('region', { name: /^Environment pr-/ }),
    ).toHaveCount(0);
    await page.screenshot({
      path: testInfo.outputPath('preview-on-entity.png'),
      fullPage: true,
    });

    // Closed: the controller deletes its Application, and the open page drops the preview.
    await githubApi(`/repos/${SERVICE_REPO}/pulls/${servicePull.number}`, {
      method: 'PATCH',
      body: JSON.stringify({ state: 'closed' }),
    });
    await expect(
      page.getByRole('table', { name: 'Preview environments' }),
    ).toHaveCount(0, { timeout: 60_000 });
    await page.screenshot({
      path: testInfo.outputPath('preview-closed.png'),
      fullPage: true,
    });
  });
});
