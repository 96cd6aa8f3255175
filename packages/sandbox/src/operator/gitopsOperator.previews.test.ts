import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { OperatorHarness } from '../__testUtils__/operatorHarness';
import { waitFor } from '../__testUtils__/watchStates';

/*
 * The pull-request generator played by the operator: an ApplicationSet merged under clusters/dev/ (the shape
 * gitops-node's previewEnvironments.ts writes) gets an Application per open pull request of cart-service's own
 * repository in the GitHub emulator, and loses it when the pull request closes.
 */

const SERVICE_REPO = { owner: 'acme', repo: 'cart-service' };
const APPSET_FILE = 'clusters/dev/argocd/cart-service-previews.yaml';

const applicationSet = (labels?: string[]) =>
  stringify({
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'ApplicationSet',
    metadata: { name: 'cart-service-previews', namespace: 'argocd' },
    spec: {
      goTemplate: true,
      generators: [
        {
          pullRequest: {
            github: { ...SERVICE_REPO, ...(labels ? { labels } : {}) },
            requeueAfterSeconds: 300,
          },
        },
      ],
      template: {
        metadata: {
          name: 'cart-service-pr-{{.number}}',
          labels: { 'backstage.io/kubernetes-id': 'cart-service' },
          annotations: {
            'gitops-portal.io/preview-pr-number': '{{.number}}',
          },
        },
        spec: {
          project: 'default',
          source: {
            repoURL: 'https://example.invalid/config.git',
            path: 'apps/cart-service/overlays/dev',
            kustomize: { images: ['ghcr.io/acme/cart-service:{{.head_sha}}'] },
          },
          destination: {
            server: 'https://kubernetes.default.svc',
            namespace: 'cart-service-pr-{{.number}}',
          },
        },
      },
    },
  });

let h: OperatorHarness;
let token: string;

const github = (path: string, init: RequestInit = {}) =>
  fetch(`${h.sandbox.github.apiUrl}${path}`, {
    ...init,
    headers: {
      authorization: `token ${token}`,
      'content-type': 'application/json',
    },
  });

const repoPath = `/repos/${SERVICE_REPO.owner}/${SERVICE_REPO.repo}`;

/** A branch with one commit and a pull request of it, as a developer opens one; returns its number. */
async function openPullRequest(branch: string, labels: string[] = []) {
  const main = await github(`${repoPath}/git/ref/heads/main`).then(r =>
    r.json(),
  );
  await github(`${repoPath}/git/refs`, {
    method: 'POST',
    body: JSON.stringify({ ref: `refs/heads/${branch}`, sha: main.object.sha }),
  });
  await github(`${repoPath}/contents/${branch}.txt`, {
    method: 'PUT',
    body: JSON.stringify({
      message: branch,
      content: Buffer.from(branch).toString('base64'),
      branch,
    }),
  });
  const pull = await github(`${repoPath}/pulls`, {
    method: 'POST',
    body: JSON.stringify({ title: branch, head: branch, base: 'main' }),
  }).then(r => r.json());
  if (labels.length > 0)
    await github(`${repoPath}/issues/${pull.number}/labels`, {
      method: 'POST',
      body: JSON.stringify({ labels }),
    });
  return pull as { number: number; head: { sha: string } };
}

const preview = (number: number) =>
  h
    .cluster('dev')
    .get(
      'argoproj.io/v1alpha1',
      'Application',
      `cart-service-pr-${number}`,
      'argocd',
    ) as any;

beforeAll(async () => {
  h = await OperatorHarness.start();
  token = JSON.parse(
    readFileSync(join(h.stateDir, 'secrets.json'), 'utf8'),
  ).githubToken;
  await h.sandbox.github.createRepo(SERVICE_REPO.owner, SERVICE_REPO.repo, {
    defaultBranch: 'main',
    files: { 'README.md': '# cart-service\n' },
  });
});

afterAll(() => h?.close());

describe('the simulated ApplicationSet controller (pull-request generator)', () => {
  it("makes an open pull request's Application from the template, Healthy, its overlay's objects in the preview namespace", async () => {
    const pull = await openPullRequest('add-coupons');
    await h.merge({ [APPSET_FILE]: applicationSet() }, 'Preview environments');

    const app = await waitFor(
      () => preview(pull.number),
      () => 'no preview Application',
    );
    expect(app.metadata.annotations).toEqual({
      'gitops-portal.io/preview-pr-number': String(pull.number),
    });
    expect(app.spec.source.kustomize.images).toEqual([
      `ghcr.io/acme/cart-service:${pull.head.sha}`,
    ]);
    expect(app.status.health.status).toBe('Healthy');
    expect(app.status.sync.status).toBe('Synced');
    expect(app.status.resources.length).toBeGreaterThan(0);
    expect(
      app.status.resources.every(
        (r: { namespace: string }) =>
          r.namespace === `cart-service-pr-${pull.number}`,
      ),
    ).toBe(true);
  });

  it('reports the ApplicationSet up to date, listing the Applications it generated', async () => {
    const pull = await openPullRequest('add-vouchers');
    const appSet = await waitFor(
      () => {
        const live = h
          .cluster('dev')
          .get(
            'argoproj.io/v1alpha1',
            'ApplicationSet',
            'cart-service-previews',
            'argocd',
          ) as any;
        return live?.status?.resources?.some(
          (r: { name: string }) => r.name === `cart-service-pr-${pull.number}`,
        )
          ? live
          : undefined;
      },
      () => 'the ApplicationSet lists no Application of the pull request',
    );
    expect(appSet.status.conditions).toContainEqual(
      expect.objectContaining({ type: 'ResourcesUpToDate', status: 'True' }),
    );
  });

  it('deletes the Application once its pull request closes', async () => {
    const pull = await openPullRequest('fix-totals');
    await waitFor(
      () => preview(pull.number),
      () => 'no preview Application',
    );

    await github(`${repoPath}/pulls/${pull.number}`, {
      method: 'PATCH',
      body: JSON.stringify({ state: 'closed' }),
    });

    await waitFor(
      () => preview(pull.number) === undefined,
      () => 'the preview Application is still there',
    );
    expect(preview(pull.number)).toBeUndefined();
  });

  it('with a label filter, makes Applications of the labelled pull requests only', async () => {
    await h.merge(
      { [APPSET_FILE]: applicationSet(['preview']) },
      'Previews of labelled pull requests',
    );
    const unlabelled = await openPullRequest('unlabelled');
    const labelled = await openPullRequest('labelled', ['preview']);

    // Each round lists every open pull request: the one that made the labelled preview saw the other one too.
    await waitFor(
      () => preview(labelled.number),
      () => 'no preview of the labelled pull request',
    );
    expect(preview(unlabelled.number)).toBeUndefined();
  });
});
