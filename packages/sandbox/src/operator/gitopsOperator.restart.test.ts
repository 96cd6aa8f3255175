import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OperatorHarness, short } from '../__testUtils__/operatorHarness';
import { waitFor } from '../__testUtils__/watchStates';
import { normalizeObject } from '@gitops-portal/plugin-gitops-common';
import { CONFIG_REPO } from '../demo/environments';
import { startGitopsOperator } from './gitopsOperator';
import { GitopsOperator } from './types';

let h: OperatorHarness;
let operator: GitopsOperator | undefined;

// The sandbox without its own operator: the test starts and stops one on the sandbox's state, as restarts would.
beforeAll(async () => {
  h = await OperatorHarness.start(false);
});

afterAll(async () => {
  await operator?.close();
  await h?.close();
});

function startOperator() {
  const { github, kube } = h.sandbox;
  return startGitopsOperator({
    source: {
      apiUrl: github.apiUrl,
      gitUrl: h.gitUrl,
      ...CONFIG_REPO,
      branch: 'main',
      token: JSON.parse(readFileSync(join(h.stateDir, 'secrets.json'), 'utf8'))
        .githubToken,
    },
    clusters: kube.clusters,
    workDir: join(h.stateDir, 'operator'),
    pollIntervalMs: 100,
    stepDelayMs: 100,
  });
}

describe('the simulated GitOps operator across restarts', () => {
  it('syncs at its next start a commit merged while it was stopped', async () => {
    const first = await startOperator();
    await first.close();
    const overlay = 'apps/payments-api/overlays/prod/kustomization.yaml';
    const sha = await h.clone.commit(
      {
        [overlay]: h.seeded[overlay].replace('newTag: 1.3.1', 'newTag: 1.3.2'),
      },
      'Promote to prod while the operator is down',
    );

    operator = await startOperator();
    await waitFor(
      () => operator!.revision === sha,
      () => operator!.revision,
    );
    const app = h
      .cluster('prod')
      .get(
        'argoproj.io/v1alpha1',
        'Application',
        'payments-api-prod',
        'argocd',
      );
    const status = normalizeObject(app, { cluster: 'prod' });
    expect(
      `${status.sync}/${status.health.status}@${short(status.revision!)}`,
    ).toBe(`Synced/Healthy@${short(sha)}`);
  });
});
