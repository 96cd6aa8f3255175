import { GithubEmulator } from '@internal/github-emulator';
import { stringify } from 'yaml';

/**
 * The files deploying one service (a Deployment retagged per overlay): `<folder><service>/base/` and
 * `<folder><service>/overlays/<env>/` for each environment of `tags`.
 */
export function serviceOverlays(
  service: string,
  tags: Record<string, string>,
  folder = 'apps/',
) {
  const image = `ghcr.io/acme/${service}`;
  const overlay = (tag: string) =>
    stringify({
      apiVersion: 'kustomize.config.k8s.io/v1beta1',
      kind: 'Kustomization',
      resources: ['../../base'],
      images: [{ name: image, newTag: tag }],
    });
  return {
    [`${folder}${service}/base/kustomization.yaml`]: stringify({
      resources: ['deployment.yaml'],
    }),
    [`${folder}${service}/base/deployment.yaml`]: stringify({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: service },
      spec: {
        template: {
          spec: { containers: [{ name: service, image: `${image}:0.0.0` }] },
        },
      },
    }),
    ...Object.fromEntries(
      Object.entries(tags).map(([environment, tag]) => [
        `${folder}${service}/overlays/${environment}/kustomization.yaml`,
        overlay(tag),
      ]),
    ),
  };
}

/** Files of a config repo deploying `shop` (a Deployment retagged per overlay) to dev and prod. */
export function shopConfigRepo(tags: { dev: string; prod: string }) {
  return { 'README.md': 'config\n', ...serviceOverlays('shop', tags) };
}

/**
 * Writes to a config repo in the github-emulator through plain REST requests, as a person would on GitHub (the
 * portal's throttled Octokit would space the writes seconds apart).
 */
export function configRepoRest(
  github: GithubEmulator,
  token: string,
  repo: { owner: string; repo: string },
) {
  async function api(method: string, path: string, body?: unknown) {
    const response = await fetch(
      `${github.url}/repos/${repo.owner}/${repo.repo}${path}`,
      {
        method,
        headers: {
          authorization: `token ${token}`,
          'content-type': 'application/json',
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      },
    );
    if (!response.ok) {
      throw new Error(`${method} ${path} answered ${response.status}`);
    }
    return response.json();
  }

  /** Writes one file on `branch` (created from main when missing) as one commit; returns its sha. */
  async function writeFile(
    branch: string,
    path: string,
    content: string,
    message: string,
  ): Promise<string> {
    if (branch !== 'main') {
      const main = await api('GET', '/git/ref/heads/main');
      await api('POST', '/git/refs', {
        ref: `refs/heads/${branch}`,
        sha: main.object.sha,
      }).catch(() => undefined); // the branch exists already
    }
    const existing = await api(
      'GET',
      `/contents/${path}?ref=${encodeURIComponent(branch)}`,
    ).catch(() => undefined);
    const data = await api('PUT', `/contents/${path}`, {
      message,
      branch,
      content: Buffer.from(content).toString('base64'),
      ...(existing?.sha ? { sha: existing.sha } : {}),
    });
    return data.commit.sha;
  }

  /** A pull request writing one file, merged; returns its number, head commit and merge commit. */
  async function mergedPullRequest(
    branch: string,
    path: string,
    content: string,
    title: string,
  ) {
    const head = await writeFile(branch, path, content, title);
    const pull = await api('POST', '/pulls', {
      head: branch,
      base: 'main',
      title,
    });
    const merged = await api('PUT', `/pulls/${pull.number}/merge`, {});
    return {
      number: pull.number as number,
      head,
      mergeCommit: merged.sha as string,
    };
  }

  return { writeFile, mergedPullRequest };
}
