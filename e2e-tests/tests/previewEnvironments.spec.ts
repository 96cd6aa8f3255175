import { expect, Page, test } from '@playwright/test';
import { previewEnvironmentsChange } from '@gitops-portal/plugin-gitops-node';
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
// The services' own repositories (their catalog entities' github.com/project-slug), made here: the sandbox seeds
// none. fraud-scorer (Argo CD) and search-api (Flux), not services other specs look at after this one: their
// preview generators stay merged.
const ARGO_SERVICE = 'fraud-scorer';
const FLUX_SERVICE = 'search-api';
const GITHUB_CONTROL = 'http://127.0.0.1:7100/_emulator/repos';

async function ensureServiceRepo(service: string) {
  const SERVICE_REPO = `acme/${service}`;
  if ((await githubApi(`/repos/${SERVICE_REPO}`)).status === 200) return;
  const [owner, repo] = SERVICE_REPO.split('/');
  const response = await fetch(GITHUB_CONTROL, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      owner,
      repo,
      defaultBranch: 'main',
      files: { 'README.md': `# ${service}\n` },
    }),
  });
  if (response.status !== 201)
    throw new Error(`creating ${SERVICE_REPO}: ${response.status}`);
}

/** A pull request of a branch with one commit writing `path` (off main); returns its number and link. */
async function openPullRequest(
  repo: string,
  change: { branch: string; path: string; text: string; title: string },
) {
  const main = await githubApi(`/repos/${repo}/git/ref/heads/main`).then(r =>
    r.json(),
  );
  await githubApi(`/repos/${repo}/git/refs`, {
    method: 'POST',
    body: JSON.stringify({
      ref: `refs/heads/${change.branch}`,
      sha: main.object.sha,
    }),
  });
  await githubApi(`/repos/${repo}/contents/${change.path}`, {
    method: 'PUT',
    body: JSON.stringify({
      message: change.title,
      content: Buffer.from(change.text).toString('base64'),
      branch: change.branch,
    }),
  });
  const response = await githubApi(`/repos/${repo}/pulls`, {
    method: 'POST',
    body: JSON.stringify({
      title: change.title,
      head: change.branch,
      base: 'main',
    }),
  });
  if (response.status !== 201)
    throw new Error(`opening a PR on ${repo}: ${response.status}`);
  return (await response.json()) as { number: number; html_url: string };
}

/** The preview-environments form for a service's dev environment, submitted: the config-repo PR's number. */
async function requestPreviews(
  page: Page,
  service: string,
  screenshot: string,
) {
  await ensureServiceRepo(service);
  await openTemplate(page, 'preview-environments', {
    serviceRepoUrl: `acme/${service}`,
    repoUrl: CONFIG_REPO,
  });
  await pickEntity(page, 'Service', service, service);
  await page.getByRole('button', { name: /^Environment/ }).click();
  await page.getByRole('option', { name: 'dev', exact: true }).click();
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByRole('button', { name: 'Next' }).click(); // every open pull request: no labels
  return createAndReadPullRequest(page, 'Pull request', screenshot);
}

/** The generator objects the config-repo PR adds for the service. */
async function previewObjects(service: string, engine: string, number: number) {
  const pull = await githubApi(`/repos/${CONFIG_REPO}/pulls/${number}`).then(
    r => r.json(),
  );
  return parseAllDocuments(
    await fileAt(
      CONFIG_REPO,
      `clusters/dev/${engine}/${service}-previews.yaml`,
      pull.head.sha,
    ),
  ).map(d => d.toJS());
}

/**
 * With the generator merged and a pull request open on the service's repo: the entity lists the preview with its PR
 * link, healthy, and never as an environment; closing the pull request takes it off the page.
 */
async function previewLifecycle(
  page: Page,
  service: string,
  outputPath: (name: string) => string,
) {
  // A developer's pull request on the service's repo.
  const servicePull = await openPullRequest(`acme/${service}`, {
    branch: 'faster-path',
    path: 'CHANGELOG.md',
    text: 'A faster request path\n',
    title: 'Faster request path',
  });
  await page.goto(`/catalog/default/component/${service}/gitops`);
  const previews = page.getByRole('table', { name: 'Preview environments' });
  const link = previews.getByRole('link', { name: `#${servicePull.number}` });
  await expect(link).toBeVisible({ timeout: 60_000 });
  expect(await link.getAttribute('href')).toMatch(
    new RegExp(`/acme/${service}/pull/${servicePull.number}$`),
  );
  // `has` is matched inside each row: a locator from the page, not from the table.
  const row = previews.getByRole('row').filter({
    has: page.getByRole('link', { name: `#${servicePull.number}` }),
  });
  await expect(
    row.getByText(`${service}-pr-${servicePull.number}`),
  ).toBeVisible();
  await expect(row.getByText('Healthy', { exact: true })).toBeVisible();
  // A preview is no environment: no `pr-<n>` row in the environment table, no column in the promotion pipeline.
  const environments = page.getByRole('table', {
    name: 'Environments by cluster',
  });
  await expect(
    environments.getByRole('rowheader', { name: 'dev', exact: true }),
  ).toBeVisible();
  await expect(
    environments.getByRole('rowheader', { name: /^pr-/ }),
  ).toHaveCount(0);
  await expect(
    page
      .getByRole('region', { name: 'Promotion pipeline' })
      .getByRole('region', { name: /^Environment pr-/ }),
  ).toHaveCount(0);
  await page.screenshot({
    path: outputPath(`preview-on-${service}.png`),
    fullPage: true,
  });

  // Closed: the engine deletes what it generated for it, and the open page drops the preview.
  await githubApi(`/repos/acme/${service}/pulls/${servicePull.number}`, {
    method: 'PATCH',
    body: JSON.stringify({ state: 'closed' }),
  });
  await expect(
    page.getByRole('table', { name: 'Preview environments' }),
  ).toHaveCount(0, { timeout: 60_000 });
  await page.screenshot({
    path: outputPath(`preview-closed-${service}.png`),
    fullPage: true,
  });
}

/**
 * The change `gitops:preview:enable` makes for a Flux service's dev environment, from the generator the action
 * runs (gitops-node previewEnvironmentsChange) against the config repo's main branch.
 */
async function fluxPreviewsChange(service: string) {
  const reader = {
    readFile: (path: string, ref: string) =>
      fileAt(CONFIG_REPO, path, ref).catch(() => undefined),
  };
  const { change, path } = await previewEnvironmentsChange(reader, 'main', {
    service,
    environment: 'dev',
    repository: {
      owner: 'acme',
      repo: service,
      url: `https://github.com/acme/${service}`,
    },
  });
  return { path, text: change.files![path]! };
}

test.describe('the preview-environments golden path', () => {
  test.beforeEach(({ page }) => signInAsGuest(page));

  test('an Argo CD service: an open pull request of its repo shows as a preview on the entity until it closes', async ({
    page,
  }, testInfo) => {
    const number = await requestPreviews(
      page,
      ARGO_SERVICE,
      testInfo.outputPath('previews-task.png'),
    );
    // The config-repo pull request: an ApplicationSet with the pull-request generator of the service repo.
    const [appSet] = await previewObjects(ARGO_SERVICE, 'argocd', number);
    expect(appSet).toMatchObject({
      kind: 'ApplicationSet',
      spec: {
        generators: [
          { pullRequest: { github: { owner: 'acme', repo: ARGO_SERVICE } } },
        ],
      },
    });
    // Merged; the sandbox's ApplicationSet controller makes an Application per open pull request of the service.
    await mergePullRequest(CONFIG_REPO, number);
    await previewLifecycle(page, ARGO_SERVICE, name =>
      testInfo.outputPath(name),
    );
  });

  test('a Flux service: the Flux Operator makes a Kustomization per open pull request of its repo until it closes', async ({
    page,
  }, testInfo) => {
    // search-api is the search team's: the guest (payments) may not run the form for it, so its previews are merged
    // as the search team's form would write them (the action's generator, gitops-node previewEnvironmentsChange).
    await ensureServiceRepo(FLUX_SERVICE);
    const { number } = await openPullRequest(CONFIG_REPO, {
      branch: `${FLUX_SERVICE}-previews`,
      ...(await fluxPreviewsChange(FLUX_SERVICE)),
      title: 'Preview environments',
    });
    // Merged; the sandbox's Flux Operator lists the service's pull requests and renders the ResourceSet per one.
    await mergePullRequest(CONFIG_REPO, number);
    await previewLifecycle(page, FLUX_SERVICE, name =>
      testInfo.outputPath(name),
    );
  });
});
