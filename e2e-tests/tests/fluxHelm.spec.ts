import { expect, test } from '@playwright/test';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { estateDir, missingEstateReason } from '@internal/estate-fixtures';
import { openPreviewedPullRequest, signInAsGuest } from './sandboxState';

/*
 * Issue 15 point 7: the flux-helm sandbox profile (the public flux2-kustomize-helm-example as config repo, read at
 * start) beside the demo sandbox the Playwright config starts, on ports moved by SANDBOX_PORT_OFFSET. The portal
 * finds podinfo through Flux's labels, promotes its chart version from staging to production as a pull request
 * editing the production values patch, and once it is merged the simulated operator releases it.
 */

const ROOT = resolve(__dirname, '../..');
const OUTPUT = resolve(__dirname, '../output');
const STATE_DIR = resolve(OUTPUT, 'flux-helm-state');
const OFFSET = 100;
const PORTAL = `http://localhost:${7007 + OFFSET}`;
const GITHUB = `http://127.0.0.1:${7100 + OFFSET}`;
const CONFIG_REPO = 'acme/flux-fleet';

let sandbox: ChildProcess | undefined;

/** The GitHub emulator's REST API of this sandbox, with its token, as a reviewer's tools would call it. */
function github(path: string, init: RequestInit = {}) {
  const { githubToken } = JSON.parse(
    readFileSync(resolve(STATE_DIR, 'secrets.json'), 'utf8'),
  );
  return fetch(`${GITHUB}${path}`, {
    ...init,
    headers: {
      authorization: `token ${githubToken}`,
      'content-type': 'application/json',
    },
  });
}

const ESTATE = 'flux2-kustomize-helm-example';
// The estate lives beside the checkout, not in it: without it the loop is reported as skipped with the reason
// (scripts/test.sh fails a CI run whose estates are missing before any test).
test.skip(!estateDir(ESTATE), missingEstateReason(ESTATE));

test.use({ baseURL: PORTAL });
test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  rmSync(STATE_DIR, { recursive: true, force: true });
  mkdirSync(OUTPUT, { recursive: true });
  const log = openSync(resolve(OUTPUT, 'flux-helm-sandbox.log'), 'w');
  sandbox = spawn(
    process.execPath,
    [
      '--require',
      '@backstage/cli/config/nodeTransform.cjs',
      'packages/sandbox/src/start.ts',
      '--estate',
      'flux-helm',
    ],
    {
      cwd: ROOT,
      detached: true, // its own process group: stopping it stops its backend too
      stdio: ['ignore', log, log],
      env: {
        ...process.env,
        SANDBOX_STATE_DIR: STATE_DIR,
        SANDBOX_BACKEND_WATCH: 'false',
        SANDBOX_PORT_OFFSET: String(OFFSET),
      },
    },
  );
  await expect
    .poll(
      () =>
        fetch(`${PORTAL}/.backstage/health/v1/readiness`)
          .then(r => r.status)
          .catch(() => 0),
      { timeout: 200_000, intervals: [1000] },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (!sandbox?.pid || sandbox.exitCode !== null) return;
  const exited = new Promise(done => sandbox!.once('exit', done));
  process.kill(-sandbox.pid, 'SIGTERM');
  await exited;
});

test('the portal promotes podinfo’s chart version staging → production, and shows it released once merged', async ({
  page,
}, testInfo) => {
  await signInAsGuest(page);
  await page.goto('/catalog/default/component/podinfo/gitops');
  const release = (environment: string) =>
    page
      .getByRole('group', { name: `Cluster ${environment} in ${environment}` })
      .getByRole('group', { name: 'HelmRelease podinfo' });
  for (const [environment, version] of [
    ['staging', '6.10.0-rc.1'],
    ['production', '6.9.0'],
  ]) {
    await expect(release(environment)).toContainText(version);
    await expect(
      release(environment).getByText('Synced', { exact: true }),
    ).toBeVisible();
    await expect(
      release(environment).getByText('Healthy', { exact: true }),
    ).toBeVisible();
  }
  await page.screenshot({
    path: testInfo.outputPath('podinfo-before.png'),
    fullPage: true,
  });

  await page
    .getByRole('button', { name: 'Promote staging → production' })
    .click();
  const number = await openPreviewedPullRequest(
    page,
    'apps/production/podinfo-values.yaml',
  );

  const files = await github(
    `/repos/${CONFIG_REPO}/pulls/${number}/files`,
  ).then(r => r.json());
  expect(files.map((f: { filename: string }) => f.filename)).toEqual([
    'apps/production/podinfo-values.yaml',
  ]);
  expect(files[0].patch).toMatch(
    /-\s+version: ">=1\.0\.0"\n\+\s+version: ">=1\.0\.0-alpha"/,
  );
  const merged = await github(`/repos/${CONFIG_REPO}/pulls/${number}/merge`, {
    method: 'PUT',
    body: JSON.stringify({ merge_method: 'merge' }),
  });
  expect(merged.status).toBe(200);

  // The operator releases the merged version; the open page follows without reload.
  await expect(release('production')).toContainText('6.10.0-rc.1');
  await expect(
    release('production').getByText('Synced', { exact: true }),
  ).toBeVisible();
  await expect(
    release('production').getByText('Healthy', { exact: true }),
  ).toBeVisible();
  await page.screenshot({
    path: testInfo.outputPath('podinfo-promoted.png'),
    fullPage: true,
  });
});
