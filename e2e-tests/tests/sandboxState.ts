import { expect, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The sandbox the Playwright config starts keeps its state here (see playwright.config.ts). */
export const STATE_DIR = resolve(__dirname, '../output/sandbox-state');
const CONTROL_URL = 'http://127.0.0.1:6400';

const secrets = () =>
  JSON.parse(readFileSync(resolve(STATE_DIR, 'secrets.json'), 'utf8')) as {
    githubToken: string;
    clusterTokens: Record<string, string>;
  };

/** The token the sandbox's GitHub emulator accepts. */
export const githubToken = () => secrets().githubToken;

/** The config repo's head commit, read from the GitHub emulator's bare repository. */
export function configRepoHead(): string {
  return execFileSync('git', ['rev-parse', 'refs/heads/main'], {
    cwd: resolve(STATE_DIR, 'github/repos/acme/gitops-config.git'),
    encoding: 'utf8',
  }).trim();
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
