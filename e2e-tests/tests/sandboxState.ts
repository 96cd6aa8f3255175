import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The sandbox the Playwright config starts keeps its state here (see playwright.config.ts). */
export const STATE_DIR = resolve(__dirname, '../output/sandbox-state');
const CONTROL_URL = 'http://127.0.0.1:6400';
const GITHUB_URL = 'http://127.0.0.1:7100';
const CONFIG_REPO_GIT = resolve(
  STATE_DIR,
  'github/repos/acme/gitops-config.git',
);

const secrets = () =>
  JSON.parse(readFileSync(resolve(STATE_DIR, 'secrets.json'), 'utf8')) as {
    githubToken: string;
    clusterTokens: Record<string, string>;
  };

/** The token the sandbox's GitHub emulator accepts. */
export const githubToken = () => secrets().githubToken;

/**
 * The last config-repo commit on main that changed any of these paths: the commit the sandbox's simulated operator
 * last synced a delivery reading them at (it leaves deliveries a commit does not touch where they were).
 */
export function lastCommitTouching(paths: string[]): string {
  return execFileSync(
    'git',
    // first parent: the merge commit itself (what main pointed at), not the pull request's own commit
    [
      'log',
      '-1',
      '--first-parent',
      '--format=%H',
      'refs/heads/main',
      '--',
      ...paths,
    ],
    { cwd: CONFIG_REPO_GIT, encoding: 'utf8' },
  ).trim();
}

/** The GitHub emulator's REST API with the sandbox's token, as a reviewer's tools would call it. */
export function githubApi(path: string, init: RequestInit = {}) {
  return fetch(`${GITHUB_URL}${path}`, {
    ...init,
    headers: {
      authorization: `token ${githubToken()}`,
      'content-type': 'application/json',
    },
  });
}

/** Merges a pull request as a reviewer would on GitHub; returns the merge commit. */
export async function mergePullRequest(
  repo: string,
  number: number,
): Promise<string> {
  const response = await githubApi(`/repos/${repo}/pulls/${number}/merge`, {
    method: 'PUT',
    body: JSON.stringify({ merge_method: 'merge' }),
  });
  if (response.status !== 200)
    throw new Error(`merge ${repo}#${number}: ${response.status}`);
  return ((await response.json()) as { sha: string }).sha;
}

/** The files of a pull request, with their patches. */
export async function pullRequestFiles(
  repo: string,
  number: number,
): Promise<Array<{ filename: string; status: string; patch?: string }>> {
  const response = await githubApi(`/repos/${repo}/pulls/${number}/files`);
  if (!response.ok)
    throw new Error(`files of ${repo}#${number}: ${response.status}`);
  return response.json();
}

/** A file's text at a ref, through the contents API. */
export async function fileAt(
  repo: string,
  path: string,
  ref: string,
): Promise<string> {
  const response = await githubApi(
    `/repos/${repo}/contents/${path}?ref=${encodeURIComponent(ref)}`,
  );
  if (!response.ok)
    throw new Error(`${repo}/${path}@${ref}: ${response.status}`);
  const { content } = (await response.json()) as { content: string };
  return Buffer.from(content, 'base64').toString('utf8');
}

const CLUSTER_PORTS: Record<string, number> = {
  dev: 6443,
  staging: 6444,
  prod: 6445,
};

/** Reads an object from an emulated cluster through its Kubernetes API, as a client would. */
export async function getObject(cluster: string, path: string) {
  const response = await fetch(
    `http://127.0.0.1:${CLUSTER_PORTS[cluster]}${path}`,
    {
      headers: { authorization: `Bearer ${secrets().clusterTokens[cluster]}` },
    },
  );
  if (!response.ok)
    throw new Error(`GET ${path} on ${cluster}: ${response.status}`);
  return response.json();
}

/** Writes an object (status included) as the cluster's controller would, through the emulator's control API. */
export async function applyObject(cluster: string, object: object) {
  const response = await fetch(`${CONTROL_URL}/clusters/${cluster}/objects`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(object),
  });
  if (!response.ok) throw new Error(`apply on ${cluster}: ${response.status}`);
}

/** Stops or starts an emulated cluster (connection refused while stopped). */
export async function setClusterUp(cluster: string, up: boolean) {
  const response = await fetch(
    `${CONTROL_URL}/clusters/${cluster}/${up ? 'start' : 'stop'}`,
    { method: 'POST' },
  );
  if (!response.ok)
    throw new Error(`${up ? 'start' : 'stop'} ${cluster}: ${response.status}`);
}

/** Signs in with the guest provider and waits for the app's sidebar. */
export async function signInAsGuest(page: Page) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Enter' }).click();
  await expect(
    page
      .getByRole('navigation', { name: 'sidebar nav' })
      .getByRole('link', { name: 'Catalog', exact: true }),
  ).toBeVisible();
}

/** The signed-in guest's Backstage token, for calling the backend directly. */
export async function guestToken(page: Page): Promise<string> {
  const { backstageIdentity } = await page.request
    .post('/api/auth/guest/refresh', {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    })
    .then(r => r.json());
  return backstageIdentity.token;
}

/**
 * In an open promotion or rollback dialog: checks the proposed change shows `file` (the validated diff, before
 * anything is written), opens the pull request and returns its number from the confirmation's link.
 */
export async function openPreviewedPullRequest(
  page: Page,
  file: string,
): Promise<number> {
  await expect(
    page.getByRole('region', { name: 'Proposed change' }),
  ).toContainText(file);
  await page.getByRole('button', { name: 'Open pull request' }).click();
  const link = page
    .getByRole('alert')
    .filter({ hasText: 'Pull request opened' })
    .getByRole('link');
  await expect(link).toBeVisible();
  return Number((await link.textContent())!.match(/#(\d+)/)![1]);
}
